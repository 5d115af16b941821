package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.HostPort;
import org.pstngw.conf.Ss7Config;

class M3uaSettingsFromConfTest {

    private static final Path DATA = Path.of("/var/lib/pstngw");
    static final List<String> PROFILES = GatewayConfigLoader.PROFILES;

    @ParameterizedTest
    @FieldSource("PROFILES")
    void everyShippedProfileMapsFieldByField(String profile) {
        Ss7Config ss7 = GatewayConfigLoader.loadProfile(profile).ss7();
        M3uaSettings s = M3uaSettingsFromConf.map("gw", ss7, DATA);

        assertThat(s.role().name()).startsWith(ss7.mode().name());
        assertThat(s.transport().name()).isEqualTo(ss7.transport().name());
        assertThat(s.localHost()).isEqualTo(ss7.local().host());
        assertThat(s.localPort()).isEqualTo(ss7.local().port());
        assertThat(s.peers())
                .extracting(M3uaSettings.Peer::host, M3uaSettings.Peer::port)
                .containsExactlyElementsOf(ss7.remotePeers().stream()
                        .map(p -> Tuple.tuple(p.host(), p.port()))
                        .toList());
        assertThat(s.routingContext()).isEqualTo(ss7.routingContext());
        assertThat(s.networkAppearance()).isEqualTo(ss7.networkAppearance());
        assertThat(s.trafficMode().name()).isEqualTo(ss7.trafficMode().name());
        assertThat(s.opc()).isEqualTo(ss7.opc());
        assertThat(s.dpc()).isEqualTo(ss7.dpc());
        assertThat(s.networkIndicator()).isEqualTo(ss7.networkIndicator().code());
        assertThat(s.serviceIndicator()).isEqualTo(ss7.serviceIndicator());
        assertThat(s.persistDir()).isEqualTo(DATA.resolve(ss7.persistDir()));
        assertThat(s.labelFormat().name()).isEqualTo(ss7.isupVariant().name());
        assertThat(s.exchange().name().charAt(0))
                .isEqualTo(ss7.exchangeType().name().charAt(0));
        assertThat(s.minActiveAsps()).isEqualTo(ss7.minActiveAsps());
        assertThat(s.deliveryThreads()).isEqualTo(ss7.deliveryThreads());
        assertThat(s.activeTimeout()).isEqualTo(ss7.activationWait());
        assertThat(s.userPartTestInterval()).isEqualTo(ss7.isupTimers().t4());
        if (ss7.mode() == Ss7Config.M3uaMode.IPSP) {
            assertThat(s.role().isServer()).isEqualTo(ss7.ipspSide() == Ss7Config.IpspSide.SERVER);
        }
    }

    @Test
    void carrierProfileHasBothStpsAsAspsOfOneAsAndItsRoutingContext() {
        M3uaSettings s = M3uaSettingsFromConf.map(
                "gw", GatewayConfigLoader.loadProfile("carrier-interconnect").ss7(), DATA);
        assertThat(s.role()).isEqualTo(M3uaSettings.Role.AS_CLIENT);
        assertThat(s.transport()).isEqualTo(M3uaSettings.Transport.SCTP);
        assertThat(s.peers())
                .containsExactly(
                        new M3uaSettings.Peer("198.51.100.1", 2905), new M3uaSettings.Peer("198.51.100.2", 2905));
        assertThat(s.localPortOf(0)).isEqualTo(2905);
        assertThat(s.localPortOf(1)).isEqualTo(2906);
        assertThat(s.routingContext()).hasValue(100);
        assertThat(s.trafficMode()).isEqualTo(M3uaSettings.TrafficMode.LOADSHARE);
        assertThat(s.opc()).isEqualTo((2 << 11) | (100 << 3) | 1);
    }

    @Test
    void ansiProfileGets24BitPointCodesAndAnAnsiLabel() {
        M3uaSettings s = M3uaSettingsFromConf.map(
                "gw", GatewayConfigLoader.loadProfile("pbx-to-pstn").ss7(), DATA);
        assertThat(s.labelFormat()).isEqualTo(M3uaSettings.LabelFormat.ANSI);
        assertThat(s.opc()).isEqualTo((245 << 16) | (16 << 8) | 1).isGreaterThan(0x3FFF);
        assertThat(s.dpc()).isEqualTo((245 << 16) | (16 << 8));
        assertThat(s.routingContext()).hasValue(1);
    }

