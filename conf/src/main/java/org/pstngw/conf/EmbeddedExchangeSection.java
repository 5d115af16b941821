package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.bool;
import static org.pstngw.conf.ValueKinds.duration;
import static org.pstngw.conf.ValueKinds.enumOf;
import static org.pstngw.conf.ValueKinds.integer;
import static org.pstngw.conf.ValueKinds.pointCode;
import static org.pstngw.conf.ValueKinds.port;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pstngw.conf.EmbeddedExchangeConfig.Behaviour;
import org.pstngw.conf.EmbeddedExchangeConfig.NumberRule;
import org.pstngw.conf.NodeReader.Located;
import org.pstngw.conf.Ss7Config.PointCodeFormat;

/** Definitions and reader of {@code ss7.embedded-exchange}, the simulated far-end exchange of the demo. */
final class EmbeddedExchangeSection {
    static final Setting<Boolean> ENABLED =
            Setting.of("enabled", bool(), true, "", "start the simulated far-end exchange in-process (demo, tests)");
    static final Setting<Integer> PC = Setting.of(
            "point-code", pointCode(PointCodeFormat.ITU_3_8_3, 24), 2, "", "its point code (normally = dpc)");
    static final Setting<Integer> PORT =
            Setting.of("port", port(0), 2906, "", "its M3UA TCP port on loopback (0 picks a free port)");
    static final Setting<Integer> FIRST_CIC = Setting.derived(
            "first-cic", integer(0, 16383), "lowest first-cic of ss7.circuit-groups", "", "CIC of its first circuit");
    static final Setting<Integer> CIRCUITS = Setting.derived(
            "circuits",
            integer(1, 16384),
            "up to the highest CIC of ss7.circuit-groups",
            "",
            "how many circuits it has, from first-cic on; other CICs are unequipped (UCIC)");
    static final Setting<Duration> ANSWER_DELAY = Setting.of(
            "answer-delay",
            duration(Duration.ZERO, Duration.ofMinutes(10), "ms"),
            Duration.ofSeconds(1),
            "ms",
            "numbers no rule matches are answered: ACM at once, ANM after this delay");

    static final Setting<String> PREFIX = Setting.derived(
            "prefix",
            digits(),
            "required",
            "",
            "called-number prefix; the longest matching prefix of the numbers wins");
    static final Setting<Behaviour> BEHAVIOUR = Setting.of(
            "behaviour",
            enumOf(Behaviour.class),
            Behaviour.ANSWER,
            "",
            "answer, connect (CON without ACM), progress (ACM, CPG, ANM), ring / no-answer (ACM only: the gateway's T9), busy"
                    + " (17), unallocated (1), congestion (42), reject (cause), release-after (REL 16 after hold),"
                    + " overlap (SAMs until digits), silent (nothing: the gateway's T7)");
    static final Setting<Duration> DELAY = Setting.of(
            "delay",
            duration(Duration.ZERO, Duration.ofMinutes(10), "ms"),
            Duration.ZERO,
            "ms",
            "answer, connect: until ANM or CON; progress: from CPG to ANM");
    static final Setting<Duration> PROGRESS_DELAY = Setting.of(
            "progress-delay",
            duration(Duration.ZERO, Duration.ofMinutes(10), "ms"),
            Duration.ofSeconds(1),
            "ms",
            "progress: from ACM to CPG (alerting)");
    static final Setting<Duration> HOLD = Setting.of(
            "hold",
            duration(Duration.ZERO, Duration.ofHours(24), "s"),
            Duration.ofSeconds(30),
            "s",
            "release-after: how long the answered call lasts");
    static final Setting<Integer> CAUSE =
            Setting.of("cause", integer(1, 127), 31, "", "reject: the Q.850 release cause");
    static final Setting<Integer> DIGITS =
            Setting.of("digits", integer(1, 32), 8, "", "overlap: digits of the complete called number");
    static final Setting<Behaviour> THEN = Setting.of(
            "then", enumOf(Behaviour.class), Behaviour.ANSWER, "", "overlap: behaviour of the complete number");

    /** The embedded demo's numbers: SIP status codes as prefixes, so a caller can dial the outcome. */
    static final List<NumberRule> DEFAULT_NUMBERS = List.of(
            rule("486", Behaviour.BUSY),
            rule("404", Behaviour.UNALLOCATED),
            rule("503", Behaviour.CONGESTION),
            rule("603", Behaviour.REJECT).withCause(21),
            rule("480", Behaviour.NO_ANSWER),
            rule("408", Behaviour.SILENT),
            rule("183", Behaviour.PROGRESS).withDelay(Duration.ofSeconds(2)),
            rule("200", Behaviour.CONNECT),
            rule("202", Behaviour.RELEASE_AFTER).withHold(Duration.ofSeconds(10)),
            rule("484", Behaviour.OVERLAP));

