package org.pstngw.sip.ua;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.transport.TransportType;

/**
 * Everything the UA core decides about a request it sends (8.1.1, 12.2.1.1); {@link #toRequest()} writes it.
 *
 * <p>Within a dialog the Request-URI and routes come from {@link DialogRouting} (loose and strict routing, 12.2.1.1).
 *
 * @param method the method
 * @param requestUri the Request-URI
 * @param viaTransport the transport of the top Via
 * @param viaHost sent-by host (bracketed when IPv6)
 * @param viaPort sent-by port
 * @param branch the branch (magic cookie first)
 * @param from From without tag
 * @param fromTag From tag
 * @param to To without tag
 * @param toTag To tag, null outside a dialog ("" for a peer that sent none, RFC 3261 12.1.2: no tag is written)
 * @param callId Call-ID
 * @param cseq CSeq number
 * @param contact Contact value, null for none
 * @param routes Route values, in order
 * @param headers further headers
 * @param body the body, if any
 */
public record RequestSpec(
        SipMethod method,
        Uri requestUri,
        TransportType viaTransport,
        String viaHost,
        int viaPort,
        String branch,
        NameAddr from,
        String fromTag,
        NameAddr to,
        String toTag,
        String callId,
        long cseq,
        String contact,
        List<NameAddr> routes,
        List<Header> headers,
        Optional<Body> body) {
    public RequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        routes = List.copyOf(routes);
        headers = List.copyOf(headers);
    }

    /** The request: Via with branch and rport (RFC 3581), Route, Max-Forwards 70, From, To, Call-ID, CSeq, ... */
    public SipRequest toRequest() {
        SipMessageBuilder b = SipMessageBuilder.request(method, requestUri)
                .header(
                        HeaderNames.VIA,
                        "SIP/2.0/" + viaTransport.viaToken() + " " + viaHost + ":" + viaPort + ";branch=" + branch
                                + ";rport");
        for (NameAddr route : routes) {
            b.header(HeaderNames.ROUTE, route.toString());
        }
        b.header(HeaderNames.MAX_FORWARDS, "70")
                .header(
                        HeaderNames.FROM,
                        fromTag.isEmpty()
                                ? from.toString()
                                : from.withTag(fromTag).toString())
                .header(
                        HeaderNames.TO,
                        toTag == null || toTag.isEmpty()
                                ? to.toString()
                                : to.withTag(toTag).toString())
                .header(HeaderNames.CALL_ID, callId)
                .header(HeaderNames.CSEQ, cseq + " " + method);
        if (contact != null) {
            b.header(HeaderNames.CONTACT, contact);
        }
        for (Header h : headers) {
            b.header(h.name(), h.value());
        }
        body.ifPresent(x -> b.body(x.contentType(), x.bytes()));
        return b.buildRequest();
    }
}
