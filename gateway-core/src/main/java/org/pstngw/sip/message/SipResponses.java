package org.pstngw.sip.message;

import java.util.List;
import java.util.Locale;

/** Builds responses to requests as RFC 3261 8.2.6 and 12.1.1 say. */
public final class SipResponses {
    private SipResponses() {}

    /**
     * A response to {@code request}: all Via fields in order, From, Call-ID and CSeq copied, To copied with
     * {@code toTag} added when the request's To has no tag and the status is above 100 ({@code toTag} may be null),
     * and for 101-299 the Record-Route fields in order (12.1.1: a response that may establish a dialog carries them
     * back). Works on the partial request of a {@link ParseResult.Malformed} too (copies what it has).
     */
    public static SipMessageBuilder builder(SipRequest request, int status, String reason, String toTag) {
        SipMessageBuilder b = SipMessageBuilder.response(status, reason);
        for (String via : request.headerValues(HeaderNames.VIA)) {
            b.header(HeaderNames.VIA, via);
        }
        if (status > 100 && status < 300) {
            for (String rr : request.headerValues(HeaderNames.RECORD_ROUTE)) {
                b.header(HeaderNames.RECORD_ROUTE, rr);
            }
        }
        request.header(HeaderNames.FROM).ifPresent(v -> b.header(HeaderNames.FROM, v));
        request.header(HeaderNames.TO).ifPresent(v -> {
            String to = v;
            if (toTag != null && status > 100 && !hasTag(v)) {
                to = v + ";tag=" + toTag;
            }
            b.header(HeaderNames.TO, to);
        });
        request.header(HeaderNames.CALL_ID).ifPresent(v -> b.header(HeaderNames.CALL_ID, v));
        request.header(HeaderNames.CSEQ).ifPresent(v -> b.header(HeaderNames.CSEQ, v));
        if (status == 100) {
            request.header("Timestamp").ifPresent(v -> b.header("Timestamp", v));
        }
        return b;
    }

    public static SipMessageBuilder builder(SipRequest request, SipStatus status, String toTag) {
        return builder(request, status.code(), status.reason(), toTag);
    }

    public static SipResponse create(SipRequest request, int status, String reason, String toTag) {
        return builder(request, status, reason, toTag).buildResponse();
    }

    public static SipResponse create(SipRequest request, SipStatus status, String toTag) {
        return create(request, status.code(), status.reason(), toTag);
    }

    /**
     * The answer to a malformed request: its status (400, 505, 413, 414) with the defect in the reason phrase, or
     * null when it cannot be addressed (Via, From, To, Call-ID or CSeq unreadable) or must not be answered (an ACK).
     */
    public static SipResponse answer(ParseResult.Malformed malformed, String toTag) {
        if (!malformed.answerable() || malformed.partialRequest().isAck()) {
            return null;
        }
        String reason = SipStatus.valueOf(malformed.status()).reason() + " (" + phrase(malformed.reason()) + ")";
        return create(malformed.partialRequest(), malformed.status(), reason, toTag);
    }

    private static String phrase(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 100));
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return sb.toString();
    }

    private static boolean hasTag(String to) {
        try {
            return NameAddr.parse(to).tag() != null;
        } catch (RuntimeException e) {
            return List.of(to.split(";", -1)).stream()
                    .anyMatch(p -> p.strip().toLowerCase(Locale.ROOT).startsWith("tag="));
        }
    }
}
