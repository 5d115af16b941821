package org.pstngw.sip.transport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pstngw.conf.SipConfig;
import org.pstngw.conf.SipTransportConfig;
import org.pstngw.conf.SipTransportConfig.Protocol;
import org.pstngw.sip.message.SipLimits;

/**
 * What the transport listens on and its limits. The listeners are module conf's {@link SipTransportConfig} records
 * (protocol, bind address, port, and for TLS the keystore and truststore), so a listener is defined once, in the
 * configuration; {@link #from(SipConfig)} maps the whole {@code sip} section.
 *
 * @param listeners at most one per protocol; port 0 picks an ephemeral port
 * @param streamLimits limits on TCP/TLS (a stream that announces or carries more is closed)
 * @param datagramLimits limits on UDP (a larger datagram is dropped)
 * @param ioThreads Netty event-loop threads
 * @param maxConnections most TCP/TLS connections open at once, both directions: one accepted beyond is closed at
 *     once, one we would open beyond is a transport error
 */
public record TransportConfig(
        List<SipTransportConfig> listeners,
        SipLimits streamLimits,
        SipLimits datagramLimits,
        int ioThreads,
        int maxConnections) {

    /** The default {@link #maxConnections}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4_096;

    /** With {@link #DEFAULT_MAX_CONNECTIONS}. */
    public TransportConfig(
            List<SipTransportConfig> listeners, SipLimits streamLimits, SipLimits datagramLimits, int ioThreads) {
        this(listeners, streamLimits, datagramLimits, ioThreads, DEFAULT_MAX_CONNECTIONS);
    }

    public TransportConfig {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(streamLimits, "streamLimits");
        Objects.requireNonNull(datagramLimits, "datagramLimits");
        Set<Protocol> seen = EnumSet.noneOf(Protocol.class);
        for (SipTransportConfig l : listeners) {
            if (!seen.add(l.protocol())) {
                throw new IllegalArgumentException("more than one " + l.protocol() + " listener: " + listeners);
            }
            if (l.protocol() == Protocol.TLS && l.keystore().isBlank()) {
                throw new IllegalArgumentException("TLS listener on port " + l.port() + " configured without keystore");
            }
        }
        if (streamLimits.maxMessageSize() < 512 || datagramLimits.maxMessageSize() < 512) {
            throw new IllegalArgumentException("message size limit below 512 bytes");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
    }

    /**
     * The transports of conf's {@code sip} section: its listeners, {@code max-message-size} for streams,
     * {@code max-udp-message-size} for datagrams, {@code max-headers} for both.
     */
    public static TransportConfig from(SipConfig sip, int ioThreads) {
        SipLimits base = SipLimits.DEFAULT.withMaxHeaders(sip.maxHeaders());
        return new TransportConfig(
                sip.transports(),
                base.withMaxMessageSize(sip.maxMessageSize()),
                base.withMaxMessageSize(sip.maxUdpMessageSize()),
                ioThreads);
    }

    /** UDP and TCP on {@code port} of {@code host}, no TLS, default limits. */
    public static TransportConfig udpAndTcp(String host, int port) {
        return new TransportConfig(
                List.of(
                        SipTransportConfig.plain(Protocol.UDP, host, port),
                        SipTransportConfig.plain(Protocol.TCP, host, port)),
                SipLimits.DEFAULT,
                SipLimits.DEFAULT,
                1);
    }

    /** The same with {@code tls} (a TLS listener with its keystore and truststore) added. */
    public TransportConfig withTls(SipTransportConfig tls) {
        if (tls.protocol() != Protocol.TLS) {
            throw new IllegalArgumentException("not a TLS transport: " + tls);
        }
        List<SipTransportConfig> all = new ArrayList<>(listeners);
        all.removeIf(l -> l.protocol() == Protocol.TLS);
        all.add(tls);
        return new TransportConfig(all, streamLimits, datagramLimits, ioThreads, maxConnections);
    }

    /** The same with another cap on open stream connections. */
    public TransportConfig withMaxConnections(int max) {
        return new TransportConfig(listeners, streamLimits, datagramLimits, ioThreads, max);
    }

    /** The same with another size limit on both kinds of transport. */
    public TransportConfig withMaxMessageSize(int limit) {
        return new TransportConfig(
                listeners,
                streamLimits.withMaxMessageSize(limit),
                datagramLimits.withMaxMessageSize(limit),
                ioThreads,
                maxConnections);
    }

    /** The listener of {@code type}, if configured. */
    public Optional<SipTransportConfig> listener(TransportType type) {
        return listeners.stream()
                .filter(l -> TransportType.of(l.protocol()) == type)
                .findFirst();
    }
}
