package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ISUP parameter as on the wire: its name code and its contents (without name and length octets). The gateway keeps
 * every parameter this way, interpreted or not, so what it does not understand is re-emitted byte for byte.
 *
 * <p>Immutable: the public constructor copies the contents in and {@link #value()} hands out a copy. A final class
 * rather than a record (same constructor, accessors, equality and string form), so that the codec and the factories,
 * which make a fresh array for every parameter, can hand it over without a second copy ({@link #owning}); a record's
 * canonical constructor cannot skip its defensive copy.
 */
public final class IsupParameter {
    private final ParameterCode code;
    private final byte[] value;

    /**
     * @throws IllegalArgumentException for a null code or value, code 0 (the end of the optional part) or more than
     *     255 octets
     */
    public IsupParameter(ParameterCode code, byte[] value) {
        this(value(code, value).clone(), code);
    }

    /** Holds {@code fresh} itself (checked by the caller). */
    private IsupParameter(byte[] fresh, ParameterCode code) {
        this.code = code;
        this.value = fresh;
    }

    /** A parameter holding {@code fresh} itself: an array only the caller made, which nobody writes afterwards. */
    static IsupParameter owning(ParameterCode code, byte[] fresh) {
        return new IsupParameter(value(code, fresh), code);
    }

    /** {@code value}, once code and value are checked. */
    private static byte[] value(ParameterCode code, byte[] value) {
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
        return value;
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
        return owning(code, b);
    }

    /** The parameter name code. */
    public ParameterCode code() {
        return code;
    }

    /** The contents (a copy). */
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
