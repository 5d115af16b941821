package org.pstngw.tdm.hdlc;

/**
 * Finds frames in the bit stream of a timeslot: hunts for the flag 0x7E, removes the zero after five ones, checks the
 * CRC-16/X.25 FCS and hands good frames (FCS stripped) to a sink. Seven or more ones abort a frame; a frame longer than
 * the limit, shorter than 3 octets or not a whole number of octets is malformed. Allocation-free; one thread.
 */
public final class HdlcDecoder {
    private final byte[] buffer;
    private final HdlcFrameSink sink;
    private boolean hunting = true;
    private int ones;
    private int current;
    private int bitCount;
    private int bytes;
    private long goodFrames;
    private long fcsErrors;
    private long malformed;

    /** @param maxFrameLength longest frame without FCS */
    public HdlcDecoder(int maxFrameLength, HdlcFrameSink sink) {
        this.buffer = new byte[maxFrameLength + 3];
        this.sink = sink;
    }

    /** Feeds one timeslot octet (first line bit in the most significant bit). */
    public void octet(int octet) {
        for (int i = 7; i >= 0; i--) {
            bit((octet >>> i) & 1);
        }
    }

    /** Feeds timeslot octets. */
    public void octets(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            octet(data[i]);
        }
    }

    private void bit(int bit) {
        if (bit == 1) {
            ones++;
            if (ones == 7) {
                if (!hunting && bitCount > 7) {
                    malformed++;
                }
                hunting = true;
                return;
            }
            if (ones > 7) {
                return;
            }
        } else {
            int run = ones;
            ones = 0;
            if (run == 6) {
                endOfFrame();
                return;
            }
            if (run == 5) {
                return;
            }
        }
        if (hunting) {
            return;
        }
        current = (current >>> 1) | (bit << 7);
        bitCount++;
        if ((bitCount & 7) == 0) {
            if (bytes == buffer.length) {
                malformed++;
                hunting = true;
                return;
            }
            buffer[bytes++] = (byte) current;
        }
    }

    private void endOfFrame() {
        if (!hunting) {
            int dataBits = bitCount - 7;
            if (dataBits > 0) {
                if ((dataBits & 7) != 0 || bytes < 3) {
                    malformed++;
                } else if (Crc16X25.update(Crc16X25.INIT, buffer, 0, bytes) != Crc16X25.GOOD_RESIDUE) {
                    fcsErrors++;
                } else {
                    goodFrames++;
                    sink.onFrame(buffer, bytes - 2);
                }
            }
        }
        hunting = false;
        bitCount = 0;
        bytes = 0;
        current = 0;
    }

    public long goodFrames() {
        return goodFrames;
    }

    public long fcsErrors() {
        return fcsErrors;
    }

    public long malformedFrames() {
        return malformed;
    }
}
