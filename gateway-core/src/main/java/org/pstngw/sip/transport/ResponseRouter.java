package org.pstngw.sip.transport;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

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
 */
public final class ResponseRouter {
    private ResponseRouter() {}

    /** The parts of the top Via that routing reads. */
    public record ViaHop(
            TransportType transport,
            String sentByHost,
            OptionalInt sentByPort,
            String received,
            OptionalInt rport,
            String maddr) {}

    /**
     * The flow for a response to a request that arrived on {@code arrival}.
     *
     * @param via the request's top Via (after {@link ViaStamping} added received/rport)
     * @param arrival the flow the request arrived on
     * @return the flow to send the response on
     */
    public static Flow route(ViaHop via, Flow arrival) {
        if (arrival.transport().reliable()) {
            return arrival;
        }
        int sentByPort = via.sentByPort().orElse(via.transport().defaultPort());
        if (via.maddr() != null && !via.maddr().isEmpty()) {
            return new Flow(arrival.transport(), InetSocketAddress.createUnresolved(via.maddr(), sentByPort));
        }
        if (via.rport().isPresent()) {
            String host =
                    via.received() != null ? via.received() : arrival.remote().getHostString();
            return new Flow(
                    arrival.transport(), new InetSocketAddress(host, via.rport().getAsInt()));
        }
        if (via.received() != null && !via.received().isEmpty()) {
            return new Flow(arrival.transport(), new InetSocketAddress(via.received(), sentByPort));
        }
        return new Flow(arrival.transport(), new InetSocketAddress(via.sentByHost(), sentByPort));
    }

    /**
     * The stream fallback of 18.2.2: when the request's connection has gone, open one to the sent-by address.
     */
    public static Flow reconnect(ViaHop via, Flow arrival) {
        String host = via.received() != null ? via.received() : via.sentByHost();
        return new Flow(
                arrival.transport(),
                new InetSocketAddress(
                        host, via.sentByPort().orElse(via.transport().defaultPort())));
    }
}
