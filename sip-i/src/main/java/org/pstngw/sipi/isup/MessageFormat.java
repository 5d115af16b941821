package org.pstngw.sipi.isup;

/**
 * The layout of one message type (Q.763's message tables, T1.113.3): mandatory fixed parameters with their lengths,
 * mandatory variable parameters (one pointer each), and whether an optional part (and its pointer) exists.
 *
 * <p>ANSI differs from ITU in two layouts: the IAM carries user service information as its first mandatory variable
 * parameter instead of the fixed transmission medium requirement, and the RLC is the message type alone (T1.113.3 gives
 * it no optional part; Q.763 does). The other layouts are the same in both (checked against T1.113.3's
 * tables as Wireshark's ANSI ISUP dissector implements them). Message types without a layout here (ANSI's CRA, CRM,
 * CVT, CVR, EXM; ITU's IDR, APM, SGM, ...) decode to {@link IsupMessage.Unknown} and pass through as raw octets.
 */
@SuppressWarnings("ArrayRecordComponent") // an internal table, never handed out
record MessageFormat(int[] fixedCodes, int[] fixedLengths, int[] variableCodes, boolean optionalPart) {
    private static final int[] NONE = new int[0];
    private static final MessageFormat[] ITU = new MessageFormat[256];
    private static final MessageFormat[] ANSI = new MessageFormat[256];

    static {
        // Call set-up and release.
        both(0x01, f(0x06, 1, 0x07, 2, 0x09, 1, 0x02, 1), v(0x04), true); // IAM (ANSI differs, below)
        ANSI[0x01] = new MessageFormat(new int[] {0x06, 0x07, 0x09}, new int[] {1, 2, 1}, v(0x1D, 0x04), true);
        both(0x02, null, v(0x05), true); // SAM
        both(0x03, f(0x0E, 2), NONE, true); // INR
        both(0x04, f(0x0F, 2), NONE, true); // INF
        both(0x05, f(0x10, 1), NONE, false); // COT
        both(0x06, f(0x11, 2), NONE, true); // ACM
        both(0x07, f(0x11, 2), NONE, true); // CON
        both(0x08, null, NONE, true); // FOT
        both(0x09, null, NONE, true); // ANM
        both(0x0C, null, v(0x12), true); // REL
        both(0x0D, f(0x22, 1), NONE, true); // SUS
        both(0x0E, f(0x22, 1), NONE, true); // RES
        both(0x10, null, NONE, true); // RLC (ANSI differs, below)
        ANSI[0x10] = new MessageFormat(NONE, NONE, NONE, false);
        both(0x2C, f(0x24, 1), NONE, true); // CPG
        both(0x2F, null, v(0x12), true); // CFN
        both(0x2D, null, v(0x20), true); // USR
        both(0x33, null, NONE, true); // FAC
        // Circuit maintenance: message type code only.
        for (int code : new int[] {0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x24, 0x2E}) {
            both(code, null, NONE, false); // CCR RSC BLO UBL BLA UBA LPA UCIC
        }
        both(0x17, null, v(0x16), false); // GRS
        both(0x29, null, v(0x16), false); // GRA
        both(0x2A, null, v(0x16), false); // CQM
        both(0x2B, null, v(0x16, 0x26), false); // CQR
        for (int code : new int[] {0x18, 0x19, 0x1A, 0x1B}) {
            both(code, f(0x15, 1), v(0x16), false); // CGB CGU CGBA CGUA
        }
    }

    static MessageFormat of(IsupVariant variant, int messageType) {
        return (variant == IsupVariant.ANSI ? ANSI : ITU)[messageType & 0xFF];
    }

    private static void both(int code, int[][] fixed, int[] variable, boolean optional) {
        MessageFormat m =
                new MessageFormat(fixed == null ? NONE : fixed[0], fixed == null ? NONE : fixed[1], variable, optional);
        ITU[code] = m;
        ANSI[code] = m;
    }

    private static int[][] f(int... codeLengthPairs) {
        int[] codes = new int[codeLengthPairs.length / 2];
        int[] lengths = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = codeLengthPairs[2 * i];
            lengths[i] = codeLengthPairs[2 * i + 1];
        }
        return new int[][] {codes, lengths};
    }

    private static int[] v(int... codes) {
        return codes;
    }

    boolean isMandatory(int code) {
        for (int c : fixedCodes) {
            if (c == code) {
                return true;
            }
        }
        for (int c : variableCodes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }
}
