package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;

/** Events of an outgoing call, on the call's lane. */
public interface ClientCallListener {

    /** A provisional response (18x): map to ACM/CPG. Reliable ones have already been PRACKed by the stack. */
    default void onProvisional(ClientCall call, IncomingMessage response) {}

    /** The 2xx answer (the stack has sent the ACK): map to ANM. */
    default void onAnswered(ClientCall call, IncomingMessage response) {}

    /** A final 3xx-6xx, or a timeout (status 408) or transport error (status 503) synthesised locally. */
    default void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {}

    /** The far end hung up (the stack has answered 200 to the BYE). */
    default void onBye(ClientCall call, IncomingMessage bye) {}

    /** An INFO from the far end (the stack answers 200). */
    default void onInfo(ClientCall call, IncomingMessage info) {}

    /**
     * An UPDATE or re-INVITE from the far end with an offer (or a re-INVITE asking for ours): the stack sends 200 with
     * the reply's body, or its rejection (488). Glare and overlapping offers are answered 491/500 before this is called.
     */
    default OfferReply onOffer(ClientCall call, IncomingMessage request) {
        return OfferReply.byDefault(request);
    }

    /**
     * The final response to our UPDATE, re-INVITE or INFO, with the answer body if any (or a local 408 timeout, 503
     * transport error, 491 refusal).
     */
    default void onRequestAnswered(ClientCall call, SipMethod method, IncomingMessage response) {}

    /** The call is over after our own hangup (BYE answered or CANCEL completed). */
    default void onEnded(ClientCall call) {}
}
