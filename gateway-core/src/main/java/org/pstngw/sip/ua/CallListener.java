package org.pstngw.sip.ua;

import java.util.Optional;

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

    /** An UPDATE (RFC 3311) or re-INVITE target refresh with its offer; the stack answers 200 with {@code answer}. */
    default Optional<Body> onOffer(ServerCall call, IncomingMessage request) {
        return Optional.empty();
    }

    /** The call ended for a reason other than BYE/CANCEL (no ACK within 64*T1, transport error). */
    default void onFailure(ServerCall call, String why) {}
}
