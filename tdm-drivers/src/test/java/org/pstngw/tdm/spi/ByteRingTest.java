package org.pstngw.tdm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRingTest {
    @Test
    void wrapsAroundAndReportsPartialWrites() {
        ByteRing ring = new ByteRing(5);
        assertThat(ring.capacity()).isEqualTo(8);
        byte[] out = new byte[8];
        for (int round = 0; round < 10; round++) {
            assertThat(ring.write(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6)).isEqualTo(6);
            assertThat(ring.write(new byte[] {7, 8, 9}, 0, 3)).isEqualTo(2);
            assertThat(ring.put((byte) 10)).isFalse();
            assertThat(ring.read(out, 0, 8)).isEqualTo(8);
            assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(ring.take()).isEqualTo(-1);
        }
    }
}
