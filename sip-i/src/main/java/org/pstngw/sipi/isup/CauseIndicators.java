package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * Cause indicators (Q.763 3.12, Q.850 2.2): coding standard, location, cause value and diagnostics.
 *
 * <pre>
 *  ext | coding std(2) | spare | location(4)
 * [ext | recommendation(7)]      octet 1a, present when the first ext bit is 0
 *  ext | cause value(7)
 *  diagnostic(s) ...
 * </pre>
 *
 * <p>The cause value means what its coding standard says: with {@link #CODING_ITU} the Q.850 value (the names of
 * {@link CauseValue}); with {@link #CODING_ANSI} a value of T1.113's own list (23 unallocated destination number, 25
 * exchange routing error, 26 misrouted call to a ported number, 45 preemption, ...), which T1.113 uses only for causes
 * Q.850 lacks: ANSI networks send the Q.850 causes with the ITU coding standard.
 *
 * @param codingStandard 0 ITU-T (Q.850), 2 national (in ANSI networks: T1.113's own cause values)
 * @param location 0 user, 1 private local, 2 public local, 3 transit, 4 public remote, 5 private remote, 7
 *     international, 10 beyond interworking point
 * @param recommendation Q.850's octet 3a (0 Q.763, 3 X.21, 4 X.25, ...), when present: kept so that the parameter
 *     re-encodes to its octets
 */
@SuppressWarnings("ArrayRecordComponent") // array-aware equals/hashCode/toString below
public record CauseIndicators(
        int codingStandard, int location, CauseValue cause, byte[] diagnostics, OptionalInt recommendation) {
    public static final int CODING_ITU = 0;
    public static final int CODING_NATIONAL = 2;
    /** T1.113's name for coding standard 2 (binary 10, "ANSI standard"). */
    public static final int CODING_ANSI = CODING_NATIONAL;

    public static final int LOCATION_USER = 0;
    public static final int LOCATION_PUBLIC_LOCAL = 2;
    public static final int LOCATION_TRANSIT = 3;
    public static final int LOCATION_PUBLIC_REMOTE = 4;
    public static final int LOCATION_BEYOND_INTERWORKING = 10;

    public CauseIndicators {
        if (codingStandard < 0 || codingStandard > 3 || location < 0 || location > 15) {
            throw new IllegalArgumentException("coding standard or location out of range");
        }
        diagnostics = diagnostics == null ? new byte[0] : diagnostics.clone();
        recommendation = recommendation == null ? OptionalInt.empty() : recommendation;
        if (recommendation.isPresent() && (recommendation.getAsInt() < 0 || recommendation.getAsInt() > 0x7F)) {
            throw new IllegalArgumentException("recommendation: seven bits");
        }
    }

    /** Without the recommendation octet, as almost every cause is sent. */
    public CauseIndicators(int codingStandard, int location, CauseValue cause, byte[] diagnostics) {
        this(codingStandard, location, cause, diagnostics, OptionalInt.empty());
    }

    /** A Q.850 cause (ITU-T coding standard), no diagnostics. */
    public static CauseIndicators of(int location, CauseValue cause) {
        return new CauseIndicators(CODING_ITU, location, cause, new byte[0]);
    }

    /** A cause from T1.113's own list (ANSI coding standard), no diagnostics. */
    public static CauseIndicators ansi(int location, CauseValue cause) {
        return new CauseIndicators(CODING_ANSI, location, cause, new byte[0]);
    }

    @Override
    public byte[] diagnostics() {
        return diagnostics.clone();
    }

    public boolean hasDiagnostics() {
        return diagnostics.length > 0;
    }

    static CauseIndicators decode(byte[] b) {
        boolean octet1a = (b[0] & 0x80) == 0; // octet 1a (recommendation) present when ext = 0
        int i = octet1a ? 2 : 1;
        return new CauseIndicators(
                (b[0] >> 5) & 3,
                b[0] & 0xF,
                CauseValue.fromOctet(b[i]),
                Arrays.copyOfRange(b, i + 1, b.length),
                octet1a ? OptionalInt.of(b[1] & 0x7F) : OptionalInt.empty());
    }

    public byte[] encode() {
        int head = recommendation.isPresent() ? 3 : 2;
        byte[] out = new byte[head + diagnostics.length];
        out[0] = (byte) ((recommendation.isPresent() ? 0 : 0x80) | codingStandard << 5 | location);
        if (recommendation.isPresent()) {
            out[1] = (byte) (0x80 | recommendation.getAsInt());
        }
        out[head - 1] = (byte) (0x80 | cause.code());
        System.arraycopy(diagnostics, 0, out, head, diagnostics.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CauseIndicators c
                && c.codingStandard == codingStandard
                && c.location == location
                && c.cause.equals(cause)
                && Arrays.equals(c.diagnostics, diagnostics)
                && c.recommendation.equals(recommendation);
    }

    @Override
    public int hashCode() {
        return (((codingStandard * 31 + location) * 31 + cause.hashCode()) * 31 + Arrays.hashCode(diagnostics)) * 31
                + recommendation.hashCode();
    }

    @Override
    public String toString() {
        return "CauseIndicators[coding=" + codingStandard + ", location=" + location + ", cause=" + cause
                + ", diagnostics=" + HexFormat.of().formatHex(diagnostics)
                + (recommendation.isPresent() ? ", recommendation=" + recommendation.getAsInt() : "") + "]";
    }
}
