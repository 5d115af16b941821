package org.pstngw.sip.message;

import java.util.Optional;

/** What parsing bytes gave: a message, or the named defect with what is needed to answer it. */
public sealed interface ParseResult {
    /** A well-formed message. */
    record Parsed(SipMessage message) implements ParseResult {}

    /**
     * Malformed input. {@code reason} names the defect; {@code status} is the response a UAS should send (400, or 505
     * for an unsupported version, 413 for an oversize message); {@code request} tells whether the input looked like a
     * request; {@code partial} is a request holding the start line and the Via, From, To, Call-ID and CSeq fields as
     * received (even when one of them is the defect), from which {@link SipResponses#create} builds the answer.
     */
    record Malformed(String reason, int status, boolean request, SipRequest partialRequest) implements ParseResult {
        public Optional<SipRequest> partial() {
            return Optional.ofNullable(partialRequest);
        }

        /** True when a response can be addressed: the partial request has Via, From, To, Call-ID and CSeq. */
        public boolean answerable() {
            return partialRequest != null && partialRequest.hasAnswerHeaders();
        }
    }
}
