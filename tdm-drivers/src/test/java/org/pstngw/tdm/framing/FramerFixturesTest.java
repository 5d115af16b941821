package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.spi.Framing;

/** Our framers' output, bit for bit, against the streams {@code make_fixtures.py} assembles from the standards. */
class FramerFixturesTest {
    private static byte[] fixture(String file) throws IOException {
        try (InputStream in = FramerFixturesTest.class.getResourceAsStream("/framing/" + file)) {
            StringBuilder hex = new StringBuilder();
            new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .forEach(l -> hex.append(l.strip()));
            return HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void e1Crc4FramerSendsTheMultiframeOfG704Table5B() throws IOException {
        byte[] frames = new byte[64 * 32];
        for (int f = 0; f < 64; f++) {
            for (int ts = 1; ts < 32; ts++) {
                frames[f * 32 + ts] = (byte) ts;
            }
        }
        new E1Framer(true).frames(frames, 0, 64);
        assertThat(HexFormat.of().formatHex(frames)).isEqualTo(HexFormat.of().formatHex(fixture("e1-crc4-framer.hex")));
    }

    @Test
    void t1FramersSendTheFBitsOfT1403() throws IOException {
        for (Framing framing : new Framing[] {Framing.T1_ESF, Framing.T1_D4}) {
            int frames = framing == Framing.T1_ESF ? 48 : 24;
            T1Framer framer = new T1Framer(framing);
            byte[] payload = new byte[24];
            byte[] line = new byte[frames * 193 / 8 + 26];
            for (int f = 0; f < frames; f++) {
                for (int ch = 0; ch < 24; ch++) {
                    payload[ch] = (byte) (0x40 | (ch + 1));
                }
                T1Bits.pack(framer.frame(payload, 0), payload, 0, line, f * 193L);
            }
            byte[] expected = fixture(framing == Framing.T1_ESF ? "t1-esf-framer.hex" : "t1-d4-framer.hex");
            assertThat(HexFormat.of().formatHex(line, 0, expected.length))
                    .as(framing.name())
                    .isEqualTo(HexFormat.of().formatHex(expected));
        }
    }

    @Test
    void aDataLinkMessageCrossesFromTheFramerToTheDeframer() {
        T1Framer framer = new T1Framer(Framing.T1_ESF);
        T1Deframer deframer = new T1Deframer(Framing.T1_ESF, AlarmListener.NONE);
        java.util.List<String> received = new java.util.ArrayList<>();
        deframer.setDataLinkSink(
                (buffer, length) -> received.add(HexFormat.of().formatHex(java.util.Arrays.copyOf(buffer, length))));
        byte[] prm = HexFormat.of().parseHex("380103112233445566778899aabb");
        byte[] payload = new byte[24];
        for (int f = 0; f < 24 * 40; f++) {
            if (f == 24 * 5) {
                assertThat(framer.sendDataLink(prm, 0, prm.length)).isTrue();
                assertThat(framer.sendDataLink(prm, 0, prm.length))
                        .as("one at a time")
                        .isFalse();
            }
            deframer.frame(framer.frame(payload, 0), payload, 0);
        }
        assertThat(received).containsExactly("380103112233445566778899aabb");
        assertThat(deframer.dataLinkFcsErrors()).isZero();
    }
}
