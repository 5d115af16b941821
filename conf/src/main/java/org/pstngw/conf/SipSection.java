package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.bool;
import static org.pstngw.conf.ValueKinds.duration;
import static org.pstngw.conf.ValueKinds.enumOf;
import static org.pstngw.conf.ValueKinds.integer;
import static org.pstngw.conf.ValueKinds.ipAddress;
import static org.pstngw.conf.ValueKinds.port;
import static org.pstngw.conf.ValueKinds.string;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pstngw.conf.NodeReader.Located;
import org.pstngw.conf.SipConfig.Rel100;
import org.pstngw.conf.SipTransportConfig.ClientAuth;
import org.pstngw.conf.SipTransportConfig.Protocol;

/** Definitions and reader of the {@code sip} section. */
final class SipSection {
    static final Setting<Duration> T1 = Setting.of(
            "t1",
            duration(Duration.ofMillis(100), Duration.ofSeconds(10), "ms"),
            Duration.ofMillis(500),
            "ms",
            "RFC 3261 T1, round-trip estimate; timers B, F and H are 64*T1");
    static final Setting<Duration> T2 = Setting.of(
            "t2",
            duration(Duration.ofSeconds(1), Duration.ofSeconds(60), "s"),
            Duration.ofSeconds(4),
            "s",
            "RFC 3261 T2, longest retransmit interval of non-INVITE requests and INVITE responses (>= t1)");
    static final Setting<Duration> T4 = Setting.of(
            "t4",
            duration(Duration.ofSeconds(1), Duration.ofSeconds(60), "s"),
            Duration.ofSeconds(5),
            "s",
            "RFC 3261 T4, longest time a message stays in the network");
    static final Setting<Duration> TIMER_C = Setting.of(
            "timer-c",
            duration(Duration.ofMinutes(3).plusSeconds(1), Duration.ofHours(1), "s"),
            Duration.ofMinutes(3).plusSeconds(1),
            "s",
            "timer C (RFC 3261 16.6, > 3 min): longest wait for an INVITE's final response; ours is then cancelled"
                    + " (408), one we received is answered 408");
    static final Setting<Integer> MAX_MESSAGE_SIZE = Setting.of(
            "max-message-size", integer(1024, 1 << 20), 65535, "bytes", "largest SIP message accepted on TCP/TLS");
    static final Setting<Integer> MAX_UDP_MESSAGE_SIZE = Setting.of(
            "max-udp-message-size", integer(1024, 65507), 65507, "bytes", "largest SIP message accepted on UDP");
    static final Setting<Integer> MAX_HEADERS =
            Setting.of("max-headers", integer(16, 1024), 128, "", "largest number of header fields in one message");
    static final Setting<Integer> MAX_TRANSACTIONS = Setting.of(
            "max-transactions",
            integer(100, 10_000_000),
            100_000,
            "",
            "most server transactions open at once; beyond, a request that would start a dialog or stands alone is"
                    + " answered 503 with Retry-After (in-dialog requests, CANCEL and ACK always pass: they end calls)");
    static final Setting<String> USER_AGENT =
            Setting.of("user-agent", string(), "pstngw", "", "User-Agent and Server header value");
    static final Setting<String> CONTACT_HOST = Setting.of(
            "contact-host", string(), "", "", "host for Contact and Via; empty means each transport's bind address");
    static final Setting<Rel100> REL100 =
            Setting.of("rel100", enumOf(Rel100.class), Rel100.SUPPORTED, "", "RFC 3262 reliable provisional responses");

    static final Setting<Protocol> PROTOCOL =
            Setting.of("protocol", enumOf(Protocol.class), Protocol.UDP, "", "transport protocol");
    static final Setting<String> BIND =
            Setting.of("bind-address", ipAddress(), "127.0.0.1", "", "IP address to listen on");
    static final Setting<Integer> PORT =
            Setting.derived("port", port(0), "5060; 5061 for tls", "", "port to listen on (0 picks a free port)");
    static final Setting<String> KEYSTORE =
            Setting.of("keystore", string(), "", "", "TLS key store (PKCS#12 or JKS) path; required for tls");
    static final Setting<Secret> KEYSTORE_PASSWORD = Setting.of(
                    "keystore-password",
                    ValueKinds.secret(),
                    Secret.NONE,
                    "",
                    "key store password; ${env:NAME} reads it from the environment")
            .asSecret();
    static final Setting<String> TRUSTSTORE =
            Setting.of("truststore", string(), "", "", "TLS trust store path; empty means the JDK default trust");
    static final Setting<Secret> TRUSTSTORE_PASSWORD = Setting.of(
                    "truststore-password",
                    ValueKinds.secret(),
                    Secret.NONE,
                    "",
                    "trust store password; ${env:NAME} reads it from the environment")
            .asSecret();
    static final Setting<ClientAuth> CLIENT_AUTH = Setting.of(
            "client-auth", enumOf(ClientAuth.class), ClientAuth.NONE, "", "TLS client certificate: none, want, need");

    static final Setting<Boolean> ST_ENABLED = Setting.of(
            "enabled",
            bool(),
            false,
            "",
            "ask peers for RFC 4028 session refreshes; not implemented yet, so only false is accepted");
    static final Setting<Duration> ST_EXPIRES = Setting.of(
            "session-expires",
            duration(Duration.ofSeconds(90), Duration.ofHours(24), "s"),
            Duration.ofSeconds(1800),
            "s",
            "requested Session-Expires");
    static final Setting<Duration> ST_MIN_SE = Setting.of(
            "min-se",
            duration(Duration.ofSeconds(90), Duration.ofHours(24), "s"),
            Duration.ofSeconds(90),
            "s",
            "smallest Session-Expires accepted (Min-SE)");

