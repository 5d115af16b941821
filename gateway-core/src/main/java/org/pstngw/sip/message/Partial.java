package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * Builds the partial request of a malformed one: its start line and its Via, From, To, Call-ID and CSeq fields as
 * received, so that the 400 can be addressed (RFC 3261 8.2.6.2 copies them even when one of them is the defect, as in
 * RFC 4475's badinv01). Control characters in the copied values are blanked, so nothing the peer sent can add a line
 * to the answer.
 */
final class Partial {
    private Partial() {}

    static SipRequest of(SipParser.Indexer ix) {
        String line = ix.startLineText();
        int sp = line.indexOf(' ');
        String method = sp > 0 ? line.substring(0, sp) : line;
        if (!Lexer.isToken(method)) {
            return null;
        }
        int sp2 = sp > 0 ? line.indexOf(' ', sp + 1) : -1;
        String uri = sp2 > sp + 1 ? line.substring(sp + 1, sp2) : "";
        byte[] probe = ("X " + uri + " SIP/2.0").getBytes(StandardCharsets.UTF_8);
        if (!StartLine.parse(probe, 0, probe.length).isRequest()) {
            uri = "sip:invalid";
        }
        SipMessageBuilder b = SipMessageBuilder.request(SipMethod.valueOf(method), uri);
        Wire w = ix.wire();
        for (int i = 0; i < ix.count; i++) {
            String name = null;
            if (w.is(i, HeaderNames.VIA, 'v')) {
                name = HeaderNames.VIA;
            } else if (w.is(i, HeaderNames.FROM, 'f')) {
                name = HeaderNames.FROM;
            } else if (w.is(i, HeaderNames.TO, 't')) {
                name = HeaderNames.TO;
            } else if (w.is(i, HeaderNames.CALL_ID, 'i')) {
                name = HeaderNames.CALL_ID;
            } else if (w.is(i, HeaderNames.CSEQ, (char) 0)) {
                name = HeaderNames.CSEQ;
            }
            if (name != null) {
                String v = sanitized(w.value(i)).strip();
                if (!v.isEmpty()) {
                    b.header(name, v);
                }
            }
        }
        try {
            return b.buildRequest();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String sanitized(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(v);
                }
                sb.setCharAt(i, ' ');
            }
        }
        return sb == null ? v : sb.toString();
    }
}
