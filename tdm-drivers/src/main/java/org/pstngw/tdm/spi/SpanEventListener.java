package org.pstngw.tdm.spi;

/**
 * Receives span events. Called on the driver's frame thread: it must not block (hand work off to another executor).
 */
@FunctionalInterface
public interface SpanEventListener {
    /** Listener that ignores everything. */
    SpanEventListener NONE = event -> {};

    void onEvent(SpanEvent event);
}