    private EmbeddedExchangeSection() {}

    static List<SchemaSection> schema() {
        return List.of(
                new SchemaSection(
                        "ss7.embedded-exchange",
                        "simulated far-end exchange",
                        List.of(ENABLED, PC, PORT, FIRST_CIC, CIRCUITS, ANSWER_DELAY)),
                new SchemaSection(
                        "ss7.embedded-exchange.numbers[]",
                        "how the simulated exchange answers calls, per called-number prefix; default: 486 busy, 404"
                                + " unallocated, 503 congestion, 603 reject 21, 480 no-answer, 408 silent, 183"
                                + " progress (answer 2s after CPG), 200 connect, 202 release-after 10s, 484 overlap"
                                + " (8 digits, then answer)",
                        List.of(PREFIX, BEHAVIOUR, DELAY, PROGRESS_DELAY, HOLD, CAUSE, DIGITS, THEN)));
    }

    /**
     * Reads the section; the circuits default to the CIC range of the circuit groups.
     *
     * @param pcBits point code size of the ISUP variant
     * @param maxCic highest CIC of the ISUP variant
     */
    static EmbeddedExchangeConfig read(
            NodeReader ex, PointCodeFormat format, int pcBits, int maxCic, List<CircuitGroupConfig> groups) {
        Setting<Integer> pc = new Setting<>(
                PC.key(), PC.description(), pointCode(format, pcBits), PC.defaultValue(), PC.defaultText(), "", false);
        int lowest =
                groups.stream().mapToInt(CircuitGroupConfig::firstCic).min().orElse(1);
        int highest = groups.stream()
                .mapToInt(g -> g.firstCic() + g.count() - 1)
                .max()
                .orElse(lowest);
        Integer firstCic = ex.get(FIRST_CIC);
        Integer circuits = ex.get(CIRCUITS);
        int first = firstCic == null ? Math.min(lowest, maxCic) : firstCic;
        int count = circuits == null ? Math.max(1, Math.min(highest, maxCic) - first + 1) : circuits;
        if (first + count - 1 > maxCic) {
            // only set values can be wrong: derived ones follow the circuit groups, checked there
            ex.error("circuits", "CICs " + first + ".." + (first + count - 1) + " go beyond the highest CIC " + maxCic);
        }
        List<Located<NumberRule>> numbers = ex.list("numbers", EmbeddedExchangeSection::number, DEFAULT_NUMBERS);
        Set<String> prefixes = new HashSet<>();
        for (Located<NumberRule> n : numbers) {
            if (!prefixes.add(n.value().prefix())) {
                n.at().error("prefix", "prefix " + n.value().prefix() + " has two rules");
            }
        }
        EmbeddedExchangeConfig config = new EmbeddedExchangeConfig(
                ex.get(ENABLED),
                ex.get(pc),
                ex.get(PORT),
                first,
                count,
                ex.get(ANSWER_DELAY),
                numbers.stream().map(Located::value).toList());
        ex.finish();
        return config;
    }

    private static NumberRule number(NodeReader r) {
        String prefix = r.get(PREFIX);
        if (prefix == null) {
            r.error("prefix", "a number rule needs a prefix");
            prefix = "";
        }
        NumberRule rule = new NumberRule(
                prefix,
                r.get(BEHAVIOUR),
                r.get(DELAY),
                r.get(PROGRESS_DELAY),
                r.get(HOLD),
                r.get(CAUSE),
                r.get(DIGITS),
                r.get(THEN));
        if (rule.then() == Behaviour.OVERLAP) {
            r.error("then", "the complete number of an overlap rule needs another behaviour than overlap");
        }
        return rule;
    }

    private static NumberRule rule(String prefix, Behaviour behaviour) {
        return new NumberRule(
                prefix,
                behaviour,
                DELAY.defaultValue(),
                PROGRESS_DELAY.defaultValue(),
                HOLD.defaultValue(),
                CAUSE.defaultValue(),
                DIGITS.defaultValue(),
                THEN.defaultValue());
    }

    /** Called-number digits, 1 to 32. */
    private static ValueKind<String> digits() {
        return new ValueKind<>() {
            @Override
            public String parse(String text) {
                String t = text.strip();
                if (!t.matches("[0-9]{1,32}")) {
                    throw new IllegalArgumentException("'" + text + "' is not 1 to 32 digits");
                }
                return t;
            }

            @Override
            public String describe() {
                return "digits (1 to 32)";
            }
        };
    }
}
