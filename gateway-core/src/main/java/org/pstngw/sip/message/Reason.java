package org.pstngw.sip.message;

/** One Reason value (RFC 3326): protocol (SIP, Q.850, ...), cause and optional text. */
public record Reason(String protocol, int cause, String text, Params params) {
    public static Reason parse(String value) {
        Lexer lx = new Lexer(value);
        String proto = lx.token("reason protocol");
        Params p = lx.params();
        String c = p.get("cause");
        int cause = -1;
        if (c != null) {
            try {
                cause = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw new SipSyntaxException("invalid Reason cause: " + c);
            }
        }
        String t = p.get("text");
        if (t != null && t.length() >= 2 && t.startsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return new Reason(proto, cause, t, p);
    }

    @Override
    public String toString() {
        return protocol + params;
    }
}
