package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.Ids;

/** Responses the UA core sends without a body of its own: To tagged (8.2.6.2) when the request's To had no tag. */
final class Replies {
    private Replies() {}

    static SipMessageBuilder builder(SipRequest request, SipStatus status) {
        return SipResponses.builder(request, status, request.to().tag() == null ? Ids.tag() : null);
    }

    static SipResponse of(SipRequest request, SipStatus status) {
        return builder(request, status).buildResponse();
    }
}
