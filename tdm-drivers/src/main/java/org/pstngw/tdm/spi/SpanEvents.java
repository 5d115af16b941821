package org.pstngw.tdm.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers span events to the user's listener on the frame thread without letting it break the span: a listener
 * that throws is logged and the span's frame processing (and every other span) carries on.
 */
public final class SpanEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SpanEvents.class);

    private SpanEvents() {}

    /** Calls {@code listener} with {@code event}; an exception it throws is logged, not propagated. */
    public static void deliver(SpanEventListener listener, SpanEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("span {}: event listener failed on {}; the span keeps running", event.span(), event, e);
        }
    }
}
