package org.pstngw.sip.message;

/** Checks an indexed message: start line, Content-Length framing, and the headers every layer relies on. */
final class Validator {
    private Validator() {}

    static ParseResult validate(SipParser.Indexer ix, boolean stream) {
        StartLine sl = StartLine.parse(ix.in, ix.start, ix.startLineEnd);
        if (sl.error() != null) {
            return ix.malformed(sl.error(), sl.errorStatus());
        }
        Wire w = new Wire(ix.in, 0, ix.idx, ix.count, 0, 0);
        int available = ix.end - ix.bodyStart;
        int bodyEnd;
        int cl = w.find(HeaderNames.CONTENT_LENGTH, 'l', 0);
        if (cl < 0) {
            if (stream) {
                return ix.malformed("missing Content-Length on a stream transport", 400);
            }
            bodyEnd = ix.end;
        } else {
            String v = w.value(cl).strip();
            if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return ix.malformed("invalid Content-Length " + v, 400);
            }
            if (v.length() > 9) {
                return ix.malformed("Content-Length " + v + " too large", 400);
            }
            int n = Integer.parseInt(v);
            int other = w.find(HeaderNames.CONTENT_LENGTH, 'l', cl + 1);
            if (other >= 0 && !w.value(other).strip().equals(v)) {
                return ix.malformed("conflicting Content-Length headers", 400);
            }
            if (n > available) {
                return ix.malformed("Content-Length " + n + " exceeds body length " + available, 400);
            }
            bodyEnd = ix.bodyStart + n;
        }
        String err = headers(w, sl);
        if (err != null) {
            return ix.malformed(err, 400);
        }
        SipMessage m = ix.message(bodyEnd, sl);
        BaseMessage b = (BaseMessage) m;
        try {
            b.vias();
        } catch (SipSyntaxException e) {
            return ix.malformed("invalid Via: " + e.getMessage(), 400);
        } catch (RuntimeException e) {
            return ix.malformed("invalid Via", 400);
        }
        try {
            b.from();
        } catch (SipSyntaxException e) {
            return ix.malformed("invalid From: " + e.getMessage(), 400);
        }
        try {
            b.to();
        } catch (SipSyntaxException e) {
            return ix.malformed("invalid To: " + e.getMessage(), 400);
        }
        CSeq cseq;
        try {
            cseq = b.cseq();
        } catch (SipSyntaxException e) {
            return ix.malformed(e.getMessage(), 400);
        }
        if (m instanceof SipRequest r) {
            if (!cseq.method().equals(r.method())) {
                return ix.malformed(
                        "CSeq method " + cseq.method() + " does not match request method " + r.method(), 400);
            }
            String uriErr = requestUri(r);
            if (uriErr != null) {
                return ix.malformed(uriErr, 400);
            }
            try {
                b.contacts();
            } catch (RuntimeException e) {
                return ix.malformed("invalid Contact: " + e.getMessage(), 400);
            }
        }
        return new ParseResult.Parsed(m);
    }

    private static String requestUri(SipRequest r) {
        try {
            Uri u = r.requestUri();
            if (u instanceof SipUri s && !s.headers().isEmpty()) {
                return "Request-URI contains headers: " + s.raw();
            }
            return null;
        } catch (RuntimeException e) {
            return "invalid Request-URI: " + e.getMessage();
        }
    }

    private static String headers(Wire w, StartLine sl) {
        if (w.find(HeaderNames.VIA, 'v', 0) < 0) {
            return "missing Via";
        }
        String e = single(w, HeaderNames.FROM, 'f');
        if (e == null) {
            e = single(w, HeaderNames.TO, 't');
        }
        if (e == null) {
            e = single(w, HeaderNames.CALL_ID, 'i');
        }
        if (e == null) {
            e = single(w, HeaderNames.CSEQ, (char) 0);
        }
        if (e != null) {
            return e;
        }
        if (w.value(w.find(HeaderNames.CALL_ID, 'i', 0)).isBlank()) {
            return "empty Call-ID";
        }
        int mf = w.find(HeaderNames.MAX_FORWARDS, (char) 0, 0);
        if (mf >= 0) {
            String v = w.value(mf).strip();
            if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "invalid Max-Forwards " + v;
            }
            if (Integer.parseInt(v) > 255) {
                return "Max-Forwards " + v + " exceeds 255";
            }
        }
        int ex = w.find(HeaderNames.EXPIRES, (char) 0, 0);
        if (ex >= 0) {
            String v = w.value(ex).strip();
            if (!v.isEmpty()
                    && v.chars().allMatch(c -> c >= '0' && c <= '9')
                    && (v.length() > 10 || Long.parseLong(v) > 0xFFFFFFFFL)) {
                return "Expires " + v + " exceeds 2^32-1";
            }
        }
        int date = w.find("Date", (char) 0, 0);
        if (date >= 0 && !w.value(date).strip().endsWith("GMT")) {
            return "Date not in GMT: " + w.value(date).strip();
        }
        return null;
    }

    private static String single(Wire w, String name, char compact) {
        int i = w.find(name, compact, 0);
        if (i < 0) {
            return "missing " + name;
        }
        if (w.find(name, compact, i + 1) >= 0) {
            return "more than one " + name + " header";
        }
        return null;
    }
}
