package org.pstngw.sip.message;

/** A URI in a SIP message: sip/sips (RFC 3261 19.1), tel (RFC 3966) or any other absolute URI kept as text. */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {
    String scheme();

    /** The URI exactly as written (escapes kept). */
    String raw();

    /** Parses {@code text}; returns an {@link AbsoluteUri} for an unknown scheme; throws only on no scheme. */
    static Uri parse(String text) {
        byte[] b = Bytes.utf8(text);
        return UriParser.parse(b, 0, b.length, true, text);
    }

    /** RFC 3261 19.1.4 comparison; for other schemes, case-insensitive text equality. */
    boolean equivalent(Uri other);

    /** Percent-decodes {@code s} (%HH); malformed escapes are kept as written. */
    static String unescape(String s) {
        int i = s.indexOf('%');
        if (i < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, i);
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                pending.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                if (pending.size() > 0) {
                    sb.append(pending.toString(java.nio.charset.StandardCharsets.UTF_8));
                    pending.reset();
                }
                sb.append(c);
            }
        }
        if (pending.size() > 0) {
            sb.append(pending.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
