package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.Ss7Config;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.isup.link.M3uaSettingsFromConf;

class SimulatedExchangeFromConfTest {

    private static final Path DATA = Path.of("/var/lib/pstngw");

    private static Ss7Config ss7(String yaml) {
        return GatewayConfigLoader.parse(yaml, "g.yaml").ss7();
    }

    @Test
    void theEmbeddedDefaultIsTheFarEndOfTheGatewaysLink() {
        Ss7Config ss7 = GatewayConfigLoader.defaults().ss7();
        M3uaSettings gw = M3uaSettingsFromConf.map("gw", ss7, DATA);
        ExchangeSettings ex = SimulatedExchangeFromConf.map(ss7, gw);
        M3uaSettings link = ex.link();
        assertThat(link.role()).isEqualTo(M3uaSettings.Role.SGW_SERVER);
        assertThat(link.localHost()).isEqualTo("127.0.0.1");
        assertThat(link.localPort()).isEqualTo(2906);
        assertThat(link.peers()).containsExactly(new M3uaSettings.Peer("127.0.0.1", 2905));
        assertThat(link.opc()).isEqualTo(2);
        assertThat(link.dpc()).isEqualTo(1);
        assertThat(link.networkIndicator()).isEqualTo(gw.networkIndicator());
        assertThat(link.routingContext()).isEqualTo(gw.routingContext());
        assertThat(link.persistDir()).isEqualTo(DATA.resolve("ss7-embedded-exchange"));
        assertThat(ex.firstCic()).isEqualTo(1);
        assertThat(ex.circuits()).isEqualTo(31);
    }

    @Test
    void theDefaultNumbersBecomeBehaviours() {
        Rules rules = SimulatedExchangeFromConf.rules(
                GatewayConfigLoader.defaults().ss7().embeddedExchange());
        assertThat(rules.forNumber("4861234")).isEqualTo(Behaviour.BUSY);
        assertThat(rules.forNumber("404")).isEqualTo(Behaviour.UNALLOCATED);
        assertThat(rules.forNumber("5031")).isEqualTo(Behaviour.CONGESTION);
        assertThat(rules.forNumber("6030")).isEqualTo(new Behaviour.Reject(21));
        assertThat(rules.forNumber("4801")).isEqualTo(Behaviour.NO_ANSWER);
        assertThat(rules.forNumber("4081")).isEqualTo(new Behaviour.Silent());
        assertThat(rules.forNumber("1831")).isEqualTo(new Behaviour.ProgressThenAnswer(1000, 3000));
        assertThat(rules.forNumber("2001")).isEqualTo(new Behaviour.ConnectAfter(0));
        assertThat(rules.forNumber("2021")).isEqualTo(new Behaviour.ReleaseAfter(10_000));
        assertThat(rules.forNumber("484")).isEqualTo(new Behaviour.Overlap(8, new Behaviour.AnswerAfter(0)));
        assertThat(rules.forNumber("2125551234")).isEqualTo(new Behaviour.AnswerAfter(1000));
    }

    @Test
    void configuredNumbersCircuitsAndAnIpspGateway() {
        Ss7Config ss7 = ss7("""
                ss7:
                  mode: ipsp
                  local-port: 3000
                  remote-peers: [{address: 127.0.0.1, port: 3001}]
                  circuit-groups: [{name: g, span: span0, first-cic: 10, first-timeslot: 1, count: 5}]
                  embedded-exchange:
                    port: 3001
                    answer-delay: 0s
                    numbers:
                      - {prefix: "7", behaviour: overlap, digits: 5, then: reject, cause: 28}
                """);
        ExchangeSettings client = SimulatedExchangeFromConf.map(ss7, M3uaSettingsFromConf.map("gw", ss7, DATA));
        assertThat(client.link().role()).isEqualTo(M3uaSettings.Role.IPSP_SERVER);
        assertThat(client.firstCic()).isEqualTo(10);
        assertThat(client.circuits()).isEqualTo(5);
        assertThat(client.rules().forNumber("7")).isEqualTo(new Behaviour.Overlap(5, new Behaviour.Reject(28)));
        assertThat(client.rules().forNumber("8")).isEqualTo(new Behaviour.AnswerAfter(0));

        Ss7Config serverSide = ss7("""
                ss7:
                  mode: ipsp
                  ipsp-side: server
                  exchange-type: de
                  local-port: 3000
                  remote-peers: [{address: 127.0.0.1, port: 3001}]
                  circuit-groups: [{name: g, span: span0, first-cic: 10, first-timeslot: 1, count: 5}]
                  embedded-exchange: {port: 3001}
                """);
        ExchangeSettings server =
                SimulatedExchangeFromConf.map(serverSide, M3uaSettingsFromConf.map("gw", serverSide, DATA));
        assertThat(server.link().exchange()).isEqualTo(M3uaSettings.Exchange.DOUBLE);
        assertThat(server.link().role()).isEqualTo(M3uaSettings.Role.IPSP_CLIENT);
        assertThat(server.link().localPort()).isEqualTo(3001);
        assertThat(server.link().peers()).containsExactly(new M3uaSettings.Peer("127.0.0.1", 3000));
    }

    @Test
    void aGatewayThatCannotReachTheExchangeIsRefused() {
        Ss7Config elsewhere = ss7("ss7:\n  remote-peers: [{address: 127.0.0.1, port: 4000}]\n");
        assertThatThrownBy(
                        () -> SimulatedExchangeFromConf.map(elsewhere, M3uaSettingsFromConf.map("gw", elsewhere, DATA)))
                .hasMessageContaining("no ss7.remote-peers entry is the embedded exchange (port 2906)");
        Ss7Config anyPort = ss7("ss7:\n  local-port: 0\n");
        assertThatThrownBy(() -> SimulatedExchangeFromConf.map(anyPort, M3uaSettingsFromConf.map("gw", anyPort, DATA)))
                .hasMessageContaining("local-port 0");
    }
}
