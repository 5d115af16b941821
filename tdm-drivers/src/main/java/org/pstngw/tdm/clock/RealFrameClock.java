package org.pstngw.tdm.clock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real 125 us frame clock: a platform thread wakes once per block (e.g. every 1, 10 or 20 ms) on {@link
 * System#nanoTime()} deadlines and delivers the block. Deadlines are absolute, so the long-run rate is exactly 8,000
 * frames a second; when the thread is late it delivers the missed blocks at once (counted as {@link #lateBlocks()}).
 * Given a real-time priority, the thread asks for SCHED_FIFO ({@link RealtimeScheduling}) when it starts, so that a
 * loaded machine does not make it late; refused, it runs on with normal scheduling and says why.
 */
public final class RealFrameClock implements FrameClock {
    private static final Logger LOG = LoggerFactory.getLogger(RealFrameClock.class);

    private final int framesPerBlock;
    private final String threadName;
    private final ListenerArray listeners = new ListenerArray();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong lateBlocks = new AtomicLong();
    private final AtomicLong maxLatenessNanos = new AtomicLong();
    private final int realtimePriority;
    private final int nice;
    private volatile boolean running;
    private volatile boolean realtime;
    private Thread thread;

    /**
     * A clock on a normally scheduled thread.
     *
     * @param framesPerBlock frames per block: 8 (1 ms), 80 (10 ms) or 160 (20 ms) are typical
     * @param threadName name of the platform thread
     */
    public RealFrameClock(int framesPerBlock, String threadName) {
        this(framesPerBlock, threadName, 0, 0);
    }

    /**
     * @param realtimePriority SCHED_FIFO priority (1-99) the clock thread asks for; 0 for normal scheduling
     * @param nice nice value asked for under normal scheduling (-20..19; 0 leaves it), see {@link
     *     RealtimeScheduling#setCurrentThreadNice}
     */
    public RealFrameClock(int framesPerBlock, String threadName, int realtimePriority, int nice) {
        if (framesPerBlock < 1 || framesPerBlock > 8000) {
            throw new IllegalArgumentException("framesPerBlock must be 1-8000: " + framesPerBlock);
        }
        if (realtimePriority < 0 || realtimePriority > 99) {
            throw new IllegalArgumentException("realtimePriority must be 0-99: " + realtimePriority);
        }
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20..19: " + nice);
        }
        this.framesPerBlock = framesPerBlock;
        this.threadName = threadName;
        this.realtimePriority = realtimePriority;
        this.nice = nice;
    }

    /** Whether the clock thread got real-time scheduling. */
    public boolean realtime() {
        return realtime;
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

    /**
     * The longest a block has been delivered after its deadline since the clock started or since the last call, in
     * nanoseconds, and starts the next window: how long the clock thread was kept from running (a stall longer than a
     * pseudowire's jitter buffer loses packets).
     */
    public long takeMaxLatenessNanos() {
        return maxLatenessNanos.getAndSet(0);
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
        if (nice != 0) {
            var refused = RealtimeScheduling.setCurrentThreadNice(nice);
            if (refused.isEmpty()) {
                LOG.info("frame clock {} runs at nice {}", threadName, nice);
            } else {
                LOG.warn("frame clock {} keeps its nice value: {}", threadName, refused.get());
            }
        }
        if (realtimePriority > 0) {
            var refused = RealtimeScheduling.makeCurrentThreadRealtime(realtimePriority);
            realtime = refused.isEmpty();
            if (realtime) {
                LOG.info("frame clock {} runs SCHED_FIFO at priority {}", threadName, realtimePriority);
            } else {
                LOG.warn("frame clock {} keeps normal scheduling: {}", threadName, refused.get());
            }
        }
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
            long lateness = -wait;
            if (lateness > maxLatenessNanos.get()) {
                maxLatenessNanos.accumulateAndGet(lateness, Math::max);
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
