package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class E1FramerTest {
    /** Remainder of M(x) * x^4 / (x^4 + x + 1), by long division bit by bit, M taken MSB first. */
    static int crc4ByDivision(byte[] data, int off, int len) {
        int bits = len * 8 + 4;
        int[] m = new int[bits];
        for (int i = 0; i < len * 8; i++) {
            m[i] = (data[off + i / 8] >>> (7 - i % 8)) & 1;
        }
        int[] g = {1, 0, 0, 1, 1};
        for (int i = 0; i < len * 8; i++) {
            if (m[i] == 1) {
                for (int j = 0; j < 5; j++) {
                    m[i + j] ^= g[j];
                }
            }
        }
        return (m[bits - 4] << 3) | (m[bits - 3] << 2) | (m[bits - 2] << 1) | m[bits - 1];
    }

    /** {@code stream} delayed by {@code bits}: that many random bits first, the stream after them, cut to whole octets. */
    static byte[] shiftedBy(byte[] stream, int bits) {
        byte[] out = new byte[stream.length];
        new Random(bits).nextBytes(out);
        for (long i = 0; i + bits < out.length * 8L; i++) {
            int bit = (stream[(int) (i >>> 3)] >>> (7 - (int) (i & 7))) & 1;
            long j = i + bits;
            int mask = 0x80 >>> (int) (j & 7);
            out[(int) (j >>> 3)] = (byte) (bit != 0 ? out[(int) (j >>> 3)] | mask : out[(int) (j >>> 3)] & ~mask);
        }
        return out;
    }

    static byte[] framedStream(boolean crc4, int frames, long seed) {
        byte[] stream = new byte[frames * 32];
        new Random(seed).nextBytes(stream);
        new E1Framer(crc4).frames(stream, 0, frames);
        return stream;
    }

    @Test
    void evenFramesCarryFasAndOddFramesNfasWithBit2Set() {
        byte[] s = framedStream(false, 64, 1);
        for (int f = 0; f < 64; f++) {
            int ts0 = s[f * 32] & 0xFF;
            if (f % 2 == 0) {
                assertThat(ts0).as("frame %d", f).isEqualTo(0b1_0011011);
            } else {
                assertThat(ts0).as("frame %d", f).isEqualTo(0b1_1_0_11111);
            }
        }
    }

    @Test
    void remoteAlarmAndSaBitsGoInNfas() {
        E1Framer framer = new E1Framer(false);
        framer.setRemoteAlarm(true);
        framer.setSaBits(0b10101);
        byte[] s = new byte[64];
        framer.frames(s, 0, 2);
        assertThat(s[32] & 0xFF).isEqualTo(0b1_1_1_10101);
    }

    @Test
    void crc4MultiframeCarriesMfasAndCrcOfPreviousSubMultiframe() {
        int frames = 48;
        byte[] s = framedStream(true, frames, 2);
        int[] mfas = {0, 0, 1, 0, 1, 1};
        for (int mf = 0; mf < frames / 16; mf++) {
            for (int k = 0; k < 6; k++) {
                assertThat((s[(mf * 16 + 2 * k + 1) * 32] >>> 7) & 1).isEqualTo(mfas[k]);
            }
            assertThat((s[(mf * 16 + 13) * 32] >>> 7) & 1).as("E1 bit idle").isEqualTo(1);
            assertThat((s[(mf * 16 + 15) * 32] >>> 7) & 1).as("E2 bit idle").isEqualTo(1);
            assertThat(s[(mf * 16) * 32] & 0x7F).isEqualTo(0b0011011);
        }
        for (int smf = 1; smf < frames / 8; smf++) {
            byte[] previous = new byte[256];
            System.arraycopy(s, (smf - 1) * 256, previous, 0, 256);
            for (int k = 0; k < 4; k++) {
                previous[k * 64] &= 0x7F;
            }
            int expected = crc4ByDivision(previous, 0, 256);
            int sent = 0;
            for (int k = 0; k < 4; k++) {
                sent = (sent << 1) | ((s[smf * 256 + k * 64] >>> 7) & 1);
            }
            assertThat(sent).as("C1-C4 of sub-multiframe %d", smf).isEqualTo(expected);
        }
    }

    @Test
    void tableCrcMatchesLongDivision() {
        Random random = new Random(3);
        for (int n = 0; n < 50; n++) {
            byte[] data = new byte[random.nextInt(300) + 1];
            random.nextBytes(data);
            assertThat(Crc4.update(0, data, 0, data.length)).isEqualTo(crc4ByDivision(data, 0, data.length));
        }
    }

    @Test
    void wholeFrameCrcByFoldingEqualsTheOctetTables() {
        Random random = new Random(4);
        byte[] data = new byte[64];
        for (int n = 0; n < 2000; n++) {
            random.nextBytes(data);
            int crc = random.nextInt(16);
            int off = random.nextInt(33);
            assertThat(Crc4.frame(crc, data, off)).isEqualTo(Crc4.update(crc, data, off, 32));
        }
    }

    @Test
    void reportedCrcErrorsClearEBits() {
        E1Framer framer = new E1Framer(true);
        framer.reportReceivedCrcError();
        byte[] s = new byte[32 * 32];
        framer.frames(s, 0, 32);
        assertThat((s[13 * 32] >>> 7) & 1).isZero();
        assertThat((s[15 * 32] >>> 7) & 1).isEqualTo(1);
        assertThat((s[29 * 32] >>> 7) & 1).isEqualTo(1);
    }
}
