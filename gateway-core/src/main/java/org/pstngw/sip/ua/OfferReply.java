package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import org.pstngw.sip.message.SipStatus;

/**
 * The application's reply to an offer in a re-INVITE or UPDATE (RFC 3264, RFC 3311): accept with its answer (a
 * re-INVITE without offer asks for one, so the 2xx then carries our offer), or reject with a final status such as 488
 * Not Acceptable Here, which leaves the session as it was.
 */
public sealed interface OfferReply {

    /** 200 OK with {@code body} (the answer, or our offer to an offerless re-INVITE), if any. */
    record Accept(Optional<Body> body) implements OfferReply {}

    /** A 300-699 final response with extra headers (Warning, Reason, ...). */
    record Reject(SipStatus status, List<Header> headers) implements OfferReply {
        public Reject {
            if (status.code() < 300 || status.code() > 699) {
                throw new IllegalArgumentException("not a rejection: " + status);
            }
            headers = List.copyOf(headers);
        }
    }

    static OfferReply accept(Body answer) {
        return new Accept(Optional.of(answer));
    }

    /** 200 without body (an UPDATE that only refreshes the target). */
    static OfferReply acceptWithoutBody() {
        return new Accept(Optional.empty());
    }

    /** 488 Not Acceptable Here. */
    static OfferReply notAcceptable() {
        return new Reject(SipStatus.NOT_ACCEPTABLE_HERE, List.of());
    }

    /** What an application that does not look at offers answers: 488 to an offer, 200 to a request without one. */
    static OfferReply byDefault(IncomingMessage request) {
        return request.body().isPresent() ? notAcceptable() : acceptWithoutBody();
    }
}
