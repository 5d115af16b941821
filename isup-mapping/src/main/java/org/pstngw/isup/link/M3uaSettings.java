package org.pstngw.isup.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Settings of one M3UA node: our gateway's link, or the simulated exchange's.
 *
 * @param name unique node name (also names jSS7's persist files)
 * @param role M3UA role and which side opens the association
 * @param transport SCTP in production, TCP where the kernel has no SCTP
 * @param localHost local address to bind
 * @param localPort local port; for a client the port the server expects (0 only if the server accepts any)
 * @param peerHost peer address
 * @param peerPort peer port (for a server, the client's local port)
 * @param routingContext M3UA routing context
 * @param networkAppearance M3UA network appearance, empty when not used
 * @param trafficMode M3UA traffic mode
 * @param opc our point code
 * @param dpc the adjacent/remote point code routed through this association
 * @param networkIndicator MTP3 NI 0..3
 * @param persistDir a directory of this node alone, wiped at start (jSS7 persists its config as XML)
 * @param activeTimeout how long start() waits for the ASP to become active
 * @param deliveryThreads jSS7's delivery thread count (received PDUs of one SLS stay on one thread)
 */
public record M3uaSettings(
        String name,
        Role role,
        Transport transport,
        String localHost,
        int localPort,
        String peerHost,
        int peerPort,
        long routingContext,
        OptionalLong networkAppearance,
        TrafficMode trafficMode,
        int opc,
        int dpc,
        int networkIndicator,
        Path persistDir,
        Duration activeTimeout,
        int deliveryThreads) {

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

    public M3uaSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(localHost, "localHost");
        Objects.requireNonNull(peerHost, "peerHost");
        Objects.requireNonNull(networkAppearance, "networkAppearance");
        Objects.requireNonNull(trafficMode, "trafficMode");
        Objects.requireNonNull(persistDir, "persistDir");
        Objects.requireNonNull(activeTimeout, "activeTimeout");
        if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("name must be 1..40 of [A-Za-z0-9_-]: " + name);
        }
        checkPort("localPort", localPort);
        checkPort("peerPort", peerPort);
        checkPointCode("opc", opc);
        checkPointCode("dpc", dpc);
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("networkIndicator must be 0..3, got " + networkIndicator);
        }
        if (routingContext < 0 || routingContext > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("routingContext must be a 32-bit unsigned value");
        }
        if (deliveryThreads < 1 || deliveryThreads > 64) {
            throw new IllegalArgumentException("deliveryThreads must be 1..64, got " + deliveryThreads);
        }
    }

    /** Defaults for a loopback TCP node: RC 100, no NA, loadshare, national NI, 10 s to become active. */
    public static M3uaSettings loopback(
            String name, Role role, int localPort, int peerPort, int opc, int dpc, Path persistDir) {
        return new M3uaSettings(
                name,
                role,
                Transport.TCP,
                "127.0.0.1",
                localPort,
                "127.0.0.1",
                peerPort,
                100,
                OptionalLong.empty(),
                TrafficMode.LOADSHARE,
                opc,
                dpc,
                2,
                persistDir,
                Duration.ofSeconds(10),
                1);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
        }
    }

    private static void checkPointCode(String what, int pc) {
        if (pc < 0 || pc > 0x3FFF) {
            throw new IllegalArgumentException(what + " must be a 14-bit ITU point code, got " + pc);
        }
    }
}
