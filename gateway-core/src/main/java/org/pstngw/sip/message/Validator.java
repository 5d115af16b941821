package org.pstngw.sip.message;

/**
 * Checks an indexed message: start line, Content-Length framing, and the headers every layer relies on. One pass over
 * the header index finds the fields the checks need; numbers are read from the bytes. The checks themselves, and the
 * defects they name, are those of RFC 3261 7 and 20 (singletons present once, Content-Length, Max-Forwards 0-255,
 * Expires below 2^32, Date in GMT, CSeq method equal to the request method, well-formed Via, From, To, Contact and
 * Request-URI).
 */
final class Validator {
    private Validator() {}

    /**
     * The digits of field {@code i} as a number when the value is 1 to {@code maxDigits} ASCII digits (and nothing
     * else, unfolded), else -1.
     */
    private static long digits(Wire w, int i, int maxDigits) {
        int k = i * 5;
        if (w.idx[k + 4] != 0) {
            return digitsOf(w.value(i).strip(), maxDigits);
        }
        int s = w.idx[k + 2];
        int e = w.idx[k + 3];
        if (e <= s || e - s > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int j = s; j < e; j++) {
            byte b = w.bytes[j];
            if (b < '0' || b > '9') {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }

    private static long digitsOf(String v, int maxDigits) {
        if (v.isEmpty() || v.length() > maxDigits) {
            return -1;
        }
        long n = 0;
        for (int j = 0; j < v.length(); j++) {
            char c = v.charAt(j);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Only ASCII digits (any number of them), as the Expires rule needs to tell "too large" from "not a number". */
    private static boolean allDigits(String v) {
        for (int j = 0; j < v.length(); j++) {
            if (v.charAt(j) < '0' || v.charAt(j) > '9') {
                return false;
            }
        }
        return !v.isEmpty();
    }

    static ParseResult validate(SipParser.Indexer ix, boolean stream) {
        StartLine sl = StartLine.parse(ix.in, ix.start, ix.startLineEnd);
        if (sl.error() != null) {
            return ix.malformed(sl.error(), sl.errorStatus());
        }
        Wire w = ix.wire();
        HeaderCensus at = ix.census;
        int available = ix.end - ix.bodyStart;
        int bodyEnd;
        if (at.contentLength < 0) {
            if (stream) {
                return ix.malformed("missing Content-Length on a stream transport", 400);
            }
            bodyEnd = ix.end;
        } else {
            long n = digits(w, at.contentLength, 9);
            if (n < 0) {
                String v = w.value(at.contentLength).strip();
                return allDigits(v)
                        ? ix.malformed("Content-Length " + v + " too large", 400)
                        : ix.malformed("invalid Content-Length " + v, 400);
            }
            int other = at.contentLengthCount > 1 ? w.find(HeaderNames.CONTENT_LENGTH, 'l', at.contentLength + 1) : -1;
            if (other >= 0
                    && !w.value(other).strip().equals(w.value(at.contentLength).strip())) {
                return ix.malformed("conflicting Content-Length headers", 400);
            }
            if (n > available) {
                return ix.malformed("Content-Length " + n + " exceeds body length " + available, 400);
            }
            bodyEnd = ix.bodyStart + (int) n;
        }
        String err = headers(w, at);
        if (err != null) {
            return ix.malformed(err, 400);
        }
        SipMessage m = ix.message(bodyEnd, sl);
        BaseMessage b = (BaseMessage) m;
        Wire mw = b.wire;
        try {
            if (mw.check(at.via, at.viaCount, HeaderNames.VIA, 'v', Via::parse) == 0) {
                return ix.malformed("missing Via", 400);
            }
        } catch (SipSyntaxException e) {
            return ix.malformed("invalid Via: " + e.getMessage(), 400);
        } catch (RuntimeException e) {
            return ix.malformed("invalid Via", 400);
        }
        try {
            mw.field(at.from, NameAddr::parse, false);
        } catch (SipSyntaxException e) {
            return ix.malformed("invalid From: " + e.getMessage(), 400);
        }
        try {
            mw.field(at.to, NameAddr::parse, false);
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
            String uriErr = r.checkRequestUri();
            if (uriErr != null) {
                return ix.malformed(uriErr, 400);
            }
            try {
                mw.check(at.contact, at.contactCount, HeaderNames.CONTACT, 'm', Contacts::parse);
            } catch (RuntimeException e) {
                return ix.malformed("invalid Contact: " + e.getMessage(), 400);
            }
        }
        b.checked = true;
        return new ParseResult.Parsed(m);
    }

    private static String headers(Wire w, HeaderCensus at) {
        if (at.via < 0) {
            return "missing Via";
        }
        String e = single(at.from, at.fromCount, HeaderNames.FROM);
        if (e == null) {
            e = single(at.to, at.toCount, HeaderNames.TO);
        }
        if (e == null) {
            e = single(at.callId, at.callIdCount, HeaderNames.CALL_ID);
        }
        if (e == null) {
            e = single(at.cseq, at.cseqCount, HeaderNames.CSEQ);
        }
        if (e != null) {
            return e;
        }
        if (blank(w, at.callId)) {
            return "empty Call-ID";
        }
        if (at.maxForwards >= 0) {
            long n = digits(w, at.maxForwards, 9);
            if (n < 0) {
                return "invalid Max-Forwards " + w.value(at.maxForwards).strip();
            }
            if (n > 255) {
                return "Max-Forwards " + w.value(at.maxForwards).strip() + " exceeds 255";
            }
        }
        if (at.expires >= 0) {
            String v = w.value(at.expires).strip();
            if (allDigits(v) && (v.length() > 10 || Long.parseLong(v) > 0xFFFFFFFFL)) {
                return "Expires " + v + " exceeds 2^32-1";
            }
        }
        if (at.date >= 0 && !w.value(at.date).strip().endsWith("GMT")) {
            return "Date not in GMT: " + w.value(at.date).strip();
        }
        return null;
    }

    private static boolean blank(Wire w, int i) {
        int k = i * 5;
        for (int j = w.idx[k + 2]; j < w.idx[k + 3]; j++) {
            byte c = w.bytes[j];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static String single(int first, int count, String name) {
        if (first < 0) {
            return "missing " + name;
        }
        return count > 1 ? "more than one " + name + " header" : null;
    }
}
