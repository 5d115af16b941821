package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import org.pstngw.sip.message.SipStatus;

/**
 * An incoming call (a received INVITE) as the application drives it. Every method may be called from any thread: the
 * work is handed to the call's lane. A call is answered once ({@link #accept} or {@link #reject}); provisionals may
 * come before. Bodies are attached as they are (SDP, or SIP-I multipart with SDP and ISUP).
 */
public interface ServerCall extends SessionCall {

    /** The received INVITE's view. */
    IncomingMessage invite();

    /**
     * Sends a provisional response (180 from an ACM with subscriber free, 183 with early media, ...).
     *
     * @param status 101-199 (its reason phrase is sent)
     * @param reliable send it reliably (RFC 3262: Require 100rel, RSeq, retransmitted until PRACK) when the caller
     *     supports 100rel; ignored otherwise
     */
    void sendProvisional(SipStatus status, Optional<Body> body, boolean reliable);

    /** Answers 200 OK with {@code body} (the SDP answer, possibly in a SIP-I multipart). */
    default void accept(Optional<Body> body) {
        accept(List.of(), body);
    }

    /** Answers 200 OK with extra headers (P-Asserted-Identity, ...) and {@code body}. */
    void accept(List<Header> extraHeaders, Optional<Body> body);

    /** Rejects with a final 300-699 response, with optional extra headers (e.g. a Reason header) and body. */
    void reject(SipStatus status, List<Header> extraHeaders, Optional<Body> body);

    /**
     * Ends the call: before the answer, rejects with 480; once answered, sends BYE with optional extra headers (a
     * Reason header mapped from ISUP REL), but only after the ACK for the 2xx arrived or 64*T1 passed without it (RFC
     * 3261 15).
     */
    @Override
    void hangup(List<Header> extraHeaders, Optional<Body> body);
}
