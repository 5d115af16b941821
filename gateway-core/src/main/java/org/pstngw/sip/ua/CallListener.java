package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipMethod;

/**
 * What the application (later the interworking function) hears about calls. Called on the call's lane, one event at a
 * time per call; it must not block (hand blocking work elsewhere).
 */
public interface CallListener {

    /** A new incoming call: answer it through {@code call} now or later. */
    void onInvite(ServerCall call);

    /** The caller cancelled before the answer (the stack has sent 200 to CANCEL and 487 to the INVITE). */
    default void onCancel(ServerCall call, IncomingMessage cancel) {}

    /** The ACK for the 200 OK arrived: the call is confirmed. */
    default void onAck(ServerCall call, IncomingMessage ack) {}

    /** The caller hung up (the stack has answered 200 to the BYE). */
    default void onBye(ServerCall call, IncomingMessage bye) {}

    /** An INFO in the dialog (RFC 6086), with its body (the stack answers 200). */
    default void onInfo(ServerCall call, IncomingMessage info) {}

    /**
     * An UPDATE (RFC 3311) or re-INVITE (RFC 3261 14.2) from the caller, with its offer (or, a re-INVITE without body,
     * asking for ours: its answer comes to {@link #onAnswer}), or a PRACK with a new offer (RFC 3262 5): the stack
     * sends 200 with the reply's body, or the reply's rejection (488 keeps the session as it was). Glare and
     * overlapping offers are answered 491/500 by the stack before this is called.
     */
    default OfferReply onOffer(ServerCall call, IncomingMessage request) {
        return OfferReply.byDefault(request);
    }

    /**
     * The answer to an offer we made in a response: in the PRACK of a reliable provisional that carried our offer (RFC
     * 3262 5), or in the ACK of a 2xx that did (an INVITE or re-INVITE without offer, 13.2.1; for the initial INVITE this
     * comes just before {@link #onAck}).
     */
    default void onAnswer(ServerCall call, IncomingMessage message) {}

    /** The final response to our UPDATE, re-INVITE or INFO (or a local 408 timeout, 503 transport error, 491 refusal). */
    default void onRequestAnswered(ServerCall call, SipMethod method, IncomingMessage response) {}

    /**
     * The call ended for a reason other than BYE/CANCEL: no ACK within 64*T1, a transport error, an INVITE the
     * application left unanswered past its Expires or timer C, a reliable provisional never PRACKed, a request in the
     * dialog answered 481 or 408 (12.2.1.2), no ACK for the 2xx to a re-INVITE.
     */
    default void onFailure(ServerCall call, String why) {}
}
