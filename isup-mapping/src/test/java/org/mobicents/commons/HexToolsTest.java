package org.mobicents.commons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HexToolsTest {
    @Test
    void dumpsSixteenOctetsALineWithAddresses() {
        byte[] b = new byte[18];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 17);
        }
        assertThat(HexTools.dump(b, 0x100).toString())
                .isEqualTo("0100: 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF\n0110: 10 21\n");
        assertThat(HexTools.dump(null, 0).toString()).isEqualTo("null");
    }
}
