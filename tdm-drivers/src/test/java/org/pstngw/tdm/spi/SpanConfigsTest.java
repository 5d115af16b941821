package org.pstngw.tdm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.TdmConfig;
import org.pstngw.conf.Timeslots;

class SpanConfigsTest {
    @Test
    void confSpansBecomeDriverSpans() {
        org.pstngw.conf.SpanConfig e1 = new org.pstngw.conf.SpanConfig(
                "north",
                org.pstngw.conf.SpanConfig.SpanType.E1,
                org.pstngw.conf.SpanConfig.Framing.CRC4,
                org.pstngw.conf.SpanConfig.LineCode.HDB3,
                org.pstngw.conf.SpanConfig.ClockSource.LINE,
                org.pstngw.conf.SpanConfig.Companding.ALAW,
                OptionalInt.of(16),
                Timeslots.parse("1-15,17-31"));
        org.pstngw.conf.SpanConfig t1 = new org.pstngw.conf.SpanConfig(
                "south",
                org.pstngw.conf.SpanConfig.SpanType.T1,
                org.pstngw.conf.SpanConfig.Framing.D4,
                org.pstngw.conf.SpanConfig.LineCode.AMI,
                org.pstngw.conf.SpanConfig.ClockSource.INTERNAL,
                org.pstngw.conf.SpanConfig.Companding.ULAW,
                OptionalInt.empty(),
                Timeslots.parse("1-24"));
        List<SpanConfig> spans = SpanConfigs.from(new TdmConfig("loopback", Map.of("peer", "south"), List.of(e1, t1)));
        SpanConfig a = spans.get(0);
        assertThat(a.framing()).isEqualTo(Framing.E1_CCS_CRC4);
        assertThat(a.channels()).hasSize(31).contains(ChannelConfig.hdlc(16)).doesNotContain(ChannelConfig.bearer(16));
        assertThat(a.options()).containsEntry("peer", "south");
        assertThat(a.validate()).isEmpty();
        SpanConfig b = spans.get(1);
        assertThat(b.type()).isEqualTo(SpanType.T1);
        assertThat(b.framing()).isEqualTo(Framing.T1_D4);
        assertThat(b.clockSource()).isEqualTo(ClockSource.INTERNAL);
        assertThat(b.law()).isEqualTo(CompandingLaw.MU_LAW);
        assertThat(b.validate()).isEmpty();
    }

    @Test
    void aSpansOwnOptionsOverrideTheDriverWideOnes() {
        org.pstngw.conf.SpanConfig base = new org.pstngw.conf.SpanConfig(
                "x",
                org.pstngw.conf.SpanConfig.SpanType.E1,
                org.pstngw.conf.SpanConfig.Framing.CRC4,
                org.pstngw.conf.SpanConfig.LineCode.HDB3,
                org.pstngw.conf.SpanConfig.ClockSource.LINE,
                org.pstngw.conf.SpanConfig.Companding.ALAW,
                OptionalInt.empty(),
                Timeslots.parse("1-31"));
        TdmConfig tdm = new TdmConfig(
                "pseudowire",
                Map.of("mode", "satop", "remote-address", "10.0.0.20"),
                List.of(
                        base.withOptions(Map.of("port", "50000")),
                        new org.pstngw.conf.SpanConfig(
                                        "y",
                                        base.type(),
                                        base.framing(),
                                        base.lineCode(),
                                        base.clockSource(),
                                        base.companding(),
                                        base.signallingTimeslot(),
                                        base.voiceTimeslots())
                                .withOptions(Map.of("port", "50002", "remote-address", "10.0.0.21"))));
        List<SpanConfig> spans = SpanConfigs.from(tdm);
        assertThat(spans.get(0).options())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("mode", "satop", "remote-address", "10.0.0.20", "port", "50000"));
        assertThat(spans.get(1).options())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("mode", "satop", "remote-address", "10.0.0.21", "port", "50002"));
    }
}
