package org.pstngw.sip.transaction;

import java.util.Locale;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.Via;
import org.pstngw.sip.transport.TransportType;

/**
 * Transaction identity, RFC 3261 17.1.3 (client) and 17.2.3 (server).
 *
 * <p>Server side, when the top Via branch starts with the magic cookie {@code z9hG4bK}: branch, sent-by and method,
 * where an ACK matches the INVITE it acknowledges (CANCEL is its own transaction and finds its INVITE through {@link
 * #cancelled()}). Without the cookie (an RFC 2543 client) the key falls back to the Call-ID, From tag, CSeq number and
 * the whole top Via, with ACK again folded into INVITE; the Request-URI and To tag of 17.2.3's rule are left out
 * because the ACK for a non-2xx may carry a To tag the INVITE had not.
 *
 * <p>Client side: the branch of the top Via and the CSeq method of the response.
 *
 * @param value the identity, compared case-insensitively where the RFC says so
 */
public record TransactionKey(String value) {

    /** RFC 3261's branch prefix that marks a globally unique branch. */
    public static final String MAGIC_COOKIE = Via.MAGIC_COOKIE;

    /** The key of a server transaction for a received request. */
    public static TransactionKey server(
            String branch, String sentBy, SipMethod method, String callId, String fromTag, long cseq, String topVia) {
        SipMethod m = SipMethod.ACK.equals(method) ? SipMethod.INVITE : method;
        if (branch != null && branch.startsWith(MAGIC_COOKIE)) {
            return new TransactionKey("S|" + branch + "|" + sentBy.toLowerCase(Locale.ROOT) + "|" + m);
        }
        return new TransactionKey("L|" + callId + "|" + fromTag + "|" + cseq + "|" + topVia + "|" + m);
    }

    /** The server key of a received (well-formed) request, from its top Via, Call-ID, From tag and CSeq. */
    public static TransactionKey server(SipRequest request) {
        Via top = request.topVia();
        int port = top.port() >= 0
                ? top.port()
                : TransportType.fromToken(top.transport())
                        .map(TransportType::defaultPort)
                        .orElse(5060);
        return server(
                top.branch(),
                top.host() + ":" + port,
                request.method(),
                request.callId(),
                request.from().tag(),
                request.cseq().number(),
                top.toString());
    }

    /** The key of a client transaction: branch and CSeq method. */
    public static TransactionKey client(String branch, SipMethod cseqMethod) {
        SipMethod m = SipMethod.ACK.equals(cseqMethod) ? SipMethod.INVITE : cseqMethod;
        return new TransactionKey("C|" + branch + "|" + m);
    }

    /** The client key of a request this UA sends (its top Via carries the branch). */
    public static TransactionKey client(SipRequest request) {
        return client(request.topVia().branch(), request.method());
    }

    /** The client key a received response matches, or null when its top Via has no branch. */
    public static TransactionKey client(SipResponse response) {
        String branch = response.topVia().branch();
        return branch == null ? null : client(branch, response.cseq().method());
    }

    /** For a CANCEL's server key: the key of the INVITE server transaction it cancels (9.2). */
    public TransactionKey cancelled() {
        if (!value.endsWith("|CANCEL")) {
            throw new IllegalStateException("not a CANCEL key: " + value);
        }
        return new TransactionKey(value.substring(0, value.length() - "CANCEL".length()) + "INVITE");
    }
}
