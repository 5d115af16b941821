package org.pstngw.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

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
