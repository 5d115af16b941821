package org.pstngw.tdm.framing;

import java.util.Arrays;

/**
 * Where {@link E1Deframer} hands out its frames: one 32-octet frame (TS0 first) per 256 bits of line, each at most
 * once, in line order; all ones (AIS towards the channels) for the frames of line where alignment is missing. The
 * caller's buffer is lent for one {@link E1Deframer#receive} call; frames beyond its room are dropped and counted.
 * One thread, no allocation.
 */
final class E1FrameOutput {
    private static final int FRAME_BITS = E1Deframer.FRAME_BITS;
    private static final byte[] ALL_ONES = new byte[32];

    static {
        Arrays.fill(ALL_ONES, (byte) 0xFF);
    }

    private long emittedTo;
    private byte[] out;
    private int outOff;
    private int outMax;
    private int outCount;
    private long overruns;

    /** Lends {@code buffer} (or none: frames are then only accounted) for up to {@code maxFrames} frames. */
    void begin(byte[] buffer, int offset, int maxFrames) {
        this.out = buffer;
        this.outOff = offset;
        this.outMax = buffer == null ? 0 : maxFrames;
        this.outCount = 0;
    }

    /** Ends the loan; returns the frames written. */
    int end() {
        this.out = null;
        return outCount;
    }

    /** Hands out the aligned frame that started at line bit {@code frameStart}, unless it was already. */
    void frame(long frameStart, byte[] frame, int off) {
        long end = frameStart + FRAME_BITS;
        if (end <= emittedTo) {
            return;
        }
        emittedTo = end;
        put(frame, off);
    }

    /** Hands out all ones for every whole frame of line not yet handed out before line bit {@code bitPos}. */
    void allOnesUpTo(long bitPos) {
        while (bitPos - emittedTo >= FRAME_BITS) {
            emittedTo += FRAME_BITS;
            put(ALL_ONES, 0);
        }
    }

    private void put(byte[] frame, int off) {
        if (out == null) {
            return;
        }
        if (outCount == outMax) {
            overruns++;
            return;
        }
        System.arraycopy(frame, off, out, outOff + (outCount << 5), 32);
        outCount++;
    }

    /** Frames dropped because the caller's buffer was full. */
    long overruns() {
        return overruns;
    }
}
