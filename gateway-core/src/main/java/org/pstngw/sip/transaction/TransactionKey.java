package org.pstngw.sip.transaction;

import java.util.Locale;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.Via;
import org.pstngw.sip.transport.TransportType;

/**
 * Transaction identity, RFC 3261 17.1.3 (client) and 17.2.3 (server), always within one Call-ID.
 *
 * <p>Server side, when the top Via branch starts with the magic cookie {@code z9hG4bK} ({@link Server}): branch,
 * sent-by and method, where an ACK matches the INVITE it acknowledges (CANCEL is its own transaction and finds its
 * INVITE through {@link #cancelled()}). Without the cookie (an RFC 2543 client, {@link Rfc2543}) the key falls back
 * to the From tag, CSeq number and the whole top Via, with ACK again folded into INVITE; the Request-URI and To tag of
 * 17.2.3's rule are left out because the ACK for a non-2xx may carry a To tag the INVITE had not.
 *
 * <p>Client side ({@link Client}): the branch of the top Via and the CSeq method of the response.
 *
 * <p>Every key also holds the Call-ID. The RFC's rules do not need it, but this stack runs each Call-ID on its own lane
 * (one thread per call, no locks): a request or response that reuses a branch under another Call-ID must not reach the
 * other call's transaction from the wrong thread. Such a message is simply a transaction of its own (or, a response, a
 * stray one).
 */
public sealed interface TransactionKey {

    /** RFC 3261's branch prefix that marks a globally unique branch. */
    String MAGIC_COOKIE = Via.MAGIC_COOKIE;

    /** The Call-ID the transaction belongs to. */
    String callId();

    /** A server transaction keyed by an RFC 3261 branch (17.2.3). */
    record Server(String callId, String branch, String sentBy, SipMethod method) implements TransactionKey {}

    /** A server transaction of an RFC 2543 client, without magic cookie (17.2.3's fallback). */
    record Rfc2543(String callId, String fromTag, long cseq, String topVia, SipMethod method)
            implements TransactionKey {}

    /** A client transaction: our branch and the method (17.1.3). */
    record Client(String callId, String branch, SipMethod method) implements TransactionKey {}

    /** The server key of a received request from the parts 17.2.3 compares. */
    static TransactionKey server(
            String branch, String sentBy, SipMethod method, String callId, String fromTag, long cseq, String topVia) {
        SipMethod m = SipMethod.ACK.equals(method) ? SipMethod.INVITE : method;
        if (branch != null && branch.startsWith(MAGIC_COOKIE)) {
            return new Server(callId, branch, sentBy.toLowerCase(Locale.ROOT), m);
        }
        return new Rfc2543(callId, fromTag, cseq, topVia, m);
    }

    /** The server key of a received (well-formed) request, from its top Via, Call-ID, From tag and CSeq. */
    static TransactionKey server(SipRequest request) {
        Via top = request.topVia();
        return server(
                top.branch(),
                top.host() + ":" + sentByPort(top),
                request.method(),
                request.callId(),
                request.from().tag(),
                request.cseq().number(),
                top.toString());
    }

    /** The port of a Via's sent-by: the one written, or the transport's default port (18.2.2). */
    static int sentByPort(Via via) {
        return via.port() >= 0
                ? via.port()
                : TransportType.fromToken(via.transport())
                        .map(TransportType::defaultPort)
                        .orElse(5060);
    }

    /** The key of a client transaction: Call-ID, branch and CSeq method. */
    static TransactionKey client(String callId, String branch, SipMethod cseqMethod) {
        SipMethod m = SipMethod.ACK.equals(cseqMethod) ? SipMethod.INVITE : cseqMethod;
        return new Client(callId, branch, m);
    }

    /** The client key of a request this UA sends (its top Via carries the branch). */
    static TransactionKey client(SipRequest request) {
        return client(request.callId(), request.topVia().branch(), request.method());
    }

    /** The client key a received response matches, or null when its top Via has no branch. */
    static TransactionKey client(SipResponse response) {
        String branch = response.topVia().branch();
        return branch == null
                ? null
                : client(response.callId(), branch, response.cseq().method());
    }

    /**
     * For a CANCEL's server key: the key of the INVITE server transaction it cancels (9.2), which has the same branch,
     * sent-by (or From tag, CSeq number and Via) and Call-ID.
     *
     * @throws IllegalStateException for a key that is not a CANCEL's server key
     */
    default TransactionKey cancelled() {
        return switch (this) {
            case Server s
            when s.method().equals(SipMethod.CANCEL) ->
                new Server(s.callId(), s.branch(), s.sentBy(), SipMethod.INVITE);
            case Rfc2543 l
            when l.method().equals(SipMethod.CANCEL) ->
                new Rfc2543(l.callId(), l.fromTag(), l.cseq(), l.topVia(), SipMethod.INVITE);
            default -> throw new IllegalStateException("not a CANCEL's server key: " + this);
        };
    }
}
