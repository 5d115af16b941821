package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pstngw.tdm.spi.Framing;

/**
 * The deframers against line streams assembled from the standards' tables by {@code make_fixtures.py} (an
 * implementation independent of our framers), listed with their expected outcome in {@code framing/fixtures.txt}.
 */
class FramingFixturesTest {
    record Fixture(
            String file,
            Framing framing,
            List<String> changes,
            long crcErrors,
            long remoteErrors,
            long framingErrors,
            List<String> checks) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<Fixture> list = new ArrayList<>();
        for (String line : resource("fixtures.txt").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            list.add(new Fixture(
                    f[0].strip(),
                    Framing.valueOf(f[1].strip()),
                    List.of(f[2].strip().split(",", -1)),
                    Long.parseLong(f[3].strip()),
                    Long.parseLong(f[4].strip()),
                    Long.parseLong(f[5].strip()),
                    Arrays.stream(f[6].split(",", -1)).map(String::strip).toList()));
        }
        return list.stream();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FramingFixturesTest.class.getResourceAsStream("/framing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static byte[] stream(String file) throws IOException {
        StringBuilder hex = new StringBuilder();
        for (String line : resource(file).lines().toList()) {
            if (!line.startsWith("#")) {
                hex.append(line.strip());
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void theDeframerReportsWhatTheStandardSaysOfTheStream(Fixture fx) throws IOException {
        byte[] line = stream(fx.file());
        RecordingAlarms alarms = new RecordingAlarms();
        boolean e1 = fx.framing().spanType() == org.pstngw.tdm.spi.SpanType.E1;
        int frameBytes = e1 ? 32 : 24;
        byte[] out = new byte[(line.length * 8 / (e1 ? 256 : 193) + 8) * frameBytes];
        int maxFrames = out.length / frameBytes;
        int n = 0;
        List<String> dataLink = new ArrayList<>();
        long crc;
        long remote;
        long framing;
        if (e1) {
            E1Deframer d = new E1Deframer(fx.framing().hasCrc(), alarms);
            for (int at = 0; at < line.length; at += 37) {
                n += d.receive(line, at, Math.min(37, line.length - at), out, n * frameBytes, maxFrames - n);
            }
            if (fx.checks().contains("multiframe")) {
                assertThat(d.multiframeAligned()).as("CRC-4 multiframe aligned").isTrue();
            }
            crc = d.crcErrors();
            remote = d.remoteCrcErrors();
            framing = d.framingErrors();
        } else {
            T1Deframer d = new T1Deframer(fx.framing(), alarms);
            d.setDataLinkSink(
                    (buffer, length) -> dataLink.add(HexFormat.of().formatHex(Arrays.copyOf(buffer, length))));
            for (int at = 0; at < line.length; at += 37) {
                n += d.receive(line, at, Math.min(37, line.length - at), out, n * frameBytes, maxFrames - n);
            }
            crc = d.crcErrors();
            remote = 0;
            framing = d.framingErrors();
        }
        assertThat(alarms.changes).as("alarm changes").containsExactlyElementsOf(fx.changes());
        assertThat(crc).as("CRC errors").isEqualTo(fx.crcErrors());
        assertThat(remote).as("E-bit errors").isEqualTo(fx.remoteErrors());
        assertThat(framing).as("framing errors").isEqualTo(fx.framingErrors());
        for (String check : fx.checks()) {
            if (check.equals("last-frame-pattern")) {
                int last = (n - 1) * frameBytes;
                for (int i = e1 ? 1 : 0; i < frameBytes; i++) {
                    int want = e1 ? i : 0x40 | (i + 1);
                    assertThat(out[last + i] & 0xFF)
                            .as("octet %d of the last frame", i)
                            .isEqualTo(want);
                }
            } else if (check.startsWith("data-link=")) {
                assertThat(dataLink).containsExactly(check.substring("data-link=".length()));
            }
        }
    }
}
