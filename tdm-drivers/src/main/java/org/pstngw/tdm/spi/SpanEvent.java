package org.pstngw.tdm.spi;

/** Something a span reports to its {@link SpanEventListener}. */
public sealed interface SpanEvent {
    /** Name of the span this event is about. */
    String span();

    /** An alarm became active. */
    record AlarmRaised(String span, Alarm alarm) implements SpanEvent {}

    /** An alarm is no longer active. */
    record AlarmCleared(String span, Alarm alarm) implements SpanEvent {}

    /** The receive path is in service again: the last of LOS, LOF and AIS cleared (frame alignment held). */
    record InSync(String span) implements SpanEvent {}

    /** The CRC error counter moved: {@code total} errored blocks since the span opened. */
    record CrcErrors(String span, long total) implements SpanEvent {}

    /** The span was stopped or closed and carries no more traffic. */
    record Closed(String span) implements SpanEvent {}
}
