package org.pstngw.tdm.clock;

/**
 * The 8 kHz frame clock that paces spans without hardware timing: every 125 us is one frame, delivered to listeners
 * in blocks (8 frames = 1 ms, 80 = 10 ms, 160 = 20 ms). {@link RealFrameClock} runs on a platform thread; {@link
 * VirtualFrameClock} is advanced explicitly by tests.
 */
public interface FrameClock extends AutoCloseable {
    /** Frames per second on E1 and T1. */
    int FRAMES_PER_SECOND = 8000;

    /** Nanoseconds per frame. */
    long FRAME_NANOS = 125_000L;

    /** Frames delivered per listener call. */
    int framesPerBlock();

    /** Adds a listener (takes effect from the next block). */
    void addListener(FrameListener listener);

    /** Removes a listener (takes effect from the next block). */
    void removeListener(FrameListener listener);

    /** Frames delivered so far. */
    long frames();

    /** Starts ticking. Idempotent. */
    void start();

    /** Stops ticking. */
    @Override
    void close();
}
