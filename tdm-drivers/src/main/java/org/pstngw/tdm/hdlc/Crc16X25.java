package org.pstngw.tdm.hdlc;

/**
 * CRC-16/X.25, the HDLC and MTP2 frame check sequence (ISO/IEC 13239, Q.703 section 4): polynomial x^16+x^12+x^5+1
 * processed reflected (0x8408), initial value and final XOR 0xFFFF, sent low byte first. A frame followed by its FCS
 * leaves the residue {@link #GOOD_RESIDUE} in the register (before the final XOR).
 */
public final class Crc16X25 {
    /** Register value after a good frame and its FCS have been run through {@link #update}. */
    public static final int GOOD_RESIDUE = 0xF0B8;

    /** Register value before the first byte. */
    public static final int INIT = 0xFFFF;

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16X25() {}

    /** Runs one byte through the register. */
    public static int update(int crc, int b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /** Runs bytes through the register. */
    public static int update(int crc, byte[] data, int off, int len) {
        int c = crc;
        for (int i = off; i < off + len; i++) {
            c = update(c, data[i]);
        }
        return c;
    }

    /** The FCS of {@code data} (final XOR applied): send its low byte first. */
    public static int fcs(byte[] data, int off, int len) {
        return update(INIT, data, off, len) ^ 0xFFFF;
    }
}
