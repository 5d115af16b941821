package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.bool;
import static org.pstngw.conf.ValueKinds.duration;
import static org.pstngw.conf.ValueKinds.enumOf;
import static org.pstngw.conf.ValueKinds.ipAddress;
import static org.pstngw.conf.ValueKinds.listOf;
import static org.pstngw.conf.ValueKinds.nonBlank;
import static org.pstngw.conf.ValueKinds.port;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pstngw.conf.MediaConfig.DtmfMode;

/** Definitions and readers of the {@code node}, {@code media} and {@code management} sections. */
final class BasicSections {
    static final Setting<String> NODE_NAME =
            Setting.of("name", nonBlank(), "pstngw", "", "node name for logs, CDRs, metrics");
    static final Setting<String> DATA_DIR = Setting.of("data-dir", nonBlank(), "data", "", "directory for state files");

    static final Setting<Integer> RTP_MIN = Setting.of("rtp-port-min", port(1024), 16384, "", "lowest RTP port (even)");
    static final Setting<Integer> RTP_MAX = Setting.of("rtp-port-max", port(1024), 32767, "", "highest RTP port");
    static final Setting<Duration> PTIME = Setting.of(
            "ptime",
            duration(Duration.ofMillis(10), Duration.ofMillis(60), "ms"),
            Duration.ofMillis(20),
            "ms",
            "packetisation time (10, 20, 30, 40, 50 or 60 ms)");
    static final Setting<List<String>> CODECS = Setting.of(
            "codecs",
            listOf(nonBlank()),
            List.of("PCMA", "PCMU", "telephone-event"),
            "",
            "offered RTP encodings in order of preference");
    static final Setting<Duration> JB_MIN = Setting.of(
            "jitter-buffer-min",
            duration(Duration.ZERO, Duration.ofSeconds(1), "ms"),
            Duration.ofMillis(20),
            "ms",
            "smallest jitter buffer depth");
    static final Setting<Duration> JB_MAX = Setting.of(
            "jitter-buffer-max",
            duration(Duration.ZERO, Duration.ofSeconds(1), "ms"),
            Duration.ofMillis(200),
            "ms",
            "largest jitter buffer depth");
    static final Setting<DtmfMode> DTMF =
            Setting.of("dtmf-mode", enumOf(DtmfMode.class), DtmfMode.RFC4733, "", "DTMF on the SIP side");

    static final Setting<String> HTTP_BIND =
            Setting.of("bind-address", ipAddress(), "127.0.0.1", "", "HTTP API bind address");
    static final Setting<Integer> HTTP_PORT =
            Setting.of("port", port(0), 8080, "", "HTTP API port (0 picks a free port)");
    static final Setting<Boolean> METRICS =
            Setting.of("metrics", bool(), true, "", "serve Prometheus metrics at /metrics");

    private BasicSections() {}

    static List<SchemaSection> nodeSchema() {
        return List.of(new SchemaSection("node", "this gateway node", List.of(NODE_NAME, DATA_DIR)));
    }

    static List<SchemaSection> mediaSchema() {
        return List.of(
                new SchemaSection(
                        "media", "RTP media engine", List.of(RTP_MIN, RTP_MAX, PTIME, CODECS, JB_MIN, JB_MAX, DTMF)),
                new SchemaSection("management", "HTTP API and metrics", List.of(HTTP_BIND, HTTP_PORT, METRICS)));
    }

    static NodeConfig node(NodeReader r) {
        NodeConfig c = new NodeConfig(r.get(NODE_NAME), r.get(DATA_DIR));
        r.finish();
        return c;
    }

    static MediaConfig media(NodeReader r) {
        int min = r.get(RTP_MIN);
        int max = r.get(RTP_MAX);
        if (min % 2 != 0) {
            r.error("rtp-port-min", min + " is odd; RTP uses even ports (RTCP the odd one above)");
        }
        if (max <= min) {
            r.error("rtp-port-max", max + " must be greater than rtp-port-min " + min);
        }
        Duration ptime = r.get(PTIME);
        if (ptime.toMillis() % 10 != 0) {
            r.error("ptime", ptime.toMillis() + "ms is not a multiple of 10ms");
        }
        List<String> codecs = r.get(CODECS);
        Set<String> seen = new HashSet<>();
        for (String c : codecs) {
            if (!seen.add(c.toLowerCase(Locale.ROOT))) {
                r.error("codecs", "codec " + c + " is listed twice");
            }
        }
        if (codecs.isEmpty()) {
            r.error("codecs", "at least one codec is needed");
        }
        Duration jbMin = r.get(JB_MIN);
        Duration jbMax = r.get(JB_MAX);
        if (jbMax.compareTo(jbMin) < 0) {
            r.error("jitter-buffer-max", "jitter-buffer-max must not be less than jitter-buffer-min");
        }
        MediaConfig c = new MediaConfig(min, max, ptime, codecs, jbMin, jbMax, r.get(DTMF));
        r.finish();
        return c;
    }

    static ManagementConfig management(NodeReader r) {
        ManagementConfig c = new ManagementConfig(r.get(HTTP_BIND), r.get(HTTP_PORT), r.get(METRICS));
        r.finish();
        return c;
    }
}
