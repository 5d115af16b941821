package org.pstngw.isup.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pstngw.conf.CircuitGroupConfig;
import org.pstngw.conf.GatewayConfig;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.SpanConfig;
import org.pstngw.isup.call.IsupTimer;
import org.pstngw.isup.call.IsupTimers;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.sipi.isup.IsupVariant;

/** conf -> call control for every shipped profile, and the one dual-seizure rule applied to conf's glare-control. */
class CallControlFromConfTest {

    static final List<String> PROFILES = GatewayConfigLoader.PROFILES;

    private static GatewayConfig yaml(String ss7) {
        return GatewayConfigLoader.parse("ss7:\n" + ss7 + "  embedded-exchange: {enabled: false}\n", "g.yaml");
    }

    @ParameterizedTest
    @FieldSource("PROFILES")
    void everyGroupOfEveryProfileMapsOntoVoiceTimeslotsWithItsSettings(String profile) {
        GatewayConfig c = GatewayConfigLoader.loadProfile(profile);
        List<CallControlFromConf.GroupControl> groups = CallControlFromConf.map(c);

        assertThat(groups).hasSameSizeAs(c.ss7().circuitGroups());
        Set<String> usedTimeslots = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            CircuitGroupConfig conf = c.ss7().circuitGroups().get(i);
            CircuitGroup g = groups.get(i).group();
            SpanConfig span = c.tdm().spans().stream()
                    .filter(s -> s.name().equals(conf.span()))
                    .findFirst()
                    .orElseThrow();
            assertThat(g.name()).isEqualTo(conf.name());
            assertThat(g.dpc()).isEqualTo(c.ss7().dpc());
            assertThat(g.firstCic()).isEqualTo(conf.firstCic());
            assertThat(g.count()).isEqualTo(conf.count());
            assertThat(g.span()).isEqualTo(conf.span());
            assertThat(g.timeslots()).allMatch(span.voiceTimeslots()::contains);
            assertThat(g.timeslots()).isSorted().doesNotHaveDuplicates();
            assertThat(g.timeslotOf(g.firstCic())).isEqualTo(conf.firstTimeslot());
            span.signallingTimeslot().ifPresent(ts -> assertThat(g.timeslots()).doesNotContain(ts));
            g.timeslots()
                    .forEach(ts -> assertThat(usedTimeslots.add(span.name() + "/" + ts))
                            .isTrue());
            assertThat(g.direction().name()).isEqualTo(conf.direction().name());
            assertThat(groups.get(i).settings().variant().name())
                    .isEqualTo(c.ss7().isupVariant().name());
            assertThat(groups.get(i).settings().timers().get(IsupTimer.T7))
                    .isEqualTo(c.ss7().isupTimers().t7());
        }
    }

    @Test
    void embeddedIsOneGroupOf31CircuitsOnTimeslots1To31() {
        CallControlFromConf.GroupControl g =
                CallControlFromConf.map(GatewayConfigLoader.defaults()).getFirst();
        assertThat(g.group().timeslots())
                .isEqualTo(IntStream.rangeClosed(1, 31).boxed().toList());
        assertThat(g.settings().hunting()).isEqualTo(HuntingStrategy.SEQUENTIAL_UP);
        assertThat(g.settings().timers()).isEqualTo(IsupTimers.defaults());
    }

    @Test
    void carrierSpansSkipTimeslot16AndCarryTheAgreedTimers() {
        List<CallControlFromConf.GroupControl> groups =
                CallControlFromConf.map(GatewayConfigLoader.loadProfile("carrier-interconnect"));
        CircuitGroup a = groups.get(0).group();
        assertThat(a.timeslotOf(15)).isEqualTo(15);
        assertThat(a.timeslotOf(16)).isEqualTo(17);
        assertThat(a.timeslotOf(30)).isEqualTo(31);
        assertThat(groups.get(1).group().firstCic()).isEqualTo(33);
        assertThat(groups.get(1).group().timeslotOf(33)).isEqualTo(1);
        assertThat(groups.get(0).settings().timers().get(IsupTimer.T7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(groups.get(0).settings().timers().get(IsupTimer.T9)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void bridgingIsInternationalAndHuntsOddAndEvenFirst() {
        List<CallControlFromConf.GroupControl> groups =
                CallControlFromConf.map(GatewayConfigLoader.loadProfile("ss7-bridging"));
        assertThat(groups)
                .extracting(g -> g.settings().hunting())
                .containsExactly(HuntingStrategy.ODD_FIRST, HuntingStrategy.EVEN_FIRST);
        assertThat(org.pstngw.isup.link.M3uaSettingsFromConf.map(
                                "gw",
                                GatewayConfigLoader.loadProfile("ss7-bridging").ss7(),
                                java.nio.file.Path.of("data"))
                        .networkIndicator())
                .as("the link's NI, which call control sends with")
                .isZero();
        assertThat(groups.get(1).group().timeslots())
                .isEqualTo(IntStream.rangeClosed(17, 31).boxed().toList());
    }

    @Test
    void pbxProfileIsAnsiAndHuntsDown() {
        CallControlFromConf.GroupControl g = CallControlFromConf.map(GatewayConfigLoader.loadProfile("pbx-to-pstn"))
                .getFirst();
        assertThat(g.settings().variant()).isEqualTo(IsupVariant.ANSI);
        assertThat(g.settings().hunting()).isEqualTo(HuntingStrategy.SEQUENTIAL_DOWN);
        assertThat(g.group().count()).isEqualTo(24);
    }

    @Test
    void directionAndControlledFirstHuntingComeThrough() {
        GatewayConfig c = yaml("  circuit-groups:\n"
                + "    - {name: in, span: span0, first-cic: 1, first-timeslot: 1, count: 4, direction: incoming,"
                + " hunting: controlled-first}\n");
        CallControlFromConf.GroupControl g = CallControlFromConf.map(c).getFirst();
        assertThat(g.group().direction()).isEqualTo(CircuitGroup.Direction.INCOMING);
        assertThat(g.settings().hunting()).isEqualTo(HuntingStrategy.CONTROLLED_FIRST);
    }

    @Test
    void buildGivesOneControlPerGroupBehindADispatcher() {
        org.pstngw.isup.call.ControlHarness link = new org.pstngw.isup.call.ControlHarness(1);
        link.networkIndicator = 0;
        org.pstngw.isup.call.CicDispatcher d = CallControlFromConf.build(
                GatewayConfigLoader.loadProfile("ss7-bridging"), link, link.scheduler, Runnable::run, g -> link, null);
        assertThat(d.controls()).extracting(c -> c.group().name()).containsExactly("east-low", "east-high");
        assertThat(d.control("east-high").settings().hunting()).isEqualTo(HuntingStrategy.EVEN_FIRST);
        d.onDestinationState(d.control("east-low").group().dpc(), org.pstngw.isup.link.DestinationState.AVAILABLE);
        assertThat(link.pdus).isNotEmpty().allMatch(p -> p.networkIndicator() == 0);
    }

    /** Q.764 2.9.1.4: the exchange with the higher point code controls the even CICs, unless agreed otherwise. */
    @Test
    void glareControlFromConfIsTheDualSeizureRule() {
        assertThat(rule("  opc: 9\n  dpc: 4\n").controls(2)).isTrue();
        assertThat(rule("  opc: 9\n  dpc: 4\n").controls(3)).isFalse();
        assertThat(rule("  opc: 4\n  dpc: 9\n").controls(2)).isFalse();
        assertThat(rule("  opc: 4\n  dpc: 9\n").controls(3)).isTrue();
        assertThat(rule("  glare-control: odd\n  opc: 9\n  dpc: 4\n").controls(3))
                .isTrue();
        assertThat(rule("  glare-control: all\n").controls(3)).isTrue();
        assertThat(rule("  glare-control: none\n").controls(2)).isFalse();
        assertThat(rule("  glare-control: even\n").controls(2)).isTrue();
    }

    private static DualSeizure rule(String ss7) {
        GatewayConfig c = yaml(ss7);
        return new DualSeizure(
                CallControlFromConf.map(c).getFirst().settings().glare(),
                c.ss7().opc(),
                c.ss7().dpc());
    }
}
