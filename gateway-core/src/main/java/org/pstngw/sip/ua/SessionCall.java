package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;

/**
 * What both ends of a call can do once a dialog exists. Every method may be called from any thread: the work is
 * handed to the call's lane, and outcomes come back through the call's listener.
 */
public interface SessionCall {

    /** The Call-ID, for logs and correlation. */
    String callId();

    /** Ends the call (CANCEL, a rejection or BYE depending on its state), with extra headers such as Reason. */
    void hangup(List<Header> extraHeaders, Optional<Body> body);

    /** Sends an INFO (RFC 6086) in the dialog, e.g. a SIP-I body carrying an ISUP message. */
    void sendInfo(Body body);

    /**
     * Sends an UPDATE (RFC 3311) with a new offer, in an early or confirmed dialog. Refused with a local 491 while an
     * offer is outstanding either way (RFC 3311 5.1).
     */
    void sendUpdate(Body offer);

    /**
     * Sends a re-INVITE (RFC 3261 14.1) with a new offer in the confirmed dialog. Refused with a local 491 while
     * another INVITE transaction (in either direction, the initial one until its ACK) or an offer is outstanding. The
     * stack ACKs the 2xx (and its retransmissions); the 2xx's Contact refreshes the remote target.
     */
    void sendReinvite(Body offer);
}
