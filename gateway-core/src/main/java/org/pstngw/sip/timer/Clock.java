package org.pstngw.sip.timer;

/** A monotonic clock in nanoseconds. Injected wherever time matters, so timer tests are instant and exact. */
@FunctionalInterface
public interface Clock {
    /** The system's monotonic clock. */
    Clock SYSTEM = System::nanoTime;

    /** Monotonic time in nanoseconds; only differences between two readings are meaningful. */
    long nanoTime();
}
