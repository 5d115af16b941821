package org.pstngw.tdm.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CRC-4 of G.704 section 2.3.3.5: the sub-multiframe is multiplied by x^4 and divided by x^4+x+1; the 4-bit remainder
 * is C1 (most significant) to C4. Bits are taken in line order (most significant bit of each octet first), register
 * initially zero. Slicing-by-8 tables: eight independent look-ups per 8 octets.
 */
public final class Crc4 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[][] SLICE = new byte[8][256];
    /** v mod g for the low 8 bits of a 15-bit vector, and for its high 7 bits (times x^8). */
    private static final byte[] MOD_LOW = new byte[256];

    private static final byte[] MOD_HIGH = new byte[128];

    static {
        for (int x = 0; x < 256; x++) {
            int reg = x;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 0x80) != 0 ? ((reg << 1) ^ 0x30) & 0xFF : (reg << 1) & 0xFF;
            }
            SLICE[0][x] = (byte) (reg >>> 4);
        }
        for (int k = 1; k < 8; k++) {
            for (int x = 0; x < 256; x++) {
                int crc = SLICE[k - 1][x];
                SLICE[k][x] = SLICE[0][crc << 4];
            }
        }
    }

    /**
     * What bit 1 of TS0 (the first bit of a 32-octet E1 frame) adds to the register after the whole frame: the CRC is
     * linear, so a frame whose C bit must count as 0 is {@code update(crc, frame) ^ (cBit ? TS0_BIT1 : 0)}.
     */
    public static final int TS0_BIT1;

    static {
        byte[] frame = new byte[32];
        frame[0] = (byte) 0x80;
        TS0_BIT1 = update(0, frame, 0, 32);
    }

    static {
        for (int v = 0; v < 256; v++) {
            MOD_LOW[v] = (byte) mod(v);
        }
        for (int v = 0; v < 128; v++) {
            MOD_HIGH[v] = (byte) mod(v << 8);
        }
    }

    private Crc4() {}

    /** A polynomial of up to 15 bits modulo x^4 + x + 1, bit by bit. */
    private static int mod(int v) {
        int r = v;
        for (int bit = 14; bit >= 4; bit--) {
            if ((r & (1 << bit)) != 0) {
                r ^= 0b10011 << (bit - 4);
            }
        }
        return r;
    }

    /**
     * Runs one 32-octet frame through the register: the same as {@code update(crc, frame, off, 32)}, computed without
     * tables per octet. x^4 + x + 1 is primitive, so x^15 = 1 modulo it: each 64-bit word folds into 15 bits (bit i
     * counts as bit i mod 15), multiplying by a power of x is a rotation of those 15 bits, and the four words and the
     * old register (the words times x^64k and x^4, the register times x^256) sum to one 15-bit vector reduced by two small tables.
     */
    public static int frame(int crc, byte[] frame, int off) {
        int v = rotate(fold((long) LONGS.get(frame, off)), 1)
                ^ rotate(fold((long) LONGS.get(frame, off + 8)), 12)
                ^ rotate(fold((long) LONGS.get(frame, off + 16)), 8)
                ^ rotate(fold((long) LONGS.get(frame, off + 24)), 4)
                ^ rotate(crc & 0xF, 1);
        return MOD_LOW[v & 0xFF] ^ MOD_HIGH[v >>> 8];
    }

    private static int fold(long w) {
        long f = w ^ (w >>> 15) ^ (w >>> 30) ^ (w >>> 45) ^ (w >>> 60);
        return (int) (f & 0x7FFF);
    }

    private static int rotate(int v, int by) {
        return ((v << by) | (v >>> (15 - by))) & 0x7FFF;
    }

    /** Runs one octet through the 4-bit register. */
    public static int update(int crc, int octet) {
        return SLICE[0][((crc << 4) ^ octet) & 0xFF];
    }

    /** Runs octets through the 4-bit register. */
    public static int update(int crc, byte[] data, int off, int len) {
        int c = crc;
        int i = off;
        int end = off + len;
        byte[] s0 = SLICE[0];
        byte[] s1 = SLICE[1];
        byte[] s2 = SLICE[2];
        byte[] s3 = SLICE[3];
        byte[] s4 = SLICE[4];
        byte[] s5 = SLICE[5];
        byte[] s6 = SLICE[6];
        byte[] s7 = SLICE[7];
        while (end - i >= 8) {
            c = s7[((c << 4) ^ data[i]) & 0xFF]
                    ^ s6[data[i + 1] & 0xFF]
                    ^ s5[data[i + 2] & 0xFF]
                    ^ s4[data[i + 3] & 0xFF]
                    ^ s3[data[i + 4] & 0xFF]
                    ^ s2[data[i + 5] & 0xFF]
                    ^ s1[data[i + 6] & 0xFF]
                    ^ s0[data[i + 7] & 0xFF];
            i += 8;
        }
        while (i < end) {
            c = s0[((c << 4) ^ data[i++]) & 0xFF];
        }
        return c;
    }
}
