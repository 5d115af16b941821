package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import org.pstngw.sip.transport.TransportType;

/**
 * Everything the UA core decides about a request it sends; the message model turns it into a request.
 *
 * @param method the method
 * @param requestUri the Request-URI
 * @param viaTransport the transport of the top Via
 * @param viaHost sent-by host
 * @param viaPort sent-by port
 * @param branch the branch (magic cookie first)
 * @param from From as name-addr without tag
 * @param fromTag From tag
 * @param to To as name-addr without tag
 * @param toTag To tag, null outside a dialog
 * @param callId Call-ID
 * @param cseq CSeq number
 * @param contact Contact URI, null for none
 * @param routes Route values, in order
 * @param headers further headers
 * @param body the body, if any
 */
public record RequestSpec(
        String method,
        String requestUri,
        TransportType viaTransport,
        String viaHost,
        int viaPort,
        String branch,
        String from,
        String fromTag,
        String to,
        String toTag,
        String callId,
        long cseq,
        String contact,
        List<String> routes,
        List<Header> headers,
        Optional<Body> body) {
    public RequestSpec {
        routes = List.copyOf(routes);
        headers = List.copyOf(headers);
    }
}
