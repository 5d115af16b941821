package org.pstngw.tdm.clock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The real 125 us frame clock: a platform thread wakes once per block (e.g. every 1, 10 or 20 ms) on {@link
 * System#nanoTime()} deadlines and delivers the block. Deadlines are absolute, so the long-run rate is exactly 8,000
 * frames a second; when the thread is late it delivers the missed blocks at once (counted as {@link #lateBlocks()}).
 */
public final class RealFrameClock implements FrameClock {
    private final int framesPerBlock;
    private final String threadName;
    private final ListenerArray listeners = new ListenerArray();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong lateBlocks = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param framesPerBlock frames per block: 8 (1 ms), 80 (10 ms) or 160 (20 ms) are typical
     * @param threadName name of the platform thread
     */
    public RealFrameClock(int framesPerBlock, String threadName) {
        if (framesPerBlock < 1 || framesPerBlock > 8000) {
            throw new IllegalArgumentException("framesPerBlock must be 1-8000: " + framesPerBlock);
        }
        this.framesPerBlock = framesPerBlock;
        this.threadName = threadName;
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
    public long frames() {
        return frames.get();
    }

    /** Listener calls that threw (each logged, rate-limited; the other listeners still ran). */
    public long listenerFailures() {
        return listeners.failures();
    }

    /** Blocks delivered after their deadline had already passed by a whole block. */
    public long lateBlocks() {
        return lateBlocks.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
        thread.start();
    }

    private void run() {
        long blockNanos = framesPerBlock * FRAME_NANOS;
        long next = System.nanoTime() + blockNanos;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (-wait > blockNanos) {
                lateBlocks.incrementAndGet();
            }
            listeners.fire(frames.get(), framesPerBlock);
            frames.addAndGet(framesPerBlock);
            next += blockNanos;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
