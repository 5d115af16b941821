package org.pstngw.isup.call;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one hashed timing wheel ({@link TimingWheel}) for all circuits of all groups,
 * turned by one daemon thread, tick by tick.
 *
 * <p>Almost every ISUP timer is cancelled before it fires (T7 by the ACM, T9 by the ANM, T1/T5 by the RLC): at 2,000
 * calls/s that is several thousand schedules and cancellations a second of timers due in 20 s to 15 min. On the wheel
 * both are O(1) and leave nothing behind (a cancelled timer is unlinked at the next tick); the price is resolution:
 * a timer runs up to one tick late (10 ms by default, against ISUP timers of seconds). The thread only hands the
 * expiry to the circuit's executor (the task given); it never runs call logic.
 *
 * <p>isup-mapping imports no Netty (STYLE 1); a gateway that already runs Netty's {@code HashedWheelTimer} can pass it
 * to call control through {@link Scheduler} instead.
 */
public final class WheelScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WheelScheduler.class);

    /** The default tick: well below the shortest ISUP timer (T4/T6/T7/T8 are seconds). */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);
    /** The default slot count: one turn of the wheel is 1024 ticks (about 10 s at the default tick). */
    public static final int DEFAULT_SLOTS = 1024;

    private final TimingWheel wheel;
    private final Thread worker;
    private volatile boolean closed;

    /** A wheel of {@link #DEFAULT_SLOTS} slots of {@link #DEFAULT_TICK} on a daemon thread named {@code threadName}. */
    public WheelScheduler(String threadName) {
        this(threadName, DEFAULT_TICK, DEFAULT_SLOTS);
    }

    /** A wheel of {@code slots} (a power of two) ticks of {@code tick} each. */
    public WheelScheduler(String threadName, Duration tick, int slots) {
        this.wheel = new TimingWheel(System.nanoTime(), tick, slots);
        this.worker = Thread.ofPlatform().daemon().name(threadName).unstarted(this::turn);
        worker.start();
    }

    /** After {@link #close()} the task is dropped: it will never run, as with a stopped clock. */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (closed) {
            LOG.debug("timer scheduled on a closed wheel: dropped");
            return () -> {};
        }
        return wheel.schedule(System.nanoTime() + delay.toNanos(), task);
    }

    /** Timers waiting (a cancelled one no longer counts). */
    public int pending() {
        return wheel.pending();
    }

    /** Stops the thread (waiting up to a second for it); timers still waiting never run. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(worker);
        if (Thread.currentThread() != worker) {
            try {
                worker.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void turn() {
        while (!closed) {
            wheel.advance(System.nanoTime());
            long wait = wheel.nextTickNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }
}
