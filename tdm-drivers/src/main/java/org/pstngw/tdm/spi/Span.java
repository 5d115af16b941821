package org.pstngw.tdm.spi;

import java.util.Optional;
import java.util.Set;

/**
 * An open E1 or T1 span: its channels, its alarms and its counters. Obtained from {@link TdmDriver#openSpan}.
 */
public interface Span extends AutoCloseable {
    /** The span's name from its configuration. */
    default String name() {
        return config().name();
    }

    /** The configuration the span was opened with. */
    SpanConfig config();

    /** The bearer channel on a timeslot, if the configuration opened one there. */
    Optional<Channel> channel(int timeslot);

    /** The HDLC channel on a timeslot, if the configuration opened one there. */
    Optional<HdlcChannel> hdlcChannel(int timeslot);

    /** Alarms active now (a snapshot). */
    Set<Alarm> alarms();

    /** Counters since the span was opened (a snapshot). */
    SpanCounters counters();

    /** Sets the listener for alarms and other span events (replaces the previous one). */
    void setEventListener(SpanEventListener listener);

    /** Whether the span is open (not closed, driver not stopped). */
    boolean isOpen();

    /** Closes the span; its channels stop carrying traffic. Idempotent. */
    @Override
    void close();
}
