package org.pstngw.sip.message;

/** Builds the partial request of a malformed one: its start line and the well-formed Via/From/To/Call-ID/CSeq. */
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
        String uri = sp2 > sp + 1 ? line.substring(sp + 1, sp2) : "sip:invalid";
        if (uri.isEmpty() || uri.indexOf(' ') >= 0) {
            uri = "sip:invalid";
        }
        SipMessageBuilder b = SipMessageBuilder.request(SipMethod.valueOf(method), uri);
        Wire w = new Wire(ix.in, 0, ix.idx, ix.count, 0, 0);
        for (int i = 0; i < ix.count; i++) {
            String v = w.value(i);
            if (w.is(i, HeaderNames.VIA, 'v')) {
                if (ok(() -> Lexer.splitList(v).forEach(Via::parse))) {
                    b.header(HeaderNames.VIA, v);
                }
            } else if (w.is(i, HeaderNames.FROM, 'f')) {
                if (ok(() -> NameAddr.parse(v))) {
                    b.header(HeaderNames.FROM, v);
                }
            } else if (w.is(i, HeaderNames.TO, 't')) {
                if (ok(() -> NameAddr.parse(v))) {
                    b.header(HeaderNames.TO, v);
                }
            } else if (w.is(i, HeaderNames.CALL_ID, 'i')) {
                if (!v.isBlank()) {
                    b.header(HeaderNames.CALL_ID, v);
                }
            } else if (w.is(i, HeaderNames.CSEQ, (char) 0)) {
                if (ok(() -> CSeq.parse(v))) {
                    b.header(HeaderNames.CSEQ, v);
                }
            }
        }
        try {
            return b.buildRequest();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean ok(Runnable r) {
        try {
            r.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