    @Test
    void ipspProfileMapsToClientOrServerAndKeepsNetworkAppearanceWithoutRoutingContext() {
        Ss7Config ss7 = GatewayConfigLoader.loadProfile("ss7-bridging").ss7();
        M3uaSettings client = M3uaSettingsFromConf.map("gw", ss7, DATA);
        assertThat(client.role()).isEqualTo(M3uaSettings.Role.IPSP_CLIENT);
        assertThat(client.routingContext()).isEmpty();
        assertThat(client.networkAppearance()).hasValue(8);
        assertThat(client.trafficMode()).isEqualTo(M3uaSettings.TrafficMode.OVERRIDE);
        assertThat(client.networkIndicator()).isZero();

        M3uaSettings server = M3uaSettingsFromConf.map(
                "gw",
                GatewayConfigLoader.parse(
                                "ss7:\n  mode: ipsp\n  ipsp-side: server\n  embedded-exchange: {enabled: false}\n",
                                "g.yaml")
                        .ss7(),
                DATA);
        assertThat(server.role()).isEqualTo(M3uaSettings.Role.IPSP_SERVER);
        assertThat(server.localPortOf(0)).isEqualTo(2905);
    }

    @Test
    void embeddedDefaultOmitsTheRoutingContext() {
        M3uaSettings s =
                M3uaSettingsFromConf.map("gw", GatewayConfigLoader.defaults().ss7(), DATA);
        assertThat(s.routingContext()).isEqualTo(OptionalLong.empty());
        assertThat(s.labelFormat()).isEqualTo(M3uaSettings.LabelFormat.ITU);
    }

    @Test
    void theM3uaTuningKeysReachTheSettings() {
        Ss7Config ss7 = GatewayConfigLoader.parse("""
                        ss7:
                          mode: ipsp
                          exchange-type: de
                          remote-peers: [{address: 10.0.0.1, port: 2905}, {address: 10.0.0.2, port: 2905}]
                          min-active-asps: 2
                          delivery-threads: 3
                          activation-wait: 2s
                          isup-timers: {t4: 15min}
                          embedded-exchange: {enabled: false}
                        """, "g.yaml").ss7();
        M3uaSettings s = M3uaSettingsFromConf.map("gw", ss7, DATA);
        assertThat(s.role()).isEqualTo(M3uaSettings.Role.IPSP_CLIENT);
        assertThat(s.exchange()).isEqualTo(M3uaSettings.Exchange.DOUBLE);
        assertThat(s.minActiveAsps()).isEqualTo(2);
        assertThat(s.deliveryThreads()).isEqualTo(3);
        assertThat(s.activeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.userPartTestInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void settingsRejectPointCodesBeyondTheLabelFormat() {
        M3uaSettings.Builder b = M3uaSettings.builder("x", M3uaSettings.Role.AS_CLIENT, DATA)
                .peer("127.0.0.1", 2905)
                .pointCodes(0x4000, 1);
        assertThatThrownBy(b::build).hasMessageContaining("14-bit ITU");
        assertThat(b.labelFormat(M3uaSettings.LabelFormat.ANSI).build().opc()).isEqualTo(0x4000);
        assertThatThrownBy(() -> b.pointCodes(1 << 24, 1).build()).hasMessageContaining("24-bit ANSI");
    }

    @Test
    void aServiceIndicatorOfTheNetworkManagementIsRejected() {
        Ss7Config ss7 = GatewayConfigLoader.parse(
                        "ss7:\n  service-indicator: 0\n  embedded-exchange: {enabled: false}\n", "g.yaml")
                .ss7();
        assertThat(ss7.remotePeers()).containsExactly(new HostPort("127.0.0.1", 2906));
        assertThatThrownBy(() -> M3uaSettingsFromConf.map("gw", ss7, DATA)).hasMessageContaining("3..15");
    }
}
