package org.pstngw.isup.call;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on one JDK timer thread for all circuits.
 *
 * <p>Almost every ISUP timer is cancelled before it fires (T7 by the ACM, T9 by the ANM, T1/T5 by the RLC): at 2,000
 * calls/s that is several thousand cancellations a second of timers due in 20 s to 15 min. A plain
 * {@code ScheduledThreadPoolExecutor} keeps cancelled tasks in its queue until their due time, so they would pile up
 * by the million; this one is built with {@link ScheduledThreadPoolExecutor#setRemoveOnCancelPolicy remove-on-cancel}
 * (removal from its heap is O(log n)). A hashed timing wheel would make scheduling O(1) too; the heap is kept because
 * it is exact to the nanosecond and the JDK's, and at these rates O(log n) on a few thousand entries is not the cost
 * that matters.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {

    private final ScheduledThreadPoolExecutor timers;

    /** A scheduler with its own daemon timer thread named {@code threadName}. */
    public ExecutorScheduler(String threadName) {
        this.timers = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name(threadName).factory());
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    /** Timers waiting in the queue (cancelled ones are removed at once). */
    public int pending() {
        return timers.getQueue().size();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
