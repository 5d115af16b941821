package org.pstngw.sip.transport;

import java.util.Locale;
import java.util.Optional;
import org.pstngw.conf.SipTransportConfig;

/** The SIP transports this stack runs, with their Via token and default port (RFC 3261 sections 18 and 19.1.2). */
public enum TransportType {
    UDP(false, 5060),
    TCP(true, 5060),
    TLS(true, 5061);

    private final boolean reliable;
    private final int defaultPort;

    TransportType(boolean reliable, int defaultPort) {
        this.reliable = reliable;
        this.defaultPort = defaultPort;
    }

    /** Reliable (stream) transports need no retransmissions; timers A, E and G do not run over them. */
    public boolean reliable() {
        return reliable;
    }

    /** 5060 for UDP and TCP, 5061 for TLS. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The transport token of a Via header ("UDP", "TCP", "TLS"). */
    public String viaToken() {
        return name();
    }

    /** The transport of a configured listener. */
    public static TransportType of(SipTransportConfig.Protocol protocol) {
        return switch (protocol) {
            case UDP -> UDP;
            case TCP -> TCP;
            case TLS -> TLS;
        };
    }

    /** The transport named by a Via token or a uri {@code transport=} parameter, case-insensitive. */
    public static Optional<TransportType> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return switch (token.trim().toUpperCase(Locale.ROOT)) {
            case "UDP" -> Optional.of(UDP);
            case "TCP" -> Optional.of(TCP);
            case "TLS" -> Optional.of(TLS);
            default -> Optional.empty();
        };
    }
}
