package org.pstngw.tdm.spi;

import java.util.Optional;
import java.util.Set;
import org.pstngw.tdm.clock.FrameListener;

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

    /** Whether the span is open: not closed, its channels usable. */
    boolean isOpen();

    /** Whether the span is open and its driver is moving frames (started, not stopped). */
    boolean isRunning();

    /** What paces this span's frames: the driver's frame clock, that clock steered to the line, or a card. */
    default SpanTiming timing() {
        return SpanTiming.FRAME_CLOCK;
    }

    /**
     * Sets the listener told, on the driver's frame thread and after the channels' buffers were served, of every
     * block of frames this span moved: {@code firstFrame} counts the span's own frames, {@code frames} is the block's
     * length (one more or fewer than the clock's now and then when the span follows the line). A media loop run from
     * it moves exactly the bytes the span carried. It must not block; one that throws is logged and the span runs on.
     */
    void setFrameListener(FrameListener listener);

    /** Closes the span; its channels stop carrying traffic. Idempotent. */
    @Override
    void close();
}
