package org.pstngw.sip.message;

/** CSeq (RFC 3261 20.16): a 32-bit sequence number and the request method. */
public record CSeq(long number, SipMethod method) {
    public static CSeq parse(String value) {
        Lexer lx = new Lexer(value);
        lx.skipWs();
        String digits = lx.until(" \t");
        long n = digits.isEmpty() || digits.length() > 10 ? -1 : 0;
        for (int i = 0; n >= 0 && i < digits.length(); i++) {
            char c = digits.charAt(i);
            n = c >= '0' && c <= '9' ? n * 10 + (c - '0') : -1;
        }
        if (n < 0) {
            throw new SipSyntaxException("invalid CSeq number: " + digits);
        }
        if (n > 0xFFFFFFFFL) {
            throw new SipSyntaxException("CSeq number out of range: " + digits);
        }
        String m = lx.rest().strip();
        if (!Lexer.isToken(m)) {
            throw new SipSyntaxException("invalid CSeq method: " + m);
        }
        return new CSeq(n, SipMethod.valueOf(m));
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
