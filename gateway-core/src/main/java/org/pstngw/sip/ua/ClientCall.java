package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;

/** An outgoing call (an INVITE this UA sent). Methods may be called from any thread. */
public interface ClientCall {

    String callId();

    /** Cancels before the final response (CANCEL, section 9.1), or hangs up with BYE once answered. */
    void hangup(List<Header> extraHeaders, Optional<Body> body);

    /** Sends an INFO (RFC 6086) in the dialog. */
    void sendInfo(Body body);

    /** Sends an UPDATE (RFC 3311) with a new offer, e.g. before the answer. */
    void sendUpdate(Body offer);
}
