package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.duration;
import static org.pstngw.conf.ValueKinds.enumOf;
import static org.pstngw.conf.ValueKinds.integer;
import static org.pstngw.conf.ValueKinds.nonBlank;
import static org.pstngw.conf.ValueKinds.stringMap;
import static org.pstngw.conf.ValueKinds.timeslots;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.pstngw.conf.NodeReader.Located;
import org.pstngw.conf.SpanConfig.ClockSource;
import org.pstngw.conf.SpanConfig.Companding;
import org.pstngw.conf.SpanConfig.Framing;
import org.pstngw.conf.SpanConfig.LineCode;
import org.pstngw.conf.SpanConfig.SpanType;

/** Definitions and reader of the {@code tdm} section. */
final class TdmSection {
    static final Setting<String> DRIVER = Setting.of(
            "driver",
            nonBlank(),
            "loopback",
            "",
            "TDM driver name (found with ServiceLoader): loopback, pseudowire; dahdi is not in this build yet");
    static final Setting<Duration> FRAME_BLOCK = Setting.of(
            "frame-block",
            duration(Duration.ofMillis(1), Duration.ofMillis(20), "ms"),
            Duration.ofMillis(10),
            "ms",
            "125 us frames the TDM frame clock delivers per tick to the driver and the media loop (1ms = 8 frames);"
                    + " pseudowire spans send each packet as its frames complete, so keep it at the packet interval"
                    + " (1ms for 8 frames per packet) towards real equipment");
    static final Setting<TdmConfig.ClockScheduling> CLOCK_SCHEDULING = Setting.of(
            "frame-clock-scheduling",
            enumOf(TdmConfig.ClockScheduling.class),
            TdmConfig.ClockScheduling.NORMAL,
            "",
            "how the frame clock thread is scheduled, so a loaded host does not make the TDM side late: high = nice"
                    + " -15 (about 28 times an ordinary thread's share, the JVM's own threads still run); realtime ="
                    + " SCHED_FIFO (pre-empts everything: only where the TDM work is known to fit the CPU, or a clock"
                    + " that falls behind starves the JIT compiler); both need CAP_SYS_NICE, refused they log why and"
                    + " run as normal. On a small shared host both measured worse than normal"
                    + " (docs/perf/pseudowire.md)");
    static final Setting<Map<String, String>> DRIVER_OPTIONS = Setting.of(
            "driver-options",
            stringMap(),
            Map.of(),
            "",
            "options of every span of the driver; a span's own options override them. pseudowire: mode"
                    + " (satop|cesopsn), local-address, local-port, remote-address, remote-port, port (both ports),"
                    + " frames-per-packet, payload-bytes (satop), jitter-buffer-ms, fill (all-ones|idle|repeat-last), rtp,"
                    + " rtp-payload-type,"
                    + " remote-ssrc, loss-state-enter-packets, loss-state-exit-packets; loopback: peer");

    static final Setting<String> NAME = Setting.of("name", nonBlank(), "span0", "", "unique span name");
    static final Setting<SpanType> TYPE =
            Setting.of("type", enumOf(SpanType.class), SpanType.E1, "", "e1 (timeslots 1..31) or t1 (channels 1..24)");
    static final Setting<Framing> FRAMING = Setting.derived(
            "framing", enumOf(Framing.class), "crc4 for e1, esf for t1", "", "e1: crc4 | no-crc4; t1: esf | d4");
    static final Setting<LineCode> LINE_CODE = Setting.derived(
            "line-code", enumOf(LineCode.class), "hdb3 for e1, b8zs for t1", "", "e1: hdb3 | ami; t1: b8zs | ami");
    static final Setting<ClockSource> CLOCK = Setting.of(
            "clock-source",
            enumOf(ClockSource.class),
            ClockSource.LINE,
            "",
            "line: follow the far end's clock (a pseudowire recovers it from the packets and steers the span);"
                    + " internal: we are clock master. Of two ends, one must be the master: two line-timed ends"
                    + " chase each other");
    static final Setting<Companding> COMPANDING = Setting.derived(
            "companding", enumOf(Companding.class), "alaw for e1, ulaw for t1", "", "G.711 law on the voice timeslots");
    static final Setting<Integer> SIGNALLING = Setting.derived(
            "signalling-timeslot", integer(1, 31), "none", "", "timeslot carrying MTP2 signalling, if any");
    static final Setting<Timeslots> VOICE = Setting.derived(
            "voice-timeslots",
            timeslots(),
            "all but the signalling timeslot (e1: 1-31, t1: 1-24)",
            "",
            "timeslots carrying voice, e.g. 1-15,17-31");
    static final Setting<Map<String, String>> SPAN_OPTIONS = Setting.of(
            "options",
            stringMap(),
            Map.of(),
            "",
            "driver options of this span, over tdm.driver-options: e.g. the pseudowire remote-address and port of"
                    + " this span, or the loopback peer (the span this one is wired to back to back)");

