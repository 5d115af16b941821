package org.pstngw.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.pstngw.sip.message.Via;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server sends a response, RFC 3261 section 18.2.2 with rport (RFC 3581 section 4), from the request's top
 * Via and the flow the request arrived on.
 *
 * <pre>
 * o  If the "sent-protocol" is a reliable transport protocol such as TCP or SCTP, or TLS over those, the response
 *    MUST be sent using the existing connection to the source of the original request ...
 * o  Otherwise, if the Via header field value contains a "maddr" parameter, the response MUST be forwarded to the
 *    address listed there, using the port indicated in "sent-by", or port 5060 if none is present.
 * o  Otherwise (for unreliable unicast transports), if the top Via has a "received" parameter, the response MUST be
 *    sent to the address in the "received" parameter, using the port indicated in the "sent-by" value, or using port
 *    5060 if none is specified explicitly.
 * o  Otherwise, ... the response MUST be sent to the address indicated by the "sent-by" value ...
 * RFC 3581: with rport carrying a value, send to the received address and the rport port.
 * </pre>
 *
 * Routing runs on a call's lane, so it never resolves a name: a maddr, received or sent-by that is not an IP literal is
 * skipped in favour of the next rule, and in the end of the packet's source address (which the server stamps as
 * received whenever the sent-by is a name, 18.2.1). The received and rport values are the server's own ({@link
 * ViaStamping} replaces whatever the client wrote). A maddr is obeyed only when it is a multicast address, the use
 * RFC 3261 18.1.1 gives it: a unicast maddr would let any request send its responses to a third party, so it is
 * ignored (logged) and the response goes by received and sent-by.
 */
public final class ResponseRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseRouter.class);

    private ResponseRouter() {}

    /** The parts of the top Via that routing reads. */
    public record ViaHop(
            TransportType transport,
            String sentByHost,
            OptionalInt sentByPort,
            String received,
            OptionalInt rport,
            String maddr) {

        /** The hop of a parsed Via (an unknown transport token counts as UDP, the datagram rules). */
        public static ViaHop of(Via via) {
            return new ViaHop(
                    TransportType.fromToken(via.transport()).orElse(TransportType.UDP),
                    via.host(),
                    via.port() >= 0 ? OptionalInt.of(via.port()) : OptionalInt.empty(),
                    via.received(),
                    via.rport() >= 0 ? OptionalInt.of(via.rport()) : OptionalInt.empty(),
                    via.maddr());
        }

        int port() {
            return sentByPort.orElse(transport.defaultPort());
        }
    }

    /**
     * The flow for a response to a request that arrived on {@code arrival}.
     *
     * @param via the request's top Via (after {@link ViaStamping} added received/rport)
     * @param arrival the flow the request arrived on
     * @return the flow to send the response on; its address is always resolved
     */
    public static Flow route(ViaHop via, Flow arrival) {
        if (arrival.transport().reliable()) {
            return arrival;
        }
        Optional<InetAddress> maddr = literal(via.maddr()).filter(InetAddress::isMulticastAddress);
        if (maddr.isPresent()) {
            return new Flow(arrival.transport(), new InetSocketAddress(maddr.get(), via.port()));
        }
        if (via.maddr() != null) {
            LOG.debug("Via maddr {} is not a multicast literal; routing by received/sent-by", via.maddr());
        }
        InetAddress source = arrival.remote().getAddress();
        Optional<InetAddress> received = literal(via.received());
        if (via.rport().isPresent()) {
            InetAddress host = received.orElse(source);
            return new Flow(
                    arrival.transport(), new InetSocketAddress(host, via.rport().getAsInt()));
        }
        if (received.isPresent()) {
            return new Flow(arrival.transport(), new InetSocketAddress(received.get(), via.port()));
        }
        InetAddress sentBy = literal(via.sentByHost()).orElse(source);
        return new Flow(arrival.transport(), new InetSocketAddress(sentBy, via.port()));
    }

    /**
     * The stream fallback of 18.2.2: when the request's connection has gone, open one to the sent-by address (the
     * received address when there is one; the source address when the sent-by is a name).
     */
    public static Flow reconnect(ViaHop via, Flow arrival) {
        InetAddress host = literal(via.received())
                .or(() -> literal(via.sentByHost()))
                .orElse(arrival.remote().getAddress());
        return new Flow(arrival.transport(), new InetSocketAddress(host, via.port()));
    }

    /** {@code host} as an address when it is an IPv4 or (bracketed or bare) IPv6 literal. */
    static Optional<InetAddress> literal(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.empty();
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return Optional.of(InetAddress.ofLiteral(h));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }
}
