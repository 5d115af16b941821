package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.Ss7Config;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.isup.link.FreePorts;
import org.pstngw.isup.link.M3uaIsupLink;
import org.pstngw.isup.link.M3uaSettingsFromConf;
import org.pstngw.sipi.isup.EventInformation;
import org.pstngw.sipi.isup.IsupMessageType;

/**
 * The embedded default as the gateway will start it: our link and the simulated exchange both mapped from the same
 * conf (the embedded profile with free ports), over real M3UA/TCP; the default numbers give their outcomes.
 */
@Timeout(60)
@ExtendWith(CleanShutdown.class)
class EmbeddedExchangeFromConfIT {

    @TempDir
    Path dir;

    @Test
    void theDefaultNumbersAnswerAsConfigured() throws Exception {
        int gwPort = FreePorts.next();
        int exPort = FreePorts.next();
        Ss7Config ss7 = GatewayConfigLoader.parse(
                        "ss7:\n  local-port: " + gwPort + "\n  remote-peers: [{address: 127.0.0.1, port: " + exPort
                                + "}]\n  embedded-exchange:\n    port: " + exPort + "\n    answer-delay: 100ms\n",
                        "g.yaml")
                .ss7();
        M3uaIsupLink link = new M3uaIsupLink(M3uaSettingsFromConf.map("gw", ss7, dir));
        SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeFromConf.map(ss7, link.settings()));
        LinkProbe gw = new LinkProbe().on(link);
        try (exchange;
                link) {
            exchange.start();
            link.start();
            assertThat(link.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();

            gw.send(IsupBytes.iam(1, "4865551234"));
            assertThat(gw.nextRelCause(1)).isEqualTo(17);
            gw.send(IsupBytes.rlc(1));

            gw.send(IsupBytes.iam(2, "1835551234"));
            gw.next(IsupMessageType.ACM, 2);
            assertThat(gw.next(IsupMessageType.CPG, 2)
                            .eventInformation()
                            .orElseThrow()
                            .event())
                    .isEqualTo(EventInformation.ALERTING);
            gw.next(IsupMessageType.ANM, 2);
            gw.send(IsupBytes.rel(2, 16));
            gw.next(IsupMessageType.RLC, 2);

            gw.send(IsupBytes.iam(31, "2125551234"));
            gw.next(IsupMessageType.ACM, 31);
            gw.next(IsupMessageType.ANM, 31);
            gw.send(IsupBytes.rel(31, 16));
            gw.next(IsupMessageType.RLC, 31);

            gw.send(IsupBytes.iam(32, "2125551234"));
            gw.next(IsupMessageType.UCIC, 32);
        }
    }
}
