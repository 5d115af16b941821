package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanConfigError;
import org.pstngw.tdm.spi.SpanType;

class PwSpanOptionsTest {
    private static PwSpanOptions parse(Map<String, String> options, List<SpanConfigError> errors) {
        return PwSpanOptions.parse(SpanConfig.full("s", SpanType.E1, 0).withOptions(options), errors);
    }

    @Test
    void everyOptionTheDriverReadsIsTheNameTheConfigurationReferenceDocuments() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "CONFIGURATION.md"), StandardCharsets.UTF_8);
        String driverOptions = doc.lines()
                .filter(l -> l.startsWith("| `driver-options` |"))
                .findFirst()
                .orElseThrow();
        for (String key : PwSpanOptions.KEYS) {
            assertThat(driverOptions)
                    .as("docs/CONFIGURATION.md names %s", key)
                    .containsPattern("[ (]" + key + "[ ,(;]");
        }
    }

    @Test
    void portIsBothEndsAndLocalOrRemotePortOverrideIt() {
        List<SpanConfigError> errors = new ArrayList<>();
        PwSpanOptions o =
                parse(Map.of("remote-address", "127.0.0.2", "port", "50000", "local-address", "127.0.0.1"), errors);
        assertThat(errors).isEmpty();
        assertThat(o.local()).isEqualTo(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 50000));
        assertThat(o.remote()).isEqualTo(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.2"), 50000));
        o = parse(Map.of("remote-address", "::1", "port", "50000", "remote-port", "50010"), errors);
        assertThat(errors).isEmpty();
        assertThat(o.local().getPort()).isEqualTo(50000);
        assertThat(o.remote()).isEqualTo(new InetSocketAddress(InetAddress.ofLiteral("::1"), 50010));
        o = parse(Map.of("remote-address", "127.0.0.1", "remote-port", "7"), errors);
        assertThat(o.local().getPort()).as("ephemeral without port").isZero();
    }

    @Test
    void jitterBufferIsGivenInMillisecondsAndRoundedUpToWholePackets() {
        List<SpanConfigError> errors = new ArrayList<>();
        Map<String, String> base = new HashMap<>(Map.of("remote-address", "127.0.0.1", "port", "9"));
        assertThat(parse(base, errors).jitterPackets(SpanType.E1)).isEqualTo(16);
        base.put("jitter-buffer-ms", "8");
        assertThat(parse(base, errors).jitterPackets(SpanType.E1)).isEqualTo(8);
        base.put("frames-per-packet", "40");
        assertThat(parse(base, errors).jitterPackets(SpanType.E1))
                .as("8 ms of 5 ms packets")
                .isEqualTo(2);
        base.put("jitter-buffer-ms", "1");
        assertThat(parse(base, errors).jitterPackets(SpanType.E1)).isEqualTo(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void missingFarEndUnknownKeysAndBadValuesAreEachNamed() {
        List<SpanConfigError> errors = new ArrayList<>();
        parse(
                Map.of(
                        "remote-adress",
                        "10.0.0.1",
                        "jitter-buffer-ms",
                        "0",
                        "loss-state-enter-packets",
                        "x",
                        "remote-ssrc",
                        "0x1FFFFFFFF"),
                errors);
        assertThat(errors)
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "span 's' remote-adress: unknown pseudowire option; did you mean 'remote-address'?",
                        "span 's' remote-address: missing: the far end's IP address",
                        "span 's' remote-port: missing: the far end's UDP port (remote-port, or port for both ends)",
                        "span 's' jitter-buffer-ms: 0 is out of 1..1000",
                        "span 's' loss-state-enter-packets: 'x' is not a number",
                        "span 's' remote-ssrc: '0x1FFFFFFFF' is not a 32-bit SSRC (decimal or 0x hex)",
                        "span 's' remote-ssrc: needs rtp: true (the SSRC is in the RTP header)");
    }
}
