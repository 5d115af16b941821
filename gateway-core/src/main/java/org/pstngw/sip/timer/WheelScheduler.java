package org.pstngw.sip.timer;

import io.netty.util.HashedWheelTimer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production scheduler: Netty's {@link HashedWheelTimer} with one thread for all timers of the stack. On expiry the
 * wheel thread only hands the event to its owner's executor; it never runs state-machine code itself.
 */
public final class WheelScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WheelScheduler.class);

    private final HashedWheelTimer wheel;

    /**
     * @param tick the wheel's tick; expiries are late by at most one tick (10 ms suits SIP's 500 ms T1)
     * @param ticksPerWheel slots on the wheel (a power of two)
     */
    public WheelScheduler(Duration tick, int ticksPerWheel) {
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sip-timer-wheel");
            t.setDaemon(true);
            return t;
        };
        this.wheel = new HashedWheelTimer(threads, tick.toNanos(), TimeUnit.NANOSECONDS, ticksPerWheel);
    }

    /** A wheel with a 10 ms tick and 512 slots. */
    public WheelScheduler() {
        this(Duration.ofMillis(10), 512);
    }

    @Override
    public Clock clock() {
        return Clock.SYSTEM;
    }

    @Override
    public Timeout schedule(Duration delay, Executor owner, Runnable event) {
        io.netty.util.Timeout t = wheel.newTimeout(
                ignored -> {
                    try {
                        owner.execute(event);
                    } catch (RejectedExecutionException e) {
                        LOG.debug("timer event dropped, owner executor shut down");
                    }
                },
                Math.max(0, delay.toNanos()),
                TimeUnit.NANOSECONDS);
        return t::cancel;
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
