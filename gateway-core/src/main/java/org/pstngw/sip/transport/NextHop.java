package org.pstngw.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;

/**
 * Where a request to a URI goes, RFC 3261 8.1.2 and 19.1.2 with RFC 3263's rules for an explicit port or transport
 * (no NAPTR/SRV): the host (or {@code maddr}) and port of the URI, the transport from {@code ;transport=}, TLS for a
 * sips URI. Deciding is pure and never blocks: an IP literal gives a {@link Resolved} flow at once, a name gives
 * {@link Named}, whose {@link #destination()} is a flow toward the unresolved name that {@link NettyTransport#send}
 * resolves off the call lanes and event loops.
 */
public sealed interface NextHop {

    /** The destination is an address. */
    record Resolved(Flow flow) implements NextHop {}

    /** The destination is a name still to be resolved (by the transport, off-lane). */
    record Named(TransportType transport, String host, int port) implements NextHop {}

    /** No SIP destination can be derived (not a sip/sips URI, an unsupported transport, a bad host). */
    record Invalid(String reason) implements NextHop {}

    /** The flow to send on: resolved, or toward a name the transport resolves; empty when {@link Invalid}. */
    default Optional<Flow> destination() {
        return switch (this) {
            case Resolved r -> Optional.of(r.flow());
            case Named n ->
                Optional.of(new Flow(n.transport(), InetSocketAddress.createUnresolved(n.host(), n.port())));
            case Invalid i -> Optional.empty();
        };
    }

    /** The next hop for a request whose first hop is {@code uri} (the first Route, else the Request-URI). */
    static NextHop of(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return new Invalid("no SIP destination for " + uri.scheme() + " URI " + uri.raw());
        }
        TransportType transport;
        String param = sip.transport();
        if (sip.secure()) {
            transport = TransportType.TLS;
        } else if (param == null) {
            transport = TransportType.UDP;
        } else {
            Optional<TransportType> t = TransportType.fromToken(param);
            if (t.isEmpty()) {
                return new Invalid("unsupported transport " + param.toLowerCase(Locale.ROOT) + " in " + uri.raw());
            }
            transport = t.get();
        }
        String host = sip.maddr() != null && !sip.maddr().isEmpty() ? sip.maddr() : sip.host();
        int port = sip.port() >= 0 ? sip.port() : transport.defaultPort();
        if (port == 0) {
            return new Invalid("port 0 in " + uri.raw());
        }
        Optional<InetAddress> literal = ResponseRouter.literal(host);
        if (literal.isPresent()) {
            return new Resolved(new Flow(transport, new InetSocketAddress(literal.get(), port)));
        }
        if (host.startsWith("[")) {
            return new Invalid("invalid IPv6 reference " + host + " in " + uri.raw());
        }
        return new Named(transport, host, port);
    }
}
