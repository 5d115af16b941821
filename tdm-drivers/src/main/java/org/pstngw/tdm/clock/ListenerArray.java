package org.pstngw.tdm.clock;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write listener array: iteration without allocation or locks on the clock thread. A listener that throws is
 * logged (rate-limited, on frame-clock time) and the others are still called: one driver's fault does not stop
 * another's frames.
 */
final class ListenerArray {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerArray.class);

    private volatile FrameListener[] listeners = new FrameListener[0];
    private final RateLimitedLog failureLog = new RateLimitedLog(
            LOG, "frame listener failed; the clock and its other listeners keep running", TimeUnit.SECONDS.toNanos(10));
    private final AtomicLong failures = new AtomicLong();

    synchronized void add(FrameListener listener) {
        FrameListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
    }

    @SuppressWarnings("ReferenceEquality") // a listener is removed by identity, as it was added
    synchronized void remove(FrameListener listener) {
        FrameListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                FrameListener[] next = new FrameListener[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                listeners = next;
                return;
            }
        }
    }

    /** Calls every listener once for this block; clock thread only. */
    void fire(long firstFrame, int frames) {
        for (FrameListener listener : listeners) {
            try {
                listener.onFrames(firstFrame, frames);
            } catch (RuntimeException e) {
                failures.lazySet(failures.get() + 1);
                failureLog.warn(firstFrame * FrameClock.FRAME_NANOS, String.valueOf(listener), e, e);
            }
        }
    }

    /** Listener calls that threw. */
    long failures() {
        return failures.get();
    }
}
