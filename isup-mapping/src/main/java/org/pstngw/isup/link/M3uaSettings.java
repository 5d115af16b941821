package org.pstngw.isup.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Settings of one M3UA node: our gateway's link, or the simulated exchange's. One application server (AS) with one
 * ASP per peer: a client opens one association to each peer, a server accepts one association from each peer.
 *
 * @param name unique node name (also names jSS7's persist files)
 * @param role M3UA role and which side opens the associations
 * @param transport SCTP in production, TCP where the kernel has no SCTP
 * @param localHost local address to bind
 * @param localPort local port; a server listens on it; a client binds association {@code i} to {@code localPort + i}
 *     (0: ephemeral ports, only where the server accepts any)
 * @param peers the remote ends, one association and one ASP each; at least one
 * @param routingContext M3UA routing context, empty where the peer requires none (RFC 4666 3.3.1: optional)
 * @param networkAppearance M3UA network appearance, empty when not used
 * @param trafficMode M3UA traffic mode of the AS over its ASPs
 * @param exchange single (only the client side reports its ASP state) or double exchange of ASP state (IPSP)
 * @param minActiveAsps loadshare: active ASPs needed before the AS is active (1 ..peers)
 * @param labelFormat MTP3 routing label: ITU 14-bit point codes or ANSI 24-bit point codes with 8-bit SLS
 * @param opc our point code
 * @param dpc the adjacent/remote point code routed through this AS
 * @param networkIndicator MTP3 NI 0..3 of what this node's own ISUP stack sends (the simulator's); our link sends the
 *     NI each {@link IsupPdu} carries
 * @param serviceIndicator MTP3 SI of the user part (5 = ISUP), used for the route and for sending and receiving
 * @param persistDir a directory of this node alone, wiped at start (jSS7 persists its config as XML)
 * @param activeTimeout how long start() waits for the destination to become routable
 * @param deliveryThreads jSS7's delivery thread count (received PDUs of one SLS stay on one thread)
 * @param userPartTestInterval Q.764 timer T4: interval of user part tests (UPT) while the remote ISUP is unavailable
 */
