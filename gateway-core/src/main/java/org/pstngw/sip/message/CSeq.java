package org.pstngw.sip.message;

/** CSeq (RFC 3261 20.16): a 32-bit sequence number and the request method. */
public record CSeq(long number, SipMethod method) {
    public static CSeq parse(String value) {
        byte[] b = Bytes.utf8(value);
        return parse(b, 0, b.length);
    }

    private static final boolean[] BLANK = Lexer.stops(" \t");

    /** Parses {@code b[from, to)}; a known method is found without building a string. */
    static CSeq parse(byte[] b, int from, int to) {
        Lexer lx = new Lexer(b, from, to);
        lx.skipWs();
        int ds = lx.skipUntil(BLANK);
        int de = lx.pos();
        long n = de == ds || de - ds > 10 ? -1 : 0;
        for (int i = ds; n >= 0 && i < de; i++) {
            int c = b[i];
            n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1;
        }
        if (n < 0) {
            throw new SipSyntaxException("invalid CSeq number: " + Bytes.text(b, ds, de));
        }
        if (n > 0xFFFFFFFFL) {
            throw new SipSyntaxException("CSeq number out of range: " + Bytes.text(b, ds, de));
        }
        int me = Bytes.stripEnd(b, de, to);
        int ms = Bytes.stripStart(b, de, me);
        if (!Lexer.isToken(b, ms, me)) {
            throw new SipSyntaxException("invalid CSeq method: " + Bytes.text(b, ms, me));
        }
        return new CSeq(n, SipMethod.of(b, ms, me));
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
