package org.pstngw.tdm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanConfigTest {
    @Test
    void fullSpansAreValid() {
        assertThat(SpanConfig.full("e1", SpanType.E1, 16).validate()).isEmpty();
        assertThat(SpanConfig.full("t1", SpanType.T1, 24).validate()).isEmpty();
        assertThat(SpanConfig.full("e1", SpanType.E1, 16).channels()).hasSize(31);
    }

    @Test
    void timeslotsBeyondTheSpanAreNamed() {
        SpanConfig e1 = SpanConfig.e1(
                "north", List.of(ChannelConfig.bearer(1), ChannelConfig.bearer(32), ChannelConfig.hdlc(0)));
        assertThat(e1.validate())
                .extracting(SpanConfigError::span, SpanConfigError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("north", "channels[1].timeslot"),
                        org.assertj.core.groups.Tuple.tuple("north", "channels[2].timeslot"));
        assertThat(e1.validate().get(0).toString()).contains("32 is beyond the span's timeslots (E1: 1-31)");
        assertThat(e1.validate().get(1).message()).contains("timeslot 0 carries frame alignment");
        SpanConfig t1 = SpanConfig.t1("south", List.of(ChannelConfig.bearer(25)));
        assertThat(t1.validate())
                .singleElement()
                .hasToString("span 'south' channels[0].timeslot: 25 is beyond the span's timeslots (T1: 1-24)");
    }

    @Test
    void twoChannelsOnOneTimeslotAndCasTs16AreRefused() {
        SpanConfig twice = SpanConfig.e1("a", List.of(ChannelConfig.bearer(5), ChannelConfig.hdlc(5)));
        assertThat(twice.validate())
                .singleElement()
                .extracting(SpanConfigError::message)
                .isEqualTo("timeslot 5 is configured twice");
        SpanConfig cas = SpanConfig.e1("b", List.of(ChannelConfig.bearer(16))).withFraming(Framing.E1_CAS);
        assertThat(cas.validate())
                .singleElement()
                .extracting(SpanConfigError::message)
                .isEqualTo("timeslot 16 carries CAS signalling with E1_CAS");
    }

    @Test
    void framingAndLineCodeMustFitTheSpanType() {
        SpanConfig bad = new SpanConfig(
                "c",
                SpanType.E1,
                Framing.T1_ESF,
                LineCode.B8ZS,
                ClockSource.INTERNAL,
                CompandingLaw.A_LAW,
                List.of(),
                java.util.Map.of());
        assertThat(bad.validate()).extracting(SpanConfigError::field).containsExactly("framing", "lineCode");
        assertThatThrownBy(bad::requireValid)
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("span 'c' framing");
    }

    @Test
    void lawDefaultsPerSpanTypeAndCanBeSetPerChannel() {
        SpanConfig t1 =
                SpanConfig.t1("t", List.of(ChannelConfig.bearer(1), ChannelConfig.bearer(2, CompandingLaw.A_LAW)));
        assertThat(t1.lawOf(t1.channels().get(0))).isEqualTo(CompandingLaw.MU_LAW);
        assertThat(t1.lawOf(t1.channels().get(1))).isEqualTo(CompandingLaw.A_LAW);
        assertThat(SpanType.E1.defaultLaw()).isEqualTo(CompandingLaw.A_LAW);
    }

    @Test
    void unknownDriverNameListsTheKnownOnes() {
        assertThatThrownBy(() ->
                        TdmDrivers.open("dahdi-nope", DriverContext.of(new org.pstngw.tdm.clock.VirtualFrameClock(8))))
                .isInstanceOf(UnknownDriverException.class)
                .hasMessage("driver \"dahdi-nope\" is not available in this build; available: loopback, pseudowire");
        assertThat(TdmDrivers.names()).contains("loopback");
    }
}
