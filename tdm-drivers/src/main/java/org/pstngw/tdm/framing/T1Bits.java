package org.pstngw.tdm.framing;

/**
 * Packs T1 frames into the 193-bit line format (F bit, then channels 1-24, most significant bit first) and back;
 * eight frames fill exactly 193 octets (the SAToP T1 payload).
 */
public final class T1Bits {
    /** Bits per T1 frame. */
    public static final int FRAME_BITS = 193;

    private T1Bits() {}

    /** Writes one frame at bit position {@code bitPos} of {@code out}. */
    public static void pack(int fbit, byte[] payload, int poff, byte[] out, long bitPos) {
        putBit(out, bitPos, fbit);
        int shift = (int) ((bitPos + 1) & 7);
        int index = (int) ((bitPos + 1) >>> 3);
        if (shift == 0) {
            System.arraycopy(payload, poff, out, index, 24);
            return;
        }
        int keepMask = (0xFF << (8 - shift)) & 0xFF;
        int carry = out[index] & keepMask;
        for (int i = 0; i < 24; i++) {
            int b = payload[poff + i] & 0xFF;
            out[index + i] = (byte) (carry | (b >>> shift));
            carry = (b << (8 - shift)) & 0xFF;
        }
        int last = out[index + 24] & ~keepMask & 0xFF;
        out[index + 24] = (byte) (carry | last);
    }

    /** Reads one frame at bit position {@code bitPos}: the channels into {@code payload}, returns the F bit. */
    public static int unpack(byte[] in, long bitPos, byte[] payload, int poff) {
        int fbit = (in[(int) (bitPos >>> 3)] >>> (7 - (int) (bitPos & 7))) & 1;
        int shift = (int) ((bitPos + 1) & 7);
        int index = (int) ((bitPos + 1) >>> 3);
        if (shift == 0) {
            System.arraycopy(in, index, payload, poff, 24);
            return fbit;
        }
        for (int i = 0; i < 24; i++) {
            int hi = (in[index + i] << shift) & 0xFF;
            int lo = (in[index + i + 1] & 0xFF) >>> (8 - shift);
            payload[poff + i] = (byte) (hi | lo);
        }
        return fbit;
    }

    private static void putBit(byte[] out, long bitPos, int bit) {
        int index = (int) (bitPos >>> 3);
        int mask = 0x80 >>> (int) (bitPos & 7);
        out[index] = (byte) (bit != 0 ? out[index] | mask : out[index] & ~mask);
    }
}
