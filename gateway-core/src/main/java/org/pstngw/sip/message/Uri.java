package org.pstngw.sip.message;

/** A URI in a SIP message: sip/sips (RFC 3261 19.1), tel (RFC 3966) or any other absolute URI kept as text. */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {
    String scheme();

    /** The URI exactly as written (escapes kept). */
    String raw();

    /** Parses {@code text}; returns an {@link AbsoluteUri} for an unknown scheme; throws only on no scheme. */
    static Uri parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SipSyntaxException("not a URI: " + text);
        }
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                throw new SipSyntaxException("invalid URI scheme: " + text);
            }
        }
        for (int i = colon; i < text.length(); i++) {
            if (text.charAt(i) <= ' ') {
                throw new SipSyntaxException("whitespace in URI: " + text);
            }
        }
        if ((colon == 3 && text.regionMatches(true, 0, "sip", 0, 3))
                || (colon == 4 && text.regionMatches(true, 0, "sips", 0, 4))) {
            return SipUri.parse(text);
        }
        if (colon == 3 && text.regionMatches(true, 0, "tel", 0, 3)) {
            return TelUri.parse(text);
        }
        return new AbsoluteUri(text.substring(0, colon), text);
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
