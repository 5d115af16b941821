package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ProfilesTest {
    static final java.util.List<String> PROFILES = GatewayConfigLoader.PROFILES;

    @ParameterizedTest
    @FieldSource("PROFILES")
    void everyShippedProfileLoadsWithoutErrors(String profile) {
        assertThat(GatewayConfigLoader.loadProfile(profile)).isNotNull();
    }

    @Test
    void anEmptyFileIsTheEmbeddedProfile() {
        GatewayConfig empty = GatewayConfigLoader.parse("", "empty.yaml");
        assertThat(GatewayConfigLoader.parse("# nothing\n", "comment.yaml")).isEqualTo(empty);
        assertThat(GatewayConfigLoader.loadProfile("embedded")).isEqualTo(empty);
        assertThat(GatewayConfigLoader.defaults()).isEqualTo(empty);
    }

    @Test
    void embeddedDefaultsAreTheDemoSetup() {
        GatewayConfig c = GatewayConfigLoader.defaults();
        assertThat(c.sip().transports())
                .extracting(SipTransportConfig::protocol, SipTransportConfig::bindAddress, SipTransportConfig::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SipTransportConfig.Protocol.UDP, "127.0.0.1", 5060),
                        org.assertj.core.groups.Tuple.tuple(SipTransportConfig.Protocol.TCP, "127.0.0.1", 5060));
        assertThat(c.sip().t1()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.sip().timerB()).isEqualTo(Duration.ofSeconds(32));
        assertThat(c.tdm().driver()).isEqualTo("loopback");
        assertThat(c.tdm().frameBlock()).isEqualTo(Duration.ofMillis(10));
        assertThat(c.tdm().framesPerBlock()).isEqualTo(80);
        assertThat(c.tdm().spans()).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SpanConfig.SpanType.E1);
            assertThat(s.companding()).isEqualTo(SpanConfig.Companding.ALAW);
            assertThat(s.voiceTimeslots()).hasToString("1-31");
        });
        assertThat(c.ss7().transport()).isEqualTo(Ss7Config.Ss7Transport.TCP);
        assertThat(c.ss7().embeddedExchange())
                .isEqualTo(new EmbeddedExchangeConfig(
                        true, 2, 2906, 1, 31, Duration.ofSeconds(1), EmbeddedExchangeSection.DEFAULT_NUMBERS));
        assertThat(c.ss7().isupTimers().t7()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.ss7().serviceIndicator()).isEqualTo(5);
        assertThat(c.ss7().ipspSide()).isEqualTo(Ss7Config.IpspSide.CLIENT);
        assertThat(c.ss7().exchangeType()).isEqualTo(Ss7Config.ExchangeType.SE);
        assertThat(c.ss7().minActiveAsps()).isEqualTo(1);
        assertThat(c.ss7().deliveryThreads()).isEqualTo(2);
        assertThat(c.ss7().activationWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.ss7().isupTimers().t4()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.ss7().isupTimers().t28()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.management()).isEqualTo(new ManagementConfig("127.0.0.1", 8080, true));
        assertThat(c.media().codecs()).containsExactly("PCMA", "PCMU", "telephone-event");
    }

    @Test
    void carrierProfileReadsDottedPointCodesTlsAndPseudowireOptions() {
        GatewayConfig c = GatewayConfigLoader.loadProfile("carrier-interconnect");
        assertThat(c.ss7().opc()).isEqualTo((2 << 11) | (100 << 3) | 1);
        assertThat(c.ss7().routingContext()).hasValue(100);
        assertThat(c.ss7().remotePeers()).hasSize(2);
        assertThat(c.ss7().isupTimers().t7()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.ss7().minActiveAsps()).isEqualTo(1);
        assertThat(c.ss7().activationWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.sip().transports().get(2).port()).isEqualTo(5061);
        assertThat(c.sip().transports().get(2).keystorePassword().reveal()).isEqualTo("change-me");
        assertThat(c.tdm().driverOptions()).containsEntry("mode", "satop").containsEntry("remote-address", "10.0.0.20");
        assertThat(c.tdm().spans()).extracting(s -> s.options().get("port")).containsExactly("50000", "50002");
        assertThat(c.tdm().framesPerBlock()).isEqualTo(8);
        assertThat(c.tdm().clockScheduling()).isEqualTo(TdmConfig.ClockScheduling.NORMAL);
        assertThat(c.tdm().spans().get(0).voiceTimeslots()).hasToString("1-15,17-31");
        assertThat(c.tdm().spans().get(0).lineCode()).isEqualTo(SpanConfig.LineCode.HDB3);
    }

    @Test
    void spansCarryTheirOwnDriverOptions() {
        GatewayConfig c = GatewayConfigLoader.parse(
                "tdm:\n  driver-options: {x: 1}\n  spans:\n    - {name: a, options: {peer: b}}\n"
                        + "    - {name: b, options: {peer: a}}\n",
                "pair.yaml");
        assertThat(c.tdm().driverOptions()).containsEntry("x", "1");
        assertThat(c.tdm().spans()).extracting(s -> s.options().get("peer")).containsExactly("b", "a");
    }

    @Test
    void pbxProfileIsAnsiOnT1() {
        GatewayConfig c = GatewayConfigLoader.loadProfile("pbx-to-pstn");
        assertThat(c.ss7().isupVariant()).isEqualTo(Ss7Config.IsupVariant.ANSI);
        assertThat(c.ss7().opc()).isEqualTo((245 << 16) | (16 << 8) | 1);
        assertThat(c.tdm().spans().get(0).companding()).isEqualTo(SpanConfig.Companding.ULAW);
    }

    @Test
    void bridgingProfileKeepsTimeslot16ForSignalling() {
        GatewayConfig c = GatewayConfigLoader.loadProfile("ss7-bridging");
        assertThat(c.tdm().spans().get(0).signallingTimeslot()).hasValue(16);
        assertThat(c.ss7().networkAppearance()).hasValue(8);
        assertThat(c.ss7().mode()).isEqualTo(Ss7Config.M3uaMode.IPSP);
        assertThat(c.ss7().ipspSide()).isEqualTo(Ss7Config.IpspSide.CLIENT);
        assertThat(c.ss7().exchangeType()).isEqualTo(Ss7Config.ExchangeType.SE);
        assertThat(c.ss7().circuitGroups())
                .extracting(CircuitGroupConfig::firstCic)
                .containsExactly(1, 17);
    }

    @Test
    void anUnknownProfileIsAConfigError() {
        assertThatThrownBy(() -> GatewayConfigLoader.loadProfile("nope"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml: no such profile; shipped profiles: embedded, carrier-interconnect");
    }

    @Test
    void aMissingFileIsAConfigError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> GatewayConfigLoader.load(dir.resolve("absent.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.yaml: cannot read");
    }

    @Test
    void aFileIsNamedByItsPathInErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("gw.yaml");
        java.nio.file.Files.writeString(file, "\nmanagement:\n  port: 99999\n");
        assertThatThrownBy(() -> GatewayConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(file + ":3:9: management.port: 99999 is out of range 0..65535");
    }
}
