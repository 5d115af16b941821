package org.pstngw.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.Param;
import org.pstngw.sip.message.Params;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.Via;

/**
 * What a server writes into the top Via of a received request (RFC 3261 18.2.1, RFC 3581 section 4), so that the
 * response goes back where the request came from and nowhere the client names:
 *
 * <ul>
 *   <li>"received" is the packet's source address when the sent-by host differs from it, or when rport is present;
 *       otherwise it is removed. A "received" the client wrote itself is never kept (it would choose where the response
 *       goes: reflection and amplification towards a third party).
 *   <li>"rport", when present with or without a value, is set to the packet's source port (a value the client wrote is
 *       overwritten).
 * </ul>
 */
public final class ViaStamping {
    private ViaStamping() {}

    private static final String RECEIVED = "received";
    private static final String RPORT = "rport";

    /**
     * The parameters to write.
     *
     * @param received the received value, or null to have none
     * @param rport the rport value, or null to leave rport absent
     */
    public record Stamp(String received, Integer rport) {}

    /**
     * The parameters for a request from {@code source}.
     *
     * @param sentByHost the Via's sent-by host (name or literal)
     * @param rport whether the Via carries an rport parameter, with or without a value
     * @param source the packet's source address
     */
    public static Stamp stamp(String sentByHost, boolean rport, InetSocketAddress source) {
        String sourceHost = source.getAddress() != null ? source.getAddress().getHostAddress() : source.getHostString();
        boolean differs = !sameHost(stripBrackets(sentByHost), source);
        return new Stamp(differs || rport ? sourceHost : null, rport ? source.getPort() : null);
    }

    /**
     * {@code request} with its top Via stamped for {@code source}; the same request when the Via already says exactly
     * that. Only the top Via value changes, also when it shares its field with further values ({@code Via: a, b}).
     */
    public static SipRequest apply(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        Stamp stamp = stamp(top.host(), top.hasRport(), source);
        Via stamped = stamp.received() != null ? top.withParam(RECEIVED, stamp.received()) : without(top, RECEIVED);
        if (stamp.rport() != null) {
            stamped = stamped.withParam(RPORT, Integer.toString(stamp.rport()));
        }
        if (stamped.equals(top)) {
            return request;
        }
        return request.toBuilder()
                .replaceFirstValue(HeaderNames.VIA, stamped.toString())
                .buildRequest();
    }

    private static Via without(Via via, String name) {
        if (!via.params().has(name)) {
            return via;
        }
        List<Param> kept = new ArrayList<>(via.params().list());
        kept.removeIf(p -> p.name().equalsIgnoreCase(name));
        return new Via(via.protocol(), via.transport(), via.host(), via.port(), new Params(kept));
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
