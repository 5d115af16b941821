package org.pstngw.tdm.pseudowire;

/**
 * Wrap-aware arithmetic on the 16-bit pseudowire sequence number (RFC 4553 section 5.1, RFC 5086
 * section 5.1): values are ints in 0..65535, and "later" is decided by the shortest distance
 * around the circle, as for RTP sequence numbers. Static and allocation-free for the packet path.
 */
public final class PwSequence {
    public static final int MODULUS = 1 << 16;

    private PwSequence() {}

    /** The sequence number following {@code seq}, wrapping 65535 to 0. */
    public static int next(int seq) {
        return (seq + 1) & 0xFFFF;
    }

    /** {@code seq + delta} modulo 2^16 ({@code delta} may be negative). */
    public static int add(int seq, int delta) {
        return (seq + delta) & 0xFFFF;
    }

    /**
     * Signed distance from {@code from} to {@code to} in -32768..32767: positive when {@code to} is
     * later than {@code from}.
     */
    public static int delta(int from, int to) {
        return (short) (to - from);
    }

    /** True when {@code a} is strictly later than {@code b} around the circle. */
    public static boolean isNewer(int a, int b) {
        return delta(b, a) > 0;
    }
}
