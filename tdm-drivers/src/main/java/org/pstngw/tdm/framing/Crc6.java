package org.pstngw.tdm.framing;

/**
 * CRC-6 of the T1 extended superframe (ANSI T1.403 / G.704 section 2.1.3.1.2): the superframe's 4632 bits, F bits
 * replaced by 1, multiplied by x^6 and divided by x^6+x+1; the remainder is C1 (most significant) to C6. Register
 * initially zero, bits in line order.
 */
public final class Crc6 {
    private static final byte[] TABLE = new byte[256];

    static {
        for (int x = 0; x < 256; x++) {
            int reg = x;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 0x80) != 0 ? ((reg << 1) ^ 0x0C) & 0xFF : (reg << 1) & 0xFF;
            }
            TABLE[x] = (byte) (reg >>> 2);
        }
    }

    private Crc6() {}

    /** Runs one bit through the 6-bit register. */
    public static int updateBit(int crc, int bit) {
        int feedback = ((crc >>> 5) ^ bit) & 1;
        return ((crc << 1) & 0x3F) ^ (feedback != 0 ? 0x03 : 0);
    }

    /** Runs octets through the 6-bit register. */
    public static int update(int crc, byte[] data, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[((c << 2) ^ data[i]) & 0xFF];
        }
        return c;
    }
}
