package org.pstngw.tdm.spi;

import java.util.Collection;
import java.util.Optional;

/**
 * A TDM driver: hardware or a stand-in behind one interface, shaped like Californium's {@code Connector} (start, stop,
 * and the data paths; here the data paths are the spans' channels). Implementations: {@code loopback} (in-memory
 * spans wired back to back, the embedded default), {@code pseudowire} (SAToP/CESoPSN over UDP), later {@code dahdi}.
 *
 * <p>Opening a span validates its configuration first; an invalid span is refused with an {@link
 * InvalidSpanConfigException} naming the span and field, and the driver's other spans keep running.
 */
public interface TdmDriver extends AutoCloseable {
    /** The name the driver is selected by ({@link TdmDriverProvider#name()}). */
    String name();

    /** Starts moving frames (the spans opened before and after start run once started). Idempotent. */
    void start();

    /** Stops moving frames; spans stay open and resume on {@link #start()}. Idempotent. */
    void stop();

    /** Whether the driver is started. */
    boolean isRunning();

    /**
     * Opens a span.
     *
     * @throws InvalidSpanConfigException when the configuration is invalid or the name is already open
     * @throws TdmException when the driver cannot open it (e.g. a hardware error)
     */
    Span openSpan(SpanConfig config);

    /** An open span by name. */
    Optional<Span> span(String name);

    /** All open spans. */
    Collection<Span> spans();

    /** Stops the driver and closes all spans. Idempotent. */
    @Override
    void close();
}
