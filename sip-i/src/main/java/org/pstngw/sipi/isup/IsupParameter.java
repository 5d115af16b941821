package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ISUP parameter as on the wire: its name code and its contents (without name and length octets). The gateway keeps
 * every parameter this way, interpreted or not, so what it does not understand is re-emitted byte for byte.
 */
@SuppressWarnings("ArrayRecordComponent") // equals/hashCode/toString and the accessor are array-aware below
public record IsupParameter(ParameterCode code, byte[] value) {
    public IsupParameter {
        if (code == null || value == null) {
            throw new IllegalArgumentException("code and value are required");
        }
        if (code.code() == 0) {
            throw new IllegalArgumentException("code 0 is the end of the optional part, not a parameter");
        }
        if (value.length > 255) {
            throw new IllegalArgumentException(
                    code + ": an ISUP parameter holds at most 255 octets, not " + value.length);
        }
        value = value.clone();
    }

    public static IsupParameter of(ParameterCode code, byte... value) {
        return new IsupParameter(code, value);
    }

    /** A parameter from octet values given as ints (0-255), for readability in tests and tables. */
    public static IsupParameter of(ParameterCode code, int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) octets[i];
        }
        return new IsupParameter(code, b);
    }

    /** The contents (a copy). */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Contents without a copy, for the codec only. */
    byte[] raw() {
        return value;
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsupParameter p && p.code.equals(code) && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return code + "=" + HexFormat.of().formatHex(value);
    }
}
