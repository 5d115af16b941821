package org.pstngw.sipi.isup;

/**
 * ISUP message type codes (Q.763 Table 4, T1.113.3). Open enum: {@link #valueOf(int)} returns a value for any code, so
 * an unknown message type passes through.
 */
public final class IsupMessageType extends OpenCode<IsupMessageType> {
    private static final Registry<IsupMessageType> CODES =
            new Registry<>(256, IsupMessageType::new, c -> String.format("UNKNOWN(0x%02X)", c));

    public static final IsupMessageType IAM = CODES.define(0x01, "IAM");
    public static final IsupMessageType SAM = CODES.define(0x02, "SAM");
    public static final IsupMessageType INR = CODES.define(0x03, "INR");
    public static final IsupMessageType INF = CODES.define(0x04, "INF");
    public static final IsupMessageType COT = CODES.define(0x05, "COT");
    public static final IsupMessageType ACM = CODES.define(0x06, "ACM");
    public static final IsupMessageType CON = CODES.define(0x07, "CON");
    public static final IsupMessageType FOT = CODES.define(0x08, "FOT");
    public static final IsupMessageType ANM = CODES.define(0x09, "ANM");
    public static final IsupMessageType REL = CODES.define(0x0C, "REL");
    public static final IsupMessageType SUS = CODES.define(0x0D, "SUS");
    public static final IsupMessageType RES = CODES.define(0x0E, "RES");
    public static final IsupMessageType RLC = CODES.define(0x10, "RLC");
    public static final IsupMessageType CCR = CODES.define(0x11, "CCR");
    public static final IsupMessageType RSC = CODES.define(0x12, "RSC");
    public static final IsupMessageType BLO = CODES.define(0x13, "BLO");
    public static final IsupMessageType UBL = CODES.define(0x14, "UBL");
    public static final IsupMessageType BLA = CODES.define(0x15, "BLA");
    public static final IsupMessageType UBA = CODES.define(0x16, "UBA");
    public static final IsupMessageType GRS = CODES.define(0x17, "GRS");
    public static final IsupMessageType CGB = CODES.define(0x18, "CGB");
    public static final IsupMessageType CGU = CODES.define(0x19, "CGU");
    public static final IsupMessageType CGBA = CODES.define(0x1A, "CGBA");
    public static final IsupMessageType CGUA = CODES.define(0x1B, "CGUA");
    public static final IsupMessageType LPA = CODES.define(0x24, "LPA");
    public static final IsupMessageType GRA = CODES.define(0x29, "GRA");
    public static final IsupMessageType CQM = CODES.define(0x2A, "CQM");
    public static final IsupMessageType CQR = CODES.define(0x2B, "CQR");
    public static final IsupMessageType CPG = CODES.define(0x2C, "CPG");
    public static final IsupMessageType USR = CODES.define(0x2D, "USR");
    public static final IsupMessageType UCIC = CODES.define(0x2E, "UCIC");
    public static final IsupMessageType CFN = CODES.define(0x2F, "CFN");
    public static final IsupMessageType FAC = CODES.define(0x33, "FAC");

    private IsupMessageType(int code, String name) {
        super(code, name);
    }

    /** The named constant for {@code code}, or a new value named {@code UNKNOWN(0xNN)}; never throws for 0-255. */
    public static IsupMessageType valueOf(int code) {
        return CODES.valueOf(code & 0xFF);
    }

    /** Whether this is one of the named constants above: a message type this module knows. */
    public boolean isKnown() {
        return CODES.isDefined(this);
    }
}
