package org.pstngw.tdm.hdlc;

/**
 * Turns frames into the bit stream of a 64 kbit/s timeslot: opening flag 0x7E, the frame and its CRC-16/X.25 FCS
 * (low byte first) with a zero inserted after every five consecutive ones, closing flag; flags while idle. HDLC
 * octets go out least significant bit first; the timeslot octets produced by {@link #nextOctet()} carry the first line
 * bit in their most significant bit. Allocation-free after construction; one thread.
 */
public final class HdlcEncoder {
    private final byte[] frame;
    private int frameLen;
    private int framePos = -1;
    private int ones;
    private int out;
    private int outBits;
    private long pendingFlagBits;
    private int pendingFlagCount;

    /** @param maxFrameLength longest frame without FCS */
    public HdlcEncoder(int maxFrameLength) {
        this.frame = new byte[maxFrameLength + 2];
    }

    /** Whether a frame is being sent now (a new one can be loaded only when idle). */
    public boolean busy() {
        return framePos >= 0;
    }

    /**
     * Loads the next frame; it follows the current one.
     *
     * @return false when busy or too long
     */
    public boolean load(byte[] data, int off, int len) {
        if (busy() || len > frame.length - 2 || len < 0) {
            return false;
        }
        System.arraycopy(data, off, frame, 0, len);
        int fcs = Crc16X25.fcs(data, off, len);
        frame[len] = (byte) fcs;
        frame[len + 1] = (byte) (fcs >>> 8);
        frameLen = len + 2;
        framePos = 0;
        if (pendingFlagCount == 0) {
            queueFlag();
        }
        return true;
    }

    /** The next octet for the timeslot (flags when idle). */
    public int nextOctet() {
        while (outBits < 8) {
            if (pendingFlagCount > 0) {
                pendingFlagCount--;
                emit((int) (pendingFlagBits >>> pendingFlagCount) & 1);
                continue;
            }
            if (framePos < 0) {
                queueFlag();
                continue;
            }
            if (framePos == frameLen) {
                framePos = -1;
                queueFlag();
                continue;
            }
            int b = frame[framePos++] & 0xFF;
            for (int i = 0; i < 8; i++) {
                int bit = (b >>> i) & 1;
                emit(bit);
                if (bit == 1) {
                    if (++ones == 5) {
                        emit(0);
                        ones = 0;
                    }
                } else {
                    ones = 0;
                }
            }
        }
        outBits -= 8;
        int octet = (out >>> outBits) & 0xFF;
        out &= (1 << outBits) - 1;
        return octet;
    }

    private void queueFlag() {
        pendingFlagBits = 0b01111110;
        pendingFlagCount = 8;
        ones = 0;
    }

    private void emit(int bit) {
        out = (out << 1) | bit;
        outBits++;
    }
}
