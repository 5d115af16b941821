package org.pstngw.tdm.framing;

/**
 * Writes TS0 of outgoing E1 frames (G.704 section 2.3). Frames alternate:
 *
 * <pre>
 *  bit:          1    2  3  4  5  6  7  8
 *  even (FAS):   Si   0  0  1  1  0  1  1
 *  odd (NFAS):   Si   1  A  Sa4 Sa5 Sa6 Sa7 Sa8
 * </pre>
 *
 * <p>Without CRC-4 the Si bits are 1. With CRC-4 the 16 frames form a multiframe of two sub-multiframes (SMF I =
 * frames 0-7, SMF II = 8-15): bit 1 of frames 0/2/4/6 and 8/10/12/14 carries C1..C4, the CRC-4 of the previous
 * sub-multiframe computed with its C bits at 0; bit 1 of frames 1/3/5/7/9/11 carries the multiframe alignment signal
 * 001011, of frames 13 and 15 the E bits (0 = the far end's sub-multiframe arrived errored). A is the remote alarm.
 *
 * <p>Allocation-free; one thread.
 */
public final class E1Framer {
    /** Bits 2-8 of the frame alignment signal. */
    public static final int FAS = 0b0011011;

    /** Multiframe alignment signal in bit 1 of odd frames 1 to 11. */
    public static final int MFAS = 0b001011;

    private final boolean crc4;
    private int frameNumber;
    private int crc;
    private int crcToSend;
    private boolean remoteAlarm;
    private int sa = 0x1F;
    private int pendingEBits;
    private boolean eBitsZero;

    public E1Framer(boolean crc4) {
        this.crc4 = crc4;
    }

    /** Sets the A bit (remote alarm indication) sent in NFAS frames. */
    public void setRemoteAlarm(boolean on) {
        this.remoteAlarm = on;
    }

    public boolean remoteAlarm() {
        return remoteAlarm;
    }

    /** Sets the Sa4-Sa8 bits (5 bits, Sa4 most significant); 1s when unused. */
    public void setSaBits(int bits) {
        this.sa = bits & 0x1F;
    }

    /**
     * G.706 B.2.2 CRC-to-non-CRC interworking: while the far end sends no CRC-4 multiframe, every E bit goes out as 0
     * (our CRC-4 multiframe, C bits and MFAS, are still sent).
     */
    public void setEBitsZero(boolean on) {
        this.eBitsZero = on;
    }

    /** Reports an errored sub-multiframe received from the far end: one E bit will be sent as 0. */
    public void reportReceivedCrcError() {
        if (pendingEBits < 2) {
            pendingEBits++;
        }
    }

    /** Position of the next frame in the multiframe (0-15). */
    public int frameNumber() {
        return frameNumber;
    }

    /** Writes TS0 into {@code frame[off]} and accounts the 32-octet frame for CRC-4. */
    public void frame(byte[] frame, int off) {
        int f = frameNumber;
        int ts0;
        int si;
        if ((f & 1) == 0) {
            si = crc4 ? (crcToSend >>> (3 - ((f & 7) >>> 1))) & 1 : 1;
            ts0 = (si << 7) | FAS;
        } else {
            si = crc4 ? oddSiBit(f) : 1;
            ts0 = (si << 7) | 0x40 | (remoteAlarm ? 0x20 : 0) | sa;
        }
        frame[off] = (byte) ts0;
        if (crc4) {
            if ((f & 7) == 0) {
                crc = 0;
            }
            int c = Crc4.frame(crc, frame, off);
            crc = (f & 1) == 0 && si != 0 ? c ^ Crc4.TS0_BIT1 : c;
            if ((f & 7) == 7) {
                crcToSend = crc;
            }
        }
        frameNumber = (f + 1) & 15;
    }

    /** Writes TS0 of {@code frames} consecutive 32-octet frames. */
    public void frames(byte[] buffer, int off, int frames) {
        for (int i = 0; i < frames; i++) {
            frame(buffer, off + (i << 5));
        }
    }

    private int oddSiBit(int f) {
        if (f < 12) {
            return (MFAS >>> (5 - (f >>> 1))) & 1;
        }
        if (pendingEBits > 0) {
            pendingEBits--;
            return 0;
        }
        return eBitsZero ? 0 : 1;
    }
}
