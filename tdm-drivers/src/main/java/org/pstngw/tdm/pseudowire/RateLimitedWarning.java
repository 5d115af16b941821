package org.pstngw.tdm.pseudowire;

import org.slf4j.Logger;

/**
 * A WARN that is logged at most once per interval; the occurrences in between are counted and
 * reported with the next one. For malformed packets, which may arrive a thousand times a second.
 */
final class RateLimitedWarning {
    private final Logger log;
    private final long intervalNanos;
    private long lastNanos = Long.MIN_VALUE;
    private long suppressed;

    RateLimitedWarning(Logger log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    /** Logs {@code what} for {@code span} unless one was logged less than the interval ago. */
    boolean warn(long nowNanos, String span, Object what) {
        if (lastNanos != Long.MIN_VALUE && nowNanos - lastNanos < intervalNanos) {
            suppressed++;
            return false;
        }
        lastNanos = nowNanos;
        long s = suppressed;
        suppressed = 0;
        log.warn("span {}: malformed pseudowire packet dropped ({}); {} more since the last warning", span, what, s);
        return true;
    }
}
