package org.pstngw.sip.message;

/**
 * {@link Uri#parse} on bytes: the scheme check, then a sip or sips URI (whose character checks and structure take one
 * pass, see {@link SipUri}), a {@link TelUri} or an {@link AbsoluteUri}, after the whitespace check.
 */
final class UriParser {
    private UriParser() {}

    /**
     * Parses {@code b[s, e)}; returns the URI when {@code build}, else null. {@code raw} is its text when the caller
     * has it, else null. The checks and the errors do not depend on {@code build}.
     */
    static Uri parse(byte[] b, int s, int e, boolean build, String raw) {
        int colon = Bytes.indexOf(b, ':', s, e);
        if (colon <= s) {
            throw new SipSyntaxException("not a URI: " + text(b, s, e, raw));
        }
        for (int i = s; i < colon; i++) {
            int c = b[i];
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > s && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                throw new SipSyntaxException("invalid URI scheme: " + text(b, s, e, raw));
            }
        }
        boolean sips = colon - s == 4 && Bytes.isIgnoreCase(b, s, colon, "sips");
        if (sips || (colon - s == 3 && Bytes.isIgnoreCase(b, s, colon, "sip"))) {
            return SipUri.parse(b, s, colon, e, sips, build, raw);
        }
        for (int i = colon; i < e; i++) {
            if ((b[i] & 0xff) <= ' ') {
                throw new SipSyntaxException("whitespace in URI: " + text(b, s, e, raw));
            }
        }
        if (colon - s == 3 && Bytes.isIgnoreCase(b, s, colon, "tel")) {
            TelUri t = TelUri.parse(text(b, s, e, raw));
            return build ? t : null;
        }
        return build ? new AbsoluteUri(Bytes.text(b, s, colon), text(b, s, e, raw)) : null;
    }

    private static String text(byte[] b, int s, int e, String raw) {
        return raw != null ? raw : Bytes.text(b, s, e);
    }
}
