package org.pstngw.sipi.isup;

/**
 * Backward call indicators (Q.763 3.5), two octets as a 16-bit value (first octet low): BA charge, DC called party's
 * status (1 subscriber free, 2 connect when free), FE called party's category, I interworking, K ISUP all the way, M
 * ISDN access, N echo control device.
 */
public record BackwardCallIndicators(int value) {
    public static final int STATUS_NO_INDICATION = 0;
    public static final int STATUS_SUBSCRIBER_FREE = 1;
    public static final int STATUS_CONNECT_WHEN_FREE = 2;

    public BackwardCallIndicators {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("two octets: " + value);
        }
    }

    public static BackwardCallIndicators of(
            int charge, int calledPartyStatus, int calledPartyCategory, boolean interworking, boolean isupAllTheWay) {
        return new BackwardCallIndicators((charge & 3)
                | (calledPartyStatus & 3) << 2
                | (calledPartyCategory & 3) << 4
                | (interworking ? 0x100 : 0)
                | (isupAllTheWay ? 0x400 : 0));
    }

    static BackwardCallIndicators decode(byte[] b) {
        return new BackwardCallIndicators((b[0] & 0xFF) | (b[1] & 0xFF) << 8);
    }

    public int charge() {
        return value & 3;
    }

    public int calledPartyStatus() {
        return (value >> 2) & 3;
    }

    public int calledPartyCategory() {
        return (value >> 4) & 3;
    }

    public boolean interworking() {
        return (value & 0x100) != 0;
    }

    public boolean isupAllTheWay() {
        return (value & 0x400) != 0;
    }

    public boolean isdnAccess() {
        return (value & 0x1000) != 0;
    }

    public byte[] encode() {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }
}
