package org.pstngw.sipi.isup;

/**
 * Forward call indicators (Q.763 3.23), two octets kept as a 16-bit value (first octet in the low byte) with the
 * fields the gateway reads: A national/international, D interworking, F ISUP used all the way, HG ISUP preference, I
 * ISDN access.
 */
public record ForwardCallIndicators(int value) {
    public static final int ISUP_PREFERRED = 0;
    public static final int ISUP_NOT_REQUIRED = 1;
    public static final int ISUP_REQUIRED = 2;

    public ForwardCallIndicators {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("two octets: " + value);
        }
    }

    public static ForwardCallIndicators of(
            boolean international,
            boolean interworking,
            boolean isupAllTheWay,
            int isupPreference,
            boolean isdnAccess) {
        return new ForwardCallIndicators((international ? 1 : 0)
                | (interworking ? 0x08 : 0)
                | (isupAllTheWay ? 0x20 : 0)
                | (isupPreference & 3) << 6
                | (isdnAccess ? 0x100 : 0));
    }

    static ForwardCallIndicators decode(byte[] b) {
        return new ForwardCallIndicators((b[0] & 0xFF) | (b[1] & 0xFF) << 8);
    }

    public boolean international() {
        return (value & 1) != 0;
    }

    public boolean interworking() {
        return (value & 0x08) != 0;
    }

    public boolean isupAllTheWay() {
        return (value & 0x20) != 0;
    }

    public int isupPreference() {
        return (value >> 6) & 3;
    }

    public boolean isdnAccess() {
        return (value & 0x100) != 0;
    }

    public byte[] encode() {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }
}
