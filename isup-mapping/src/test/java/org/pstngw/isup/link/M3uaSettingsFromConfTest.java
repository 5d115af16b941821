package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.Ss7Config;

class M3uaSettingsFromConfTest {

    @Test
    void defaultProfileMapsFieldByField() {
        Ss7Config ss7 = GatewayConfigLoader.defaults().ss7();
        assertThat(ss7.remotePeers()).isNotEmpty();
        M3uaSettings s = M3uaSettingsFromConf.map("gw", ss7, Path.of("/var/lib/pstngw"));
        assertThat(s.role().name()).startsWith(ss7.mode().name());
        assertThat(s.transport().name()).isEqualTo(ss7.transport().name());
        assertThat(s.localHost()).isEqualTo(ss7.local().host());
        assertThat(s.localPort()).isEqualTo(ss7.local().port());
        assertThat(s.peerHost()).isEqualTo(ss7.remotePeers().getFirst().host());
        assertThat(s.peerPort()).isEqualTo(ss7.remotePeers().getFirst().port());
        assertThat(s.routingContext())
                .isEqualTo(ss7.routingContext().orElse(M3uaSettingsFromConf.DEFAULT_ROUTING_CONTEXT));
        assertThat(s.networkAppearance()).isEqualTo(ss7.networkAppearance());
        assertThat(s.trafficMode().name()).isEqualTo(ss7.trafficMode().name());
        assertThat(s.opc()).isEqualTo(ss7.opc());
        assertThat(s.dpc()).isEqualTo(ss7.dpc());
        assertThat(s.networkIndicator()).isEqualTo(ss7.networkIndicator().code());
        assertThat(s.persistDir()).isEqualTo(Path.of("/var/lib/pstngw").resolve(ss7.persistDir()));
    }
}
