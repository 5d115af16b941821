package org.pstngw.sip.transaction;

import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;

/** Requests the transaction layer derives from an INVITE it sent: the ACK of a non-2xx and the CANCEL. */
public final class DerivedRequests {
    private DerivedRequests() {}

    /**
     * The ACK for a non-2xx final response (17.1.1.3): the INVITE's Request-URI, top Via, Route, From, Call-ID and
     * CSeq number, the response's To (with the tag the UAS chose).
     */
    public static SipRequest ackForNonSuccess(SipRequest invite, SipResponse response) {
        return sameHop(SipMethod.ACK, invite)
                .header(HeaderNames.TO, response.header(HeaderNames.TO).orElseThrow())
                .header(HeaderNames.CALL_ID, invite.callId())
                .header(HeaderNames.CSEQ, invite.cseq().number() + " ACK")
                .buildRequest();
    }

    /** The CANCEL for {@code invite} (9.1): the same Request-URI, top Via, Route, From, To, Call-ID and CSeq number. */
    public static SipRequest cancelFor(SipRequest invite) {
        return sameHop(SipMethod.CANCEL, invite)
                .header(HeaderNames.TO, invite.header(HeaderNames.TO).orElseThrow())
                .header(HeaderNames.CALL_ID, invite.callId())
                .header(HeaderNames.CSEQ, invite.cseq().number() + " CANCEL")
                .buildRequest();
    }

    private static SipMessageBuilder sameHop(SipMethod method, SipRequest invite) {
        SipMessageBuilder b = SipMessageBuilder.request(method, invite.requestUriText())
                .header(HeaderNames.VIA, invite.headerValues(HeaderNames.VIA).getFirst());
        for (String route : invite.headerValues(HeaderNames.ROUTE)) {
            b.header(HeaderNames.ROUTE, route);
        }
        return b.header(HeaderNames.MAX_FORWARDS, "70")
                .header(HeaderNames.FROM, invite.header(HeaderNames.FROM).orElseThrow());
    }
}
