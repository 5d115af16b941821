package org.pstngw.tdm.clock;

/** A frame clock for tests: nothing happens until {@link #advance(int)} is called, on the caller's thread. */
public final class VirtualFrameClock implements FrameClock {
    private final int framesPerBlock;
    private final ListenerArray listeners = new ListenerArray();
    private long frames;
    private int pending;

    /** @param framesPerBlock frames per listener call, e.g. 8 for 1 ms */
    public VirtualFrameClock(int framesPerBlock) {
        if (framesPerBlock < 1) {
            throw new IllegalArgumentException("framesPerBlock must be at least 1: " + framesPerBlock);
        }
        this.framesPerBlock = framesPerBlock;
    }

    @Override
    public int framesPerBlock() {
        return framesPerBlock;
    }

    @Override
    public void addListener(FrameListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(FrameListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized long frames() {
        return frames;
    }

    /**
     * Lets {@code n} frames of time pass: listeners are called once per whole block completed (a remainder waits for
     * the next advance).
     */
    public synchronized void advance(int n) {
        pending += n;
        while (pending >= framesPerBlock) {
            pending -= framesPerBlock;
            listeners.fire(frames, framesPerBlock);
            frames += framesPerBlock;
        }
    }

    /** Listener calls that threw (each logged, rate-limited; the other listeners still ran). */
    public long listenerFailures() {
        return listeners.failures();
    }

    /** Lets {@code n} blocks pass. */
    public void advanceBlocks(int n) {
        for (int i = 0; i < n; i++) {
            advance(framesPerBlock);
        }
    }

    @Override
    public void start() {
        // Virtual time moves only on advance().
    }

    @Override
    public void close() {
        // Nothing runs in the background.
    }
}
