package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;

/** An outgoing call (an INVITE this UA sent). Methods may be called from any thread. */
public interface ClientCall extends SessionCall {

    /** Cancels before the final response (CANCEL, section 9.1), or hangs up with BYE once answered. */
    @Override
    void hangup(List<Header> extraHeaders, Optional<Body> body);
}
