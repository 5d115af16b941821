package org.pstngw.sipi.isup;

/** Calling party's category (Q.763 3.11), one octet: 0x0A ordinary subscriber, 0x0F payphone, 0x00 unknown, ... */
public record CallingPartyCategory(int value) {
    public static final CallingPartyCategory UNKNOWN = new CallingPartyCategory(0x00);
    public static final CallingPartyCategory ORDINARY = new CallingPartyCategory(0x0A);
    public static final CallingPartyCategory PRIORITY = new CallingPartyCategory(0x0B);
    public static final CallingPartyCategory DATA = new CallingPartyCategory(0x0C);
    public static final CallingPartyCategory TEST = new CallingPartyCategory(0x0D);
    public static final CallingPartyCategory PAYPHONE = new CallingPartyCategory(0x0F);

    public CallingPartyCategory {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("one octet: " + value);
        }
    }

    public byte[] encode() {
        return new byte[] {(byte) value};
    }
}
