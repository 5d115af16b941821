package org.pstngw.tdm.framing;

/**
 * CRC-6 of the T1 extended superframe (ANSI T1.403 / G.704 section 2.1.3.1.2): the superframe's 4632 bits, F bits
 * replaced by 1, multiplied by x^6 and divided by x^6+x+1; the remainder is C1 (most significant) to C6. Register
 * initially zero, bits in line order.
 */
public final class Crc6 {
    private static final byte[] TABLE = new byte[256];
    private static final byte[][] SLICE = new byte[8][];

    static {
        for (int x = 0; x < 256; x++) {
            int reg = x;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 0x80) != 0 ? ((reg << 1) ^ 0x0C) & 0xFF : (reg << 1) & 0xFF;
            }
            TABLE[x] = (byte) (reg >>> 2);
        }
        SLICE[0] = TABLE;
        for (int k = 1; k < 8; k++) {
            SLICE[k] = new byte[256];
            for (int x = 0; x < 256; x++) {
                SLICE[k][x] = TABLE[(SLICE[k - 1][x] << 2) & 0xFF];
            }
        }
    }

    private Crc6() {}

    /** Runs one bit through the 6-bit register. */
    public static int updateBit(int crc, int bit) {
        int feedback = ((crc >>> 5) ^ bit) & 1;
        return ((crc << 1) & 0x3F) ^ (feedback != 0 ? 0x03 : 0);
    }

    /** Runs octets through the 6-bit register (slicing-by-8: eight independent look-ups per 8 octets). */
    public static int update(int crc, byte[] data, int off, int len) {
        int c = crc;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            c = SLICE[7][((c << 2) ^ data[i]) & 0xFF]
                    ^ SLICE[6][data[i + 1] & 0xFF]
                    ^ SLICE[5][data[i + 2] & 0xFF]
                    ^ SLICE[4][data[i + 3] & 0xFF]
                    ^ SLICE[3][data[i + 4] & 0xFF]
                    ^ SLICE[2][data[i + 5] & 0xFF]
                    ^ SLICE[1][data[i + 6] & 0xFF]
                    ^ SLICE[0][data[i + 7] & 0xFF];
            i += 8;
        }
        while (i < end) {
            c = TABLE[((c << 2) ^ data[i++]) & 0xFF];
        }
        return c;
    }
}
