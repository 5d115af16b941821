package org.pstngw.sipi.isup;

/**
 * ISUP message type codes (Q.763 Table 4, T1.113.3). Open enum: {@link #valueOf(int)} returns a value for any code, so
 * an unknown message type passes through.
 */
public final class IsupMessageType implements Comparable<IsupMessageType> {
    private static final IsupMessageType[] BY_CODE = new IsupMessageType[256];

    public static final IsupMessageType IAM = define(0x01, "IAM");
    public static final IsupMessageType SAM = define(0x02, "SAM");
    public static final IsupMessageType INR = define(0x03, "INR");
    public static final IsupMessageType INF = define(0x04, "INF");
    public static final IsupMessageType COT = define(0x05, "COT");
    public static final IsupMessageType ACM = define(0x06, "ACM");
    public static final IsupMessageType CON = define(0x07, "CON");
    public static final IsupMessageType FOT = define(0x08, "FOT");
    public static final IsupMessageType ANM = define(0x09, "ANM");
    public static final IsupMessageType REL = define(0x0C, "REL");
    public static final IsupMessageType SUS = define(0x0D, "SUS");
    public static final IsupMessageType RES = define(0x0E, "RES");
    public static final IsupMessageType RLC = define(0x10, "RLC");
    public static final IsupMessageType CCR = define(0x11, "CCR");
    public static final IsupMessageType RSC = define(0x12, "RSC");
    public static final IsupMessageType BLO = define(0x13, "BLO");
    public static final IsupMessageType UBL = define(0x14, "UBL");
    public static final IsupMessageType BLA = define(0x15, "BLA");
    public static final IsupMessageType UBA = define(0x16, "UBA");
    public static final IsupMessageType GRS = define(0x17, "GRS");
    public static final IsupMessageType CGB = define(0x18, "CGB");
    public static final IsupMessageType CGU = define(0x19, "CGU");
    public static final IsupMessageType CGBA = define(0x1A, "CGBA");
    public static final IsupMessageType CGUA = define(0x1B, "CGUA");
    public static final IsupMessageType LPA = define(0x24, "LPA");
    public static final IsupMessageType GRA = define(0x29, "GRA");
    public static final IsupMessageType CQM = define(0x2A, "CQM");
    public static final IsupMessageType CQR = define(0x2B, "CQR");
    public static final IsupMessageType CPG = define(0x2C, "CPG");
    public static final IsupMessageType USR = define(0x2D, "USR");
    public static final IsupMessageType UCIC = define(0x2E, "UCIC");
    public static final IsupMessageType CFN = define(0x2F, "CFN");
    public static final IsupMessageType FAC = define(0x33, "FAC");

    private final int code;
    private final String name;

    private IsupMessageType(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static IsupMessageType define(int code, String name) {
        IsupMessageType t = new IsupMessageType(code, name);
        BY_CODE[code] = t;
        return t;
    }

    /** The named constant for {@code code}, or a new value named {@code UNKNOWN(0xNN)}; never throws for 0-255. */
    public static IsupMessageType valueOf(int code) {
        int c = code & 0xFF;
        IsupMessageType t = BY_CODE[c];
        return t != null ? t : new IsupMessageType(c, String.format("UNKNOWN(0x%02X)", c));
    }

    public int code() {
        return code;
    }

    public String name() {
        return name;
    }

    @SuppressWarnings("ReferenceEquality") // known means: this is the constant defined for the code
    public boolean isKnown() {
        return BY_CODE[code] == this;
    }

    @Override
    public int compareTo(IsupMessageType o) {
        return Integer.compare(code, o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsupMessageType t && t.code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
