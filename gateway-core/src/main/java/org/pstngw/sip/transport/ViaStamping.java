package org.pstngw.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.Via;

/**
 * What a server adds to the top Via of a received request (RFC 3261 18.2.1, RFC 3581 section 4): "received" when the
 * sent-by host differs from the packet's source address, and the rport value when the client asked for it with an
 * empty rport parameter (in which case "received" is always added).
 */
public final class ViaStamping {
    private ViaStamping() {}

    /** The parameters to set; null means leave as is. */
    public record Stamp(String received, Integer rport) {
        public boolean isEmpty() {
            return received == null && rport == null;
        }
    }

    /**
     * The parameters to add for a request from {@code source}.
     *
     * @param sentByHost the Via's sent-by host (name or literal)
     * @param rportRequested whether the Via carries an rport parameter without value
     * @param source the packet's source address
     */
    public static Stamp stamp(String sentByHost, boolean rportRequested, InetSocketAddress source) {
        String sourceHost = source.getAddress() != null ? source.getAddress().getHostAddress() : source.getHostString();
        boolean differs = !sameHost(stripBrackets(sentByHost), source);
        String received = differs || rportRequested ? sourceHost : null;
        Integer rport = rportRequested ? source.getPort() : null;
        return new Stamp(received, rport);
    }

    /**
     * {@code request} with its top Via stamped for {@code source}; the same request when there is nothing to add. Only
     * the top Via value changes, also when it shares its field with further values ({@code Via: a, b}).
     */
    public static SipRequest apply(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        Stamp stamp = stamp(top.host(), top.hasRport() && top.rport() < 0, source);
        if (stamp.isEmpty()) {
            return request;
        }
        Via stamped = top;
        if (stamp.received() != null) {
            stamped = stamped.withParam("received", stamp.received());
        }
        if (stamp.rport() != null) {
            stamped = stamped.withParam("rport", Integer.toString(stamp.rport()));
        }
        return request.toBuilder()
                .replaceFirstValue(HeaderNames.VIA, stamped.toString())
                .buildRequest();
    }

    private static boolean sameHost(String host, InetSocketAddress source) {
        if (source.getAddress() != null) {
            try {
                return InetAddress.ofLiteral(host).equals(source.getAddress());
            } catch (IllegalArgumentException notALiteral) {
                return false;
            }
        }
        return host.toLowerCase(Locale.ROOT).equals(source.getHostString().toLowerCase(Locale.ROOT));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
