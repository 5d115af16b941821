package org.pstngw.gateway;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.pstngw.conf.GatewayConfig;
import org.pstngw.conf.SipConfig;
import org.pstngw.conf.SipTransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.SipUserAgent;

/**
 * The gateway's SIP side wired from a {@link GatewayConfig}: the user agent on the configured transports, limits,
 * timers, TLS material and 100rel, answering calls with the {@link DemoUas} when {@code sip.uas-demo.enabled} (the
 * embedded default until the interworking function exists; without it INVITEs get 480 Temporarily Unavailable).
 */
final class SipStack implements AutoCloseable {
    /** Netty event-loop threads and call lanes of the SIP stack. */
    static final int IO_THREADS = 2;

    static final int LANES = 2;

    private final SipUserAgent ua;
    private final DemoUas demo;

    private SipStack(SipUserAgent ua, DemoUas demo) {
        this.ua = ua;
        this.demo = demo;
    }

    /** Binds the SIP listeners of {@code config}, on {@code port} instead of their own when given. */
    static SipStack start(GatewayConfig config, OptionalInt port)
            throws IOException, GeneralSecurityException, InterruptedException {
        SipConfig sip = port.isPresent() ? onPort(config.sip(), port.getAsInt()) : config.sip();
        DemoUas demo = sip.uasDemo().enabled() ? new DemoUas(sip.uasDemo().answerDelay(), sdpHost(sip)) : null;
        SipUserAgent ua = SipUserAgent.start(SipUserAgent.Config.from(sip, "gw", IO_THREADS, LANES), demo);
        return new SipStack(ua, demo);
    }

    /** The same section with every listener on {@code port}. */
    static SipConfig onPort(SipConfig sip, int port) {
        List<SipTransportConfig> moved = sip.transports().stream()
                .map(t -> new SipTransportConfig(
                        t.protocol(),
                        t.bindAddress(),
                        port,
                        t.keystore(),
                        t.keystorePassword(),
                        t.truststore(),
                        t.truststorePassword(),
                        t.clientAuth()))
                .toList();
        return new SipConfig(
                moved,
                sip.t1(),
                sip.t2(),
                sip.t4(),
                sip.timerC(),
                sip.maxMessageSize(),
                sip.maxUdpMessageSize(),
                sip.maxHeaders(),
                sip.maxTransactions(),
                sip.userAgent(),
                sip.contactHost(),
                sip.rel100(),
                sip.sessionTimer(),
                sip.uasDemo());
    }

    /**
     * The address the demo UAS writes in its SDP: the contact host, else the first listener's bind address; never a
     * wildcard (c=IN IP4 0.0.0.0 would put every call on hold, RFC 3264 8.4), for which this host's address is used.
     */
    static String sdpHost(SipConfig sip) {
        if (!sip.contactHost().isEmpty()) {
            return sip.contactHost();
        }
        String bound =
                sip.transports().isEmpty() ? "" : sip.transports().getFirst().bindAddress();
        if (!bound.isEmpty() && !isWildcard(bound)) {
            return bound;
        }
        try {
            InetAddress me = InetAddress.getLocalHost();
            return me instanceof Inet4Address && !me.isAnyLocalAddress() ? me.getHostAddress() : LOOPBACK;
        } catch (UnknownHostException e) {
            return LOOPBACK;
        }
    }

    private static final String LOOPBACK = "127.0.0.1";

    private static boolean isWildcard(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(h).isAnyLocalAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    SipUserAgent userAgent() {
        return ua;
    }

    boolean answering() {
        return demo != null;
    }

    Optional<InetSocketAddress> localAddress(TransportType type) {
        return ua.localAddress(type);
    }

    @Override
    public void close() {
        ua.close();
        if (demo != null) {
            demo.close();
        }
    }
}