    static final Setting<Boolean> UAS_ENABLED = Setting.of(
            "enabled",
            bool(),
            true,
            "",
            "answer every INVITE with 180 then 200 + SDP (the embedded default until the IWF runs; false: INVITEs get 480)");
    static final Setting<Duration> UAS_DELAY = Setting.of(
            "answer-delay",
            duration(Duration.ZERO, Duration.ofMinutes(5), "ms"),
            Duration.ofMillis(1000),
            "ms",
            "delay between INVITE and 200 OK");

    static final List<SipTransportConfig> DEFAULT_TRANSPORTS = List.of(
            SipTransportConfig.plain(Protocol.UDP, "127.0.0.1", 5060),
            SipTransportConfig.plain(Protocol.TCP, "127.0.0.1", 5060));

    private SipSection() {}

    static List<SchemaSection> schema() {
        return List.of(
                new SchemaSection(
                        "sip",
                        "SIP stack",
                        List.of(
                                T1,
                                T2,
                                T4,
                                TIMER_C,
                                MAX_MESSAGE_SIZE,
                                MAX_UDP_MESSAGE_SIZE,
                                MAX_HEADERS,
                                MAX_TRANSACTIONS,
                                USER_AGENT,
                                CONTACT_HOST,
                                REL100)),
                new SchemaSection(
                        "sip.transports[]",
                        "listening transports; default: udp and tcp on 127.0.0.1:5060",
                        List.of(
                                PROTOCOL,
                                BIND,
                                PORT,
                                KEYSTORE,
                                KEYSTORE_PASSWORD,
                                TRUSTSTORE,
                                TRUSTSTORE_PASSWORD,
                                CLIENT_AUTH)),
                new SchemaSection(
                        "sip.session-timer", "RFC 4028 session timer", List.of(ST_ENABLED, ST_EXPIRES, ST_MIN_SE)),
                new SchemaSection("sip.uas-demo", "demo answering UAS", List.of(UAS_ENABLED, UAS_DELAY)));
    }

    static SipConfig read(NodeReader r) {
        List<Located<SipTransportConfig>> transports = r.list("transports", SipSection::transport, DEFAULT_TRANSPORTS);
        if (r.isEmptyList("transports")) {
            r.error("transports", "at least one transport is needed");
        }
        Map<String, Located<SipTransportConfig>> seen = new HashMap<>();
        for (Located<SipTransportConfig> t : transports) {
            SipTransportConfig c = t.value();
            boolean stream = c.protocol() != Protocol.UDP;
            String key = (stream ? "stream" : "udp") + " " + c.bindAddress() + ":" + c.port();
            if (c.port() != 0 && seen.putIfAbsent(key, t) != null) {
                t.at().error(
                                "port",
                                (stream ? "tcp/tls" : "udp") + " port " + c.port() + " on " + c.bindAddress()
                                        + " is already used by another transport");
            }
        }
        Duration t1 = r.get(T1);
        Duration t2 = r.get(T2);
        if (t2.compareTo(t1) < 0) {
            r.error(
                    "t2",
                    "t2 (" + T2.kind().format(t2) + ") must not be less than t1 ("
                            + T1.kind().format(t1) + ")");
        }
        SipConfig config = new SipConfig(
                transports.stream().map(Located::value).toList(),
                t1,
                t2,
                r.get(T4),
                r.get(TIMER_C),
                r.get(MAX_MESSAGE_SIZE),
                r.get(MAX_UDP_MESSAGE_SIZE),
                r.get(MAX_HEADERS),
                r.get(MAX_TRANSACTIONS),
                r.get(USER_AGENT),
                r.get(CONTACT_HOST),
                r.get(REL100),
                sessionTimer(r.section("session-timer")),
                uasDemo(r.section("uas-demo")));
        r.finish();
        return config;
    }

    private static SipTransportConfig transport(NodeReader r) {
        Protocol protocol = r.get(PROTOCOL);
        Integer port = r.get(PORT);
        String keystore = r.get(KEYSTORE);
        if (protocol == Protocol.TLS && keystore.isBlank()) {
            r.error("keystore", "a tls transport needs a keystore");
        }
        return new SipTransportConfig(
                protocol,
                r.get(BIND),
                port != null ? port : protocol == Protocol.TLS ? 5061 : 5060,
                keystore,
                r.get(KEYSTORE_PASSWORD),
                r.get(TRUSTSTORE),
                r.get(TRUSTSTORE_PASSWORD),
                r.get(CLIENT_AUTH));
    }

    /** The reason {@code enabled: true} is refused (RFC 4028 is not implemented yet: true would be ignored). */
    static final String SESSION_TIMER_NOT_IMPLEMENTED =
            "RFC 4028 session timers are not implemented yet; set false (true would be silently ignored)";

    private static SessionTimerConfig sessionTimer(NodeReader r) {
        boolean enabled = r.get(ST_ENABLED);
        if (enabled) {
            r.error("enabled", SESSION_TIMER_NOT_IMPLEMENTED);
        }
        Duration expires = r.get(ST_EXPIRES);
        Duration minSe = r.get(ST_MIN_SE);
        if (expires.compareTo(minSe) < 0) {
            r.error("session-expires", "session-expires must not be less than min-se");
        }
        SessionTimerConfig c = new SessionTimerConfig(enabled, expires, minSe);
        r.finish();
        return c;
    }

    private static UasDemoConfig uasDemo(NodeReader r) {
        UasDemoConfig c = new UasDemoConfig(r.get(UAS_ENABLED), r.get(UAS_DELAY));
        r.finish();
        return c;
    }
}
