package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;

/** Events of an outgoing call, on the call's lane. */
public interface ClientCallListener {

    /**
     * A provisional response (18x): map to ACM/CPG. Reliable ones have already been PRACKed by the stack (with the
     * answer {@link #onOffer} gave when they carried an offer), and a retransmitted or out-of-order one is not reported.
     */
    default void onProvisional(ClientCall call, IncomingMessage response) {}

    /** The 2xx answer (the stack has sent the ACK, with the answer {@link #onOffer} gave to an offer in it): ANM. */
    default void onAnswered(ClientCall call, IncomingMessage response) {}

    /**
     * A final 3xx-6xx, or one synthesised locally: 408 for a timeout (timer B, or timer C after a provisional, when the
     * stack has sent CANCEL), 503 for a transport error, 487 for a CANCEL that got no final response within 64*T1.
     * After our own hangup, {@link #onEnded} follows.
     */
    default void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {}

    /** The far end hung up (the stack has answered 200 to the BYE). */
    default void onBye(ClientCall call, IncomingMessage bye) {}

    /** An INFO from the far end (the stack answers 200). */
    default void onInfo(ClientCall call, IncomingMessage info) {}

    /**
     * An offer from the far end: in an UPDATE or re-INVITE (or a re-INVITE asking for ours), where the stack sends 200
     * with the reply's body or its rejection (488), glare and overlapping offers being answered 491/500 before this is
     * called; or, to our INVITE without offer (13.2.1), in a reliable provisional (the reply's body goes in the PRACK,
     * RFC 3262 5) or the 2xx (it goes in the ACK, 13.2.2.4). Rejecting such an offer ends the call (CANCEL, or BYE after
     * the ACK).
     */
    default OfferReply onOffer(ClientCall call, IncomingMessage message) {
        return OfferReply.byDefault(message);
    }

    /** The answer to an offer we made in the 2xx to the far end's re-INVITE without offer, carried by its ACK. */
    default void onAnswer(ClientCall call, IncomingMessage ack) {}

    /**
     * The final response to our UPDATE, re-INVITE or INFO, with the answer body if any (or a local 408 timeout, 503
     * transport error, 491 refusal).
     */
    default void onRequestAnswered(ClientCall call, SipMethod method, IncomingMessage response) {}

    /** The call is over after our own hangup (BYE answered or CANCEL completed), always once. */
    default void onEnded(ClientCall call) {}

    /**
     * The answered call ended for another reason: a request in the dialog answered 481 or 408 or not at all (12.2.1.2),
     * no ACK for the 2xx to the far end's re-INVITE (13.3.1.4).
     */
    default void onFailure(ClientCall call, String why) {}
}
