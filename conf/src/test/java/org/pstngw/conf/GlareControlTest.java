package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Q.764 2.10.1.4: the exchange with the higher point code controls the even CICs. */
class GlareControlTest {
    private static Ss7Config ss7(String yaml) {
        return GatewayConfigLoader.parse("ss7:\n" + yaml + "  embedded-exchange: {enabled: false}\n", "g.yaml")
                .ss7();
    }

    @Test
    void higherPointCodeControlsEvenCircuits() {
        Ss7Config high = ss7("  opc: 9\n  dpc: 4\n");
        assertThat(high.controlsOnDualSeizure(2)).isTrue();
        assertThat(high.controlsOnDualSeizure(3)).isFalse();
        Ss7Config low = ss7("  opc: 4\n  dpc: 9\n");
        assertThat(low.controlsOnDualSeizure(2)).isFalse();
        assertThat(low.controlsOnDualSeizure(3)).isTrue();
    }

    @Test
    void explicitControlOverridesThePointCodeRule() {
        assertThat(ss7("  glare-control: odd\n  opc: 9\n  dpc: 4\n").controlsOnDualSeizure(3))
                .isTrue();
        assertThat(ss7("  glare-control: all\n").controlsOnDualSeizure(3)).isTrue();
        assertThat(ss7("  glare-control: none\n").controlsOnDualSeizure(2)).isFalse();
        assertThat(ss7("  glare-control: even\n").controlsOnDualSeizure(2)).isTrue();
    }
}
