package org.pstngw.sipi.isup;

/** Length checks for the parameters the gateway interprets: a reason when the contents cannot be read, else null. */
final class TypedParameters {
    private TypedParameters() {}

    static String check(ParameterCode code, byte[] b) {
        return check(code, b, 0, b.length);
    }

    /** As {@link #check(ParameterCode, byte[])}, for the {@code length} octets at {@code from} of {@code b}. */
    static String check(ParameterCode code, byte[] b, int from, int length) {
        int min = switch (code.code()) {
            case 0x04, 0x0C -> 2; // called party number, redirection number (digits may be absent in overlap)
            case 0x0A, 0x0B, 0x21, 0x28 -> 2; // calling, redirecting, connected, original called
            case 0x05 -> 1; // subsequent number
            case 0x12 -> 2; // cause indicators
            case 0x06, 0x09, 0x24, 0x16, 0x13, 0x38 -> 1; // 0x38 message compatibility information
            case 0x39 -> 2; // parameter compatibility information: a name and an instruction octet
            case 0x07, 0x11 -> 2;
            default -> 0;
        };
        if (length < min) {
            return "needs at least " + min + " octet(s), has " + length;
        }
        if (code.code() == 0x12 && (b[from] & 0x80) == 0 && length < 3) {
            return "octet 1a announced but cause value missing";
        }
        return null;
    }
}
