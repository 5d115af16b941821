package org.pstngw.tdm.clock;

/** Called by a {@link FrameClock} once per block of 125 us frames, on the clock's thread. Must not block. */
@FunctionalInterface
public interface FrameListener {
    /**
     * Handles one block of frames.
     *
     * @param firstFrame number of the first frame of the block, counted from 0 when the clock started
     * @param frames frames in the block (the clock's block size)
     */
    void onFrames(long firstFrame, int frames);
}
