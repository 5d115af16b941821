package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.duration;
import static org.pstngw.conf.ValueKinds.enumOf;
import static org.pstngw.conf.ValueKinds.host;
import static org.pstngw.conf.ValueKinds.integer;
import static org.pstngw.conf.ValueKinds.ipAddress;
import static org.pstngw.conf.ValueKinds.longInteger;
import static org.pstngw.conf.ValueKinds.nonBlank;
import static org.pstngw.conf.ValueKinds.pointCode;
import static org.pstngw.conf.ValueKinds.port;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.pstngw.conf.NodeReader.Located;
import org.pstngw.conf.Ss7Config.ExchangeType;
import org.pstngw.conf.Ss7Config.GlareControl;
import org.pstngw.conf.Ss7Config.IpspSide;
import org.pstngw.conf.Ss7Config.IsupVariant;
import org.pstngw.conf.Ss7Config.M3uaMode;
import org.pstngw.conf.Ss7Config.NetworkIndicator;
import org.pstngw.conf.Ss7Config.PointCodeFormat;
import org.pstngw.conf.Ss7Config.Ss7Transport;
import org.pstngw.conf.Ss7Config.TrafficMode;

/** Definitions and reader of the {@code ss7} section. */
final class Ss7Section {
    static final Setting<M3uaMode> MODE =
            Setting.of("mode", enumOf(M3uaMode.class), M3uaMode.AS, "", "M3UA role of this node");
    static final Setting<Ss7Transport> TRANSPORT = Setting.of(
            "transport",
            enumOf(Ss7Transport.class),
            Ss7Transport.TCP,
            "",
            "sctp in production; tcp where the kernel has no SCTP (demo, tests)");
    static final Setting<String> LOCAL_ADDRESS =
            Setting.of("local-address", ipAddress(), "127.0.0.1", "", "local address of the association");
    static final Setting<Integer> LOCAL_PORT =
            Setting.of("local-port", port(0), 2905, "", "local port of the association (0 picks a free port)");
    static final Setting<Long> ROUTING_CONTEXT = Setting.derived(
            "routing-context", longInteger(0, 0xFFFF_FFFFL), "none", "", "M3UA routing context, if required");
    static final Setting<Long> NETWORK_APPEARANCE = Setting.derived(
            "network-appearance", longInteger(0, 0xFFFF_FFFFL), "none", "", "M3UA network appearance, if used");
    static final Setting<TrafficMode> TRAFFIC_MODE =
            Setting.of("traffic-mode", enumOf(TrafficMode.class), TrafficMode.LOADSHARE, "", "M3UA traffic mode type");
    static final Setting<IpspSide> IPSP_SIDE = Setting.of(
            "ipsp-side",
            enumOf(IpspSide.class),
            IpspSide.CLIENT,
            "",
            "ipsp mode: client opens the associations, server accepts them (the peer IPSP takes the other side)");
    static final Setting<ExchangeType> EXCHANGE_TYPE = Setting.of(
            "exchange-type",
            enumOf(ExchangeType.class),
            ExchangeType.SE,
            "",
            "ipsp mode: single (se) or double (de) exchange of ASP state, RFC 4666 4.3.1; se in the other modes");
    static final Setting<Integer> MIN_ACTIVE_ASPS = Setting.of(
            "min-active-asps",
            integer(1, 16),
            1,
            "",
            "loadshare: ASPs that must be active before the AS is; at most the number of remote peers");
    static final Setting<Integer> DELIVERY_THREADS = Setting.of(
            "delivery-threads",
            integer(1, 64),
            2,
            "",
            "jSS7 M3UA threads delivering received messages (the messages of one SLS stay on one thread)");
    static final Setting<Duration> ACTIVATION_WAIT = Setting.of(
            "activation-wait",
            duration(Duration.ZERO, Duration.ofMinutes(5), "s"),
            Duration.ofSeconds(10),
            "s",
            "how long start-up waits for the destination to become routable; calls are refused until it is");
    static final Setting<PointCodeFormat> PC_FORMAT = Setting.of(
            "point-code-format",
            enumOf(PointCodeFormat.class),
            PointCodeFormat.ITU_3_8_3,
            "",
            "how x-y-z point codes are read; plain integers are always accepted");
    static final Setting<Integer> OPC = Setting.of(
            "opc",
            pointCode(PointCodeFormat.ITU_3_8_3, 24),
            1,
            "",
            "own point code (14 bits for itu, 24 bits for ansi)");
    static final Setting<Integer> DPC =
            Setting.of("dpc", pointCode(PointCodeFormat.ITU_3_8_3, 24), 2, "", "destination point code");
    static final Setting<NetworkIndicator> NI = Setting.of(
            "network-indicator", networkIndicator(), NetworkIndicator.NATIONAL, "", "MTP3 network indicator (0..3)");
    static final Setting<Integer> SI =
            Setting.of("service-indicator", integer(0, 15), 5, "", "MTP3 service indicator (5 = ISUP)");
    static final Setting<IsupVariant> VARIANT =
            Setting.of("isup-variant", enumOf(IsupVariant.class), IsupVariant.ITU, "", "itu (Q.76x) or ansi (T1.113)");
    static final Setting<GlareControl> GLARE = Setting.of(
            "glare-control",
            enumOf(GlareControl.class),
            GlareControl.AUTO,
            "",
            "CICs this side controls on dual seizure; auto: higher point code controls even CICs (Q.764 2.9.1.4)");
    static final Setting<String> PERSIST_DIR =
            Setting.of("persist-dir", nonBlank(), "ss7", "", "jSS7 persistence directory, relative to node.data-dir");

