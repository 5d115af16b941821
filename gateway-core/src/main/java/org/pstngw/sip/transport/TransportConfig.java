package org.pstngw.sip.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport listens on and its limits.
 *
 * @param bindHost the local address to bind (an IP literal)
 * @param udpPort UDP port; 0 picks an ephemeral port, -1 disables UDP
 * @param tcpPort TCP port; 0 picks an ephemeral port, -1 disables TCP
 * @param tlsPort TLS port; 0 picks an ephemeral port, -1 disables TLS (needs {@code tls})
 * @param maxMessageSize the largest message accepted, in bytes, headers and body (a UDP datagram above it is dropped, a
 *     stream connection that announces or carries more is closed)
 * @param tls keystore and truststore for TLS
 * @param ioThreads Netty event-loop threads
 */
public record TransportConfig(
        String bindHost,
        int udpPort,
        int tcpPort,
        int tlsPort,
        int maxMessageSize,
        Optional<TlsSettings> tls,
        int ioThreads) {

    /** The default size limit: 64 KiB, the largest UDP datagram. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_535;

    public TransportConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(tls, "tls");
        if (maxMessageSize < 512) {
            throw new IllegalArgumentException("maxMessageSize below 512 bytes: " + maxMessageSize);
        }
        if (tlsPort >= 0 && tls.isEmpty()) {
            throw new IllegalArgumentException("TLS port " + tlsPort + " configured without keystore");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
    }

    /** UDP and TCP on {@code port} of {@code host}, no TLS, default limits. */
    public static TransportConfig udpAndTcp(String host, int port) {
        return new TransportConfig(host, port, port, -1, DEFAULT_MAX_MESSAGE_SIZE, Optional.empty(), 1);
    }

    /** The same with a TLS listener on {@code port}. */
    public TransportConfig withTls(int port, TlsSettings settings) {
        return new TransportConfig(bindHost, udpPort, tcpPort, port, maxMessageSize, Optional.of(settings), ioThreads);
    }

    /** The same with another size limit. */
    public TransportConfig withMaxMessageSize(int limit) {
        return new TransportConfig(bindHost, udpPort, tcpPort, tlsPort, limit, tls, ioThreads);
    }
}
