package org.pstngw.sipi.isup;

/**
 * Event information (Q.763 3.21): event indicator (1 alerting, 2 progress, 3 in-band information available, 4-6 call
 * forwarded on busy / no reply / unconditional) and the event presentation restricted indicator (bit H).
 */
public record EventInformation(int event, boolean presentationRestricted) {
    public static final int ALERTING = 1;
    public static final int PROGRESS = 2;
    public static final int IN_BAND_INFORMATION = 3;
    public static final int FORWARDED_ON_BUSY = 4;
    public static final int FORWARDED_ON_NO_REPLY = 5;
    public static final int FORWARDED_UNCONDITIONAL = 6;

    public EventInformation {
        if (event < 0 || event > 0x7F) {
            throw new IllegalArgumentException("seven bits: " + event);
        }
    }

    static EventInformation decode(byte[] b) {
        return new EventInformation(b[0] & 0x7F, (b[0] & 0x80) != 0);
    }

    public byte[] encode() {
        return new byte[] {(byte) (event | (presentationRestricted ? 0x80 : 0))};
    }
}
