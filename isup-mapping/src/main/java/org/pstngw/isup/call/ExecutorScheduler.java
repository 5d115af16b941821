package org.pstngw.isup.call;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on a JDK scheduled executor (one timer thread for all circuits). */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService timers;

    public ExecutorScheduler(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }
}