    static final Setting<String> PEER_ADDRESS =
            Setting.of("address", host(), "127.0.0.1", "", "peer IP address or host name");
    static final Setting<Integer> PEER_PORT = Setting.of("port", port(1), 2906, "", "peer port");

    static final Setting<String> CG_NAME = Setting.of("name", nonBlank(), "group0", "", "unique group name");
    static final Setting<String> CG_SPAN = Setting.of("span", nonBlank(), "span0", "", "TDM span carrying the group");
    static final Setting<Integer> CG_FIRST_CIC =
            Setting.of("first-cic", integer(0, 16383), 1, "", "CIC of the first circuit (itu: 0..4095)");
    static final Setting<Integer> CG_FIRST_TS =
            Setting.of("first-timeslot", integer(1, 31), 1, "", "voice timeslot of the first circuit");
    static final Setting<Integer> CG_COUNT = Setting.of(
            "count", integer(1, 31), 31, "", "number of circuits, taken from the span's voice timeslots in order");
    static final Setting<CircuitGroupConfig.Hunting> CG_HUNTING = Setting.of(
            "hunting",
            enumOf(CircuitGroupConfig.Hunting.class),
            CircuitGroupConfig.Hunting.SEQUENTIAL_UP,
            "",
            "how an idle circuit is chosen for an outgoing call; odd/even: that parity first, then the other;"
                    + " controlled-first: the CICs we win on dual seizure first (Q.764 2.9.1.3)");
    static final Setting<CircuitGroupConfig.Direction> CG_DIRECTION = Setting.of(
            "direction",
            enumOf(CircuitGroupConfig.Direction.class),
            CircuitGroupConfig.Direction.BOTH,
            "",
            "which calls the group takes");

    static final CircuitGroupConfig DEFAULT_GROUP = new CircuitGroupConfig(
            "group0", "span0", 1, 1, 31, CircuitGroupConfig.Hunting.SEQUENTIAL_UP, CircuitGroupConfig.Direction.BOTH);

    private Ss7Section() {}

    static List<SchemaSection> schema() {
        return List.of(
                new SchemaSection(
                        "ss7",
                        "M3UA, MTP3 routing label and ISUP",
                        List.of(
                                MODE,
                                TRANSPORT,
                                LOCAL_ADDRESS,
                                LOCAL_PORT,
                                ROUTING_CONTEXT,
                                NETWORK_APPEARANCE,
                                TRAFFIC_MODE,
                                IPSP_SIDE,
                                EXCHANGE_TYPE,
                                MIN_ACTIVE_ASPS,
                                DELIVERY_THREADS,
                                ACTIVATION_WAIT,
                                PC_FORMAT,
                                OPC,
                                DPC,
                                NI,
                                SI,
                                VARIANT,
                                GLARE,
                                PERSIST_DIR)),
                new SchemaSection(
                        "ss7.remote-peers[]",
                        "remote M3UA peers; default: 127.0.0.1:2906",
                        List.of(PEER_ADDRESS, PEER_PORT)),
                new SchemaSection("ss7.isup-timers", "ISUP timers, Q.764 Annex A", IsupTimerSettings.ALL),
                new SchemaSection(
                        "ss7.circuit-groups[]",
                        "circuit groups; default: one group per span (group0, group1, ...) over all its voice timeslots, CICs from 1",
                        List.of(CG_NAME, CG_SPAN, CG_FIRST_CIC, CG_FIRST_TS, CG_COUNT, CG_HUNTING, CG_DIRECTION)),
                EmbeddedExchangeSection.schema().get(0),
                EmbeddedExchangeSection.schema().get(1));
    }

