package org.pstngw.tdm.pseudowire;

import java.util.Locale;
import java.util.Map;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/** A full E1 span (31 bearer timeslots) on 127.0.0.1 {@code local}, its pseudowire connected to 127.0.0.1 {@code remote}. */
final class LoopbackE1Spans {
    private LoopbackE1Spans() {}

    static SpanConfig e1(String name, ClockSource clock, PwMode mode, int local, int remote) {
        SpanConfig full = SpanConfig.full(name, SpanType.E1, 0);
        return new SpanConfig(
                name,
                full.type(),
                full.framing(),
                full.lineCode(),
                clock,
                full.law(),
                full.channels(),
                Map.of(
                        PwSpanOptions.MODE,
                        mode.name().toLowerCase(Locale.ROOT),
                        PwSpanOptions.LOCAL_ADDRESS,
                        "127.0.0.1",
                        PwSpanOptions.LOCAL_PORT,
                        Integer.toString(local),
                        PwSpanOptions.REMOTE_ADDRESS,
                        "127.0.0.1",
                        PwSpanOptions.REMOTE_PORT,
                        Integer.toString(remote)));
    }
}