public record M3uaSettings(
        String name,
        Role role,
        Transport transport,
        String localHost,
        int localPort,
        List<Peer> peers,
        OptionalLong routingContext,
        OptionalLong networkAppearance,
        TrafficMode trafficMode,
        Exchange exchange,
        int minActiveAsps,
        LabelFormat labelFormat,
        int opc,
        int dpc,
        int networkIndicator,
        int serviceIndicator,
        Path persistDir,
        Duration activeTimeout,
        int deliveryThreads,
        Duration userPartTestInterval) {

    /** Q.764 Annex A: T4 is 5 to 15 minutes. */
    public static final Duration DEFAULT_USER_PART_TEST_INTERVAL = Duration.ofMinutes(5);

    /** One remote end of the AS: an SGW/STP or the peer IPSP. */
    public record Peer(String host, int port) {
        public Peer {
            Objects.requireNonNull(host, "host");
            checkPort("peer port", port);
        }
    }

    /** Role of the node in M3UA (RFC 4666 1.3): which functionality, and who connects. */
    public enum Role {
        /** Application server process, client side of the association (the gateway towards an SGW). */
        AS_CLIENT,
        /** Signalling gateway, server side (the simulated exchange's default). */
        SGW_SERVER,
        /** IP server process, client side of the association. */
        IPSP_CLIENT,
        /** IP server process, server side of the association. */
        IPSP_SERVER;

        public boolean isServer() {
            return this == SGW_SERVER || this == IPSP_SERVER;
        }
    }

    /** Transport under M3UA. */
    public enum Transport {
        SCTP,
        TCP
    }

    /** M3UA traffic mode type (RFC 4666 3.8.1). */
    public enum TrafficMode {
        OVERRIDE,
        LOADSHARE,
        BROADCAST
    }

    /** RFC 4666 4.3.1: single exchange (only the ASP side of an IPSP pair reports state) or double exchange. */
    public enum Exchange {
        SINGLE,
        DOUBLE
    }

    /** MTP3 routing label (Q.704 2.2, T1.111.4): ITU 14-bit point codes and 4-bit SLS, or ANSI 24-bit and 8-bit. */
    public enum LabelFormat {
        ITU(14, 0x0F),
        ANSI(24, 0xFF);

        private final int pointCodeBits;
        private final int maxSls;

        LabelFormat(int pointCodeBits, int maxSls) {
            this.pointCodeBits = pointCodeBits;
            this.maxSls = maxSls;
        }

        public int maxPointCode() {
            return (1 << pointCodeBits) - 1;
        }

        public int maxSls() {
            return maxSls;
        }
    }

    public M3uaSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(routingContext, "routingContext");
        Objects.requireNonNull(networkAppearance, "networkAppearance");
        Objects.requireNonNull(trafficMode, "trafficMode");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(labelFormat, "labelFormat");
        Objects.requireNonNull(persistDir, "persistDir");
        Objects.requireNonNull(activeTimeout, "activeTimeout");
        Objects.requireNonNull(userPartTestInterval, "userPartTestInterval");
        peers = List.copyOf(peers);
        if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("name must be 1..40 of [A-Za-z0-9_-]: " + name);
        }
        if (peers.isEmpty() || peers.size() > 16) {
            throw new IllegalArgumentException("1..16 peers are needed, got " + peers.size());
        }
        checkPort("localPort", localPort);
        if (!role.isServer() && localPort != 0 && localPort + peers.size() - 1 > 65535) {
            throw new IllegalArgumentException("local ports " + localPort + ".." + (localPort + peers.size() - 1)
                    + " of the " + peers.size() + " client associations exceed 65535");
        }
        checkPointCode("opc", opc, labelFormat);
        checkPointCode("dpc", dpc, labelFormat);
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("networkIndicator must be 0..3, got " + networkIndicator);
        }
        if (serviceIndicator < 3 || serviceIndicator > 15) {
            throw new IllegalArgumentException(
                    "serviceIndicator of a user part must be 3..15, got " + serviceIndicator);
        }
        routingContext.ifPresent(rc -> checkUnsigned32("routingContext", rc));
        networkAppearance.ifPresent(na -> checkUnsigned32("networkAppearance", na));
        if (minActiveAsps < 1 || minActiveAsps > peers.size()) {
            throw new IllegalArgumentException("minActiveAsps must be 1.." + peers.size() + ", got " + minActiveAsps);
        }
        if (deliveryThreads < 1 || deliveryThreads > 64) {
            throw new IllegalArgumentException("deliveryThreads must be 1..64, got " + deliveryThreads);
        }
        if (activeTimeout.isNegative() || userPartTestInterval.isNegative() || userPartTestInterval.isZero()) {
            throw new IllegalArgumentException("activeTimeout must be >= 0 and userPartTestInterval > 0");
        }
    }

    /**
     * Defaults for a loopback TCP node with one peer: no RC, no NA, loadshare, single exchange, ITU label, national
     * NI, SI 5, 10 s to become active, one delivery thread, T4 of 5 minutes.
     */
    public static M3uaSettings loopback(
            String name, Role role, int localPort, int peerPort, int opc, int dpc, Path persistDir) {
        return builder(name, role, persistDir)
                .local("127.0.0.1", localPort)
                .peer("127.0.0.1", peerPort)
                .pointCodes(opc, dpc)
                .build();
    }

    /** A builder with the {@link #loopback} defaults, no peers yet. */
    public static Builder builder(String name, Role role, Path persistDir) {
        return new Builder(name, role, persistDir);
    }

    /** A builder holding these settings, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder(name, role, persistDir)
                .transport(transport)
                .local(localHost, localPort)
                .routingContext(routingContext)
                .networkAppearance(networkAppearance)
                .trafficMode(trafficMode)
                .exchange(exchange)
                .minActiveAsps(minActiveAsps)
                .labelFormat(labelFormat)
                .pointCodes(opc, dpc)
                .networkIndicator(networkIndicator)
                .serviceIndicator(serviceIndicator)
                .activeTimeout(activeTimeout)
                .deliveryThreads(deliveryThreads)
                .userPartTestInterval(userPartTestInterval);
        peers.forEach(p -> b.peer(p.host(), p.port()));
        return b;
    }

    /** The first peer (the only one in most tests). */
    public Peer firstPeer() {
        return peers.getFirst();
    }

    /** The local port association {@code index} binds (clients) or listens on (servers). */
    public int localPortOf(int index) {
        return role.isServer() || localPort == 0 ? localPort : localPort + index;
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
        }
    }

    private static void checkUnsigned32(String what, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " must be a 32-bit unsigned value, got " + value);
        }
    }

    private static void checkPointCode(String what, int pc, LabelFormat format) {
        if (pc < 0 || pc > format.maxPointCode()) {
            throw new IllegalArgumentException(
                    what + " must be a " + format.pointCodeBits + "-bit " + format + " point code, got " + pc);
        }
    }

    /** Mutable builder of {@link M3uaSettings}; defaults as {@link #loopback}. */
    public static final class Builder {
        private final String name;
        private Role role;
        private final Path persistDir;
        private Transport transport = Transport.TCP;
        private String localHost = "127.0.0.1";
        private int localPort;
        private final List<Peer> peers = new ArrayList<>();
        private OptionalLong routingContext = OptionalLong.empty();
        private OptionalLong networkAppearance = OptionalLong.empty();
        private TrafficMode trafficMode = TrafficMode.LOADSHARE;
        private Exchange exchange = Exchange.SINGLE;
        private int minActiveAsps = 1;
        private LabelFormat labelFormat = LabelFormat.ITU;
        private int opc;
        private int dpc;
        private int networkIndicator = 2;
        private int serviceIndicator = IsupPdu.SI_ISUP;
        private Duration activeTimeout = Duration.ofSeconds(10);
        private int deliveryThreads = 1;
        private Duration userPartTestInterval = DEFAULT_USER_PART_TEST_INTERVAL;

        private Builder(String name, Role role, Path persistDir) {
            this.name = name;
            this.role = role;
            this.persistDir = persistDir;
        }

        public Builder role(Role value) {
            role = value;
            return this;
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder local(String host, int port) {
            localHost = host;
            localPort = port;
            return this;
        }

        /** Adds a peer (one association and one ASP). */
        public Builder peer(String host, int port) {
            peers.add(new Peer(host, port));
            return this;
        }

        public Builder clearPeers() {
            peers.clear();
            return this;
        }

        public Builder routingContext(long value) {
            return routingContext(OptionalLong.of(value));
        }

        public Builder routingContext(OptionalLong value) {
            routingContext = value;
            return this;
        }

        public Builder networkAppearance(OptionalLong value) {
            networkAppearance = value;
            return this;
        }

        public Builder trafficMode(TrafficMode value) {
            trafficMode = value;
            return this;
        }

        public Builder exchange(Exchange value) {
            exchange = value;
            return this;
        }

        public Builder minActiveAsps(int value) {
            minActiveAsps = value;
            return this;
        }

        public Builder labelFormat(LabelFormat value) {
            labelFormat = value;
            return this;
        }

        public Builder pointCodes(int ownPc, int remotePc) {
            opc = ownPc;
            dpc = remotePc;
            return this;
        }

        public Builder networkIndicator(int value) {
            networkIndicator = value;
            return this;
        }

        public Builder serviceIndicator(int value) {
            serviceIndicator = value;
            return this;
        }

        public Builder activeTimeout(Duration value) {
            activeTimeout = value;
            return this;
        }

        public Builder deliveryThreads(int value) {
            deliveryThreads = value;
            return this;
        }

        public Builder userPartTestInterval(Duration value) {
            userPartTestInterval = value;
            return this;
        }

        public M3uaSettings build() {
            return new M3uaSettings(
                    name,
                    role,
                    transport,
                    localHost,
                    localPort,
                    peers,
                    routingContext,
                    networkAppearance,
                    trafficMode,
                    exchange,
                    minActiveAsps,
                    labelFormat,
                    opc,
                    dpc,
                    networkIndicator,
                    serviceIndicator,
                    persistDir,
                    activeTimeout,
                    deliveryThreads,
                    userPartTestInterval);
        }
    }
}