    static Ss7Config read(NodeReader r, Map<String, SpanConfig> spans) {
        IsupVariant variant = r.get(VARIANT);
        PointCodeFormat format = r.get(PC_FORMAT);
        int pcBits = variant == IsupVariant.ITU ? 14 : 24;
        int maxCic = variant == IsupVariant.ITU ? 4095 : 16383;
        int opc = readPointCode(r, OPC, format, pcBits);
        int dpc = readPointCode(r, DPC, format, pcBits);
        List<Located<HostPort>> peers =
                r.list("remote-peers", Ss7Section::peer, List.of(new HostPort("127.0.0.1", 2906)));
        if (r.isEmptyList("remote-peers")) {
            r.error("remote-peers", "at least one remote peer is needed");
        }
        List<Located<CircuitGroupConfig>> groups =
                r.list("circuit-groups", Ss7Section::group, defaultGroups(spans.values()));
        CircuitGroupChecks.check(groups, spans, maxCic);
        Long rc = r.get(ROUTING_CONTEXT);
        Long na = r.get(NETWORK_APPEARANCE);
        EmbeddedExchangeConfig exchange = EmbeddedExchangeSection.read(
                r.section("embedded-exchange"),
                format,
                pcBits,
                maxCic,
                groups.stream().map(Located::value).toList());
        if (opc == dpc) {
            r.error("dpc", "dpc " + dpc + " equals opc");
        }
        M3uaMode mode = r.get(MODE);
        ExchangeType exchangeType = r.get(EXCHANGE_TYPE);
        if (exchangeType == ExchangeType.DE && mode != M3uaMode.IPSP) {
            r.error("exchange-type", "double exchange (de) is for ipsp mode only (RFC 4666 4.3.1)");
        }
        int minActiveAsps = r.get(MIN_ACTIVE_ASPS);
        if (minActiveAsps > peers.size() && !peers.isEmpty()) {
            r.error(
                    "min-active-asps",
                    "min-active-asps " + minActiveAsps + " exceeds the " + peers.size() + " remote peer(s)");
        }
        if (exchange.enabled() && exchange.pointCode() != dpc) {
            r.error(
                    "dpc",
                    "dpc " + dpc + " is not the embedded exchange's point code " + exchange.pointCode()
                            + " (set embedded-exchange.point-code too, or disable it)");
        }
        Ss7Config config = new Ss7Config(
                mode,
                r.get(TRANSPORT),
                new HostPort(r.get(LOCAL_ADDRESS), r.get(LOCAL_PORT)),
                peers.stream().map(Located::value).toList(),
                rc == null ? OptionalLong.empty() : OptionalLong.of(rc),
                na == null ? OptionalLong.empty() : OptionalLong.of(na),
                r.get(TRAFFIC_MODE),
                r.get(IPSP_SIDE),
                exchangeType,
                minActiveAsps,
                r.get(DELIVERY_THREADS),
                r.get(ACTIVATION_WAIT),
                format,
                opc,
                dpc,
                r.get(NI),
                r.get(SI),
                variant,
                IsupTimerSettings.read(r.section("isup-timers")),
                groups.stream().map(Located::value).toList(),
                r.get(GLARE),
                r.get(PERSIST_DIR),
                exchange);
        r.finish();
        return config;
    }

    private static int readPointCode(NodeReader r, Setting<Integer> s, PointCodeFormat format, int bits) {
        Setting<Integer> typed = new Setting<>(
                s.key(), s.description(), pointCode(format, bits), s.defaultValue(), s.defaultText(), s.unit(), false);
        return r.get(typed);
    }

    /** Without circuit groups: one group per span over all its voice timeslots, CICs numbered on from 1. */
    static List<CircuitGroupConfig> defaultGroups(java.util.Collection<SpanConfig> spans) {
        List<CircuitGroupConfig> out = new java.util.ArrayList<>();
        int cic = 1;
        for (SpanConfig span : spans) {
            int count = span.voiceTimeslots().size();
            if (count == 0) {
                continue;
            }
            out.add(new CircuitGroupConfig(
                    "group" + out.size(),
                    span.name(),
                    cic,
                    span.voiceTimeslots().first(),
                    count,
                    CircuitGroupConfig.Hunting.SEQUENTIAL_UP,
                    CircuitGroupConfig.Direction.BOTH));
            cic += count;
        }
        return List.copyOf(out);
    }

    /** A network indicator by name or by its code 0..3. */
    private static ValueKind<NetworkIndicator> networkIndicator() {
        ValueKind<NetworkIndicator> byName = enumOf(NetworkIndicator.class);
        return new ValueKind<>() {
            @Override
            public NetworkIndicator parse(String text) {
                String t = text.strip();
                if (t.length() == 1 && Character.isDigit(t.charAt(0))) {
                    for (NetworkIndicator ni : NetworkIndicator.values()) {
                        if (ni.code() == t.charAt(0) - '0') {
                            return ni;
                        }
                    }
                    throw new IllegalArgumentException(t + " is out of range 0..3");
                }
                return byName.parse(text);
            }

            @Override
            public String describe() {
                return byName.describe() + " (or 0..3)";
            }

            @Override
            public String format(NetworkIndicator value) {
                return byName.format(value);
            }
        };
    }

    private static HostPort peer(NodeReader r) {
        return new HostPort(r.get(PEER_ADDRESS), r.get(PEER_PORT));
    }

    private static CircuitGroupConfig group(NodeReader r) {
        return new CircuitGroupConfig(
                r.get(CG_NAME),
                r.get(CG_SPAN),
                r.get(CG_FIRST_CIC),
                r.get(CG_FIRST_TS),
                r.get(CG_COUNT),
                r.get(CG_HUNTING),
                r.get(CG_DIRECTION));
    }
}
