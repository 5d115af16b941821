package org.pstngw.sip.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a message came from or goes to: the transport and the remote address. For stream transports a flow names a
 * connection, which the transport reuses for every message to or from that address (RFC 3261 18.2.2, RFC 5923's
 * spirit without the alias parameter).
 *
 * @param transport the transport
 * @param remote the peer's address (source of a received message, destination of a sent one)
 */
public record Flow(TransportType transport, InetSocketAddress remote) {
    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remote, "remote");
    }

    @Override
    public String toString() {
        String host = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return transport + ":" + host + ":" + remote.getPort();
    }
}
