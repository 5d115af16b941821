package org.pstngw.tdm.clock;

import org.slf4j.Logger;

/**
 * One kind of WARN that is logged at most once per interval, on one time base (the caller's frame-clock time, so
 * that a virtual clock in tests and the real one behave alike); the occurrences in between are counted and reported
 * with the next one. For faults that can repeat a thousand times a second (malformed packets, a failing send, a
 * listener that throws on every block). Confined to one thread.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private long lastNanos = Long.MIN_VALUE;
    private long suppressed;
    private long total;

    /**
     * @param what what happened, e.g. {@code "malformed pseudowire packet dropped"}
     * @param intervalNanos shortest time between two log lines
     */
    public RateLimitedLog(Logger log, String what, long intervalNanos) {
        this.log = log;
        this.what = what;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Counts one occurrence about {@code source} (a span, a listener) and logs it unless one was logged less than the interval ago.
     *
     * @param detail the particulars (a decode status, an exception message)
     * @param error the exception, logged with its stack trace on the first occurrence only; may be null
     * @return whether a line was logged
     */
    public boolean warn(long nowNanos, String source, Object detail, Throwable error) {
        total++;
        if (lastNanos != Long.MIN_VALUE && nowNanos - lastNanos < intervalNanos) {
            suppressed++;
            return false;
        }
        boolean first = lastNanos == Long.MIN_VALUE;
        lastNanos = nowNanos;
        long s = suppressed;
        suppressed = 0;
        if (first && error != null) {
            log.warn("{}: {} ({})", source, what, detail, error);
        } else {
            log.warn("{}: {} ({}); {} more since the last warning", source, what, detail, s);
        }
        return true;
    }

    /** Occurrences counted so far, logged or not. */
    public long total() {
        return total;
    }
}