    static final SpanConfig DEFAULT_SPAN = new SpanConfig(
            "span0",
            SpanType.E1,
            Framing.CRC4,
            LineCode.HDB3,
            ClockSource.LINE,
            Companding.ALAW,
            OptionalInt.empty(),
            Timeslots.range(1, 31),
            Map.of());

    private TdmSection() {}

    static List<SchemaSection> schema() {
        return List.of(
                new SchemaSection("tdm", "TDM driver", List.of(DRIVER, FRAME_BLOCK, CLOCK_SCHEDULING, DRIVER_OPTIONS)),
                new SchemaSection(
                        "tdm.spans[]",
                        "E1/T1 spans; default: one e1 span named span0",
                        List.of(NAME, TYPE, FRAMING, LINE_CODE, CLOCK, COMPANDING, SIGNALLING, VOICE, SPAN_OPTIONS)));
    }

    /** Reads the section; {@code spans} receives every span by name, for the circuit-group checks. */
    static TdmConfig read(NodeReader r, Map<String, SpanConfig> spans) {
        String driver = r.get(DRIVER);
        Duration block = r.get(FRAME_BLOCK);
        TdmConfig.ClockScheduling scheduling = r.get(CLOCK_SCHEDULING);
        Map<String, String> options = r.get(DRIVER_OPTIONS);
        List<Located<SpanConfig>> list = r.list("spans", TdmSection::span, List.of(DEFAULT_SPAN));
        Map<String, SpanConfig> byName = new LinkedHashMap<>();
        for (Located<SpanConfig> s : list) {
            if (byName.putIfAbsent(s.value().name(), s.value()) != null) {
                s.at().error("name", "span name '" + s.value().name() + "' is used twice");
            }
        }
        spans.putAll(byName);
        r.finish();
        return new TdmConfig(driver, options, list.stream().map(Located::value).toList(), block, scheduling);
    }

    private static SpanConfig span(NodeReader r) {
        SpanType type = r.get(TYPE);
        boolean e1 = type == SpanType.E1;
        int max = type.maxTimeslot();
        String unitName = e1 ? "timeslot" : "channel";
        Framing framing = r.get(FRAMING);
        if (framing == null) {
            framing = e1 ? Framing.CRC4 : Framing.ESF;
        } else if (e1 != (framing == Framing.CRC4 || framing == Framing.NO_CRC4)) {
            r.error(
                    "framing",
                    ValueKinds.enumName(framing) + " is not a framing for " + ValueKinds.enumName(type) + " (use "
                            + (e1 ? "crc4 | no-crc4" : "esf | d4") + ")");
        }
        LineCode lineCode = r.get(LINE_CODE);
        if (lineCode == null) {
            lineCode = e1 ? LineCode.HDB3 : LineCode.B8ZS;
        } else if (lineCode == (e1 ? LineCode.B8ZS : LineCode.HDB3)) {
            r.error(
                    "line-code",
                    ValueKinds.enumName(lineCode) + " is not a line code for " + ValueKinds.enumName(type) + " (use "
                            + (e1 ? "hdb3 | ami" : "b8zs | ami") + ")");
        }
        Companding companding = r.get(COMPANDING);
        if (companding == null) {
            companding = e1 ? Companding.ALAW : Companding.ULAW;
        }
        Integer sig = r.get(SIGNALLING);
        if (sig != null && sig > max) {
            r.error("signalling-timeslot", sig + " is out of range 1.." + max + " for " + ValueKinds.enumName(type));
            sig = null;
        }
        Timeslots voice = r.get(VOICE);
        if (voice == null) {
            voice = Timeslots.range(1, max);
            if (sig != null) {
                voice = voice.without(sig);
            }
        } else if (voice.first() < 1 || voice.last() > max) {
            r.error(
                    "voice-timeslots",
                    unitName + "s " + voice + " are out of range 1.." + max + " for " + ValueKinds.enumName(type));
        } else if (sig != null && voice.contains(sig)) {
            r.error(
                    "voice-timeslots",
                    unitName + " " + sig + " is the signalling " + unitName + " and cannot carry voice");
        }
        return new SpanConfig(
                r.get(NAME),
                type,
                framing,
                lineCode,
                r.get(CLOCK),
                companding,
                sig == null ? OptionalInt.empty() : OptionalInt.of(sig),
                voice,
                r.get(SPAN_OPTIONS));
    }
}
