package org.pstngw.sip.ua;

import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.Ids;

/**
 * Responses of the UA core: To tagged (8.2.6.2) when the request's To had none, with our Server header when one is
 * configured.
 */
final class Replies {
    private final String server;

    Replies(String server) {
        this.server = server;
    }

    /** A response to {@code request} whose To carries {@code toTag} (or a fresh one when null and it had none). */
    SipMessageBuilder builder(SipRequest request, SipStatus status, String toTag) {
        String tag = toTag != null ? toTag : request.to().tag() == null ? Ids.tag() : null;
        SipMessageBuilder b = SipResponses.builder(request, status, tag);
        if (!server.isEmpty()) {
            b.header(Names.SERVER, server);
        }
        return b;
    }

    SipMessageBuilder builder(SipRequest request, SipStatus status) {
        return builder(request, status, null);
    }

    SipResponse of(SipRequest request, SipStatus status) {
        return builder(request, status).buildResponse();
    }
}
