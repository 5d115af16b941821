package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DupuMessageTest {

    @Test
    void encodesTheRfc4666LayoutWithRoutingContextAndNetworkAppearance() {
        byte[] dupu = DupuMessage.encode(OptionalLong.of(100), OptionalLong.of(8), 0x0102, 2, 5);
        assertThat(HexFormat.of().formatHex(dupu))
                .isEqualTo("01000205" + "00000028" // version 1, class SSNM, type DUPU, length 40
                        + "02000008" + "00000008" // network appearance 8
                        + "00060008" + "00000064" // routing context 100
                        + "00120008" + "00000102" // affected point code, mask 0
                        + "02040008" + "00020005"); // cause 2 inaccessible remote user, user 5 ISUP
    }

    @Test
    void leavesOutTheOptionalParameters() {
        byte[] dupu = DupuMessage.encode(OptionalLong.empty(), OptionalLong.empty(), 0xF51000, 0, 5);
        assertThat(HexFormat.of().formatHex(dupu))
                .isEqualTo("01000205" + "00000018" + "00120008" + "00f51000" + "02040008" + "00000005");
    }
}
