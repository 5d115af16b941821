package org.pstngw.tdm.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pstngw.conf.TdmConfig;

/** Builds driver {@link SpanConfig}s from the gateway configuration's {@code tdm} section. */
public final class SpanConfigs {
    private SpanConfigs() {}

    /**
     * Every span of the section. Each carries the section's driver options overridden by the span's own ({@code
     * tdm.spans[].options}), so two pseudowire spans can share a mode and differ in their far end.
     */
    public static List<SpanConfig> from(TdmConfig tdm) {
        List<SpanConfig> spans = new ArrayList<>();
        for (org.pstngw.conf.SpanConfig span : tdm.spans()) {
            Map<String, String> options = new HashMap<>(tdm.driverOptions());
            options.putAll(span.options());
            spans.add(from(span, options));
        }
        return List.copyOf(spans);
    }

    /**
     * One span: the voice timeslots become bearer channels, the signalling timeslot (if any) an HDLC channel. E1
     * framing maps to common-channel signalling (CCS) with or without CRC-4.
     */
    public static SpanConfig from(org.pstngw.conf.SpanConfig span, Map<String, String> options) {
        SpanType type = switch (span.type()) {
            case E1 -> SpanType.E1;
            case T1 -> SpanType.T1;
        };
        Framing framing = switch (span.framing()) {
            case CRC4 -> Framing.E1_CCS_CRC4;
            case NO_CRC4 -> Framing.E1_CCS;
            case ESF -> Framing.T1_ESF;
            case D4 -> Framing.T1_D4;
        };
        LineCode lineCode = switch (span.lineCode()) {
            case HDB3 -> LineCode.HDB3;
            case AMI -> LineCode.AMI;
            case B8ZS -> LineCode.B8ZS;
        };
        ClockSource clock = switch (span.clockSource()) {
            case LINE -> ClockSource.LINE;
            case INTERNAL -> ClockSource.INTERNAL;
        };
        CompandingLaw law = switch (span.companding()) {
            case ALAW -> CompandingLaw.A_LAW;
            case ULAW -> CompandingLaw.MU_LAW;
        };
        List<ChannelConfig> channels = new ArrayList<>();
        for (int ts : span.voiceTimeslots().list()) {
            channels.add(ChannelConfig.bearer(ts));
        }
        span.signallingTimeslot().ifPresent(ts -> channels.add(ChannelConfig.hdlc(ts)));
        return new SpanConfig(span.name(), type, framing, lineCode, clock, law, channels, options);
    }
}
