package org.pstngw.isup.call;

import java.time.Duration;

/** Runs a task once after a delay; the task is expected to hand an event to its state machine's executor. */
public interface Scheduler {

    /** Schedules {@code task} after {@code delay}; the returned handle cancels it (idempotent). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
