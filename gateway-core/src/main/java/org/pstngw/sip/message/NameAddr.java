package org.pstngw.sip.message;

/**
 * {@code ( name-addr / addr-spec ) *( SEMI param )} as in From, To, Contact, Route, Record-Route (RFC 3261 20).
 * {@code displayName} is as written (quotes kept) or null; {@code angle} tells whether the URI was in angle brackets.
 */
public record NameAddr(String displayName, Uri uri, boolean angle, Params params) {
    public static NameAddr parse(String value) {
        Lexer lx = new Lexer(value);
        lx.skipWs();
        String display = null;
        Uri uri;
        boolean angle;
        if (lx.peek() == '"') {
            display = lx.quoted();
            lx.skipWs();
            if (lx.peek() != '<') {
                throw new SipSyntaxException("expected '<' after display name");
            }
        } else if (value.indexOf('<') >= 0) {
            String d = lx.until("<").strip();
            if (!d.isEmpty()) {
                for (int i = 0; i < d.length(); i++) {
                    char c = d.charAt(i);
                    if (!Lexer.isTokenChar(c) && c != ' ' && c != '\t') {
                        throw new SipSyntaxException("invalid display name: " + d);
                    }
                }
                display = d;
            }
        }
        if (lx.accept('<')) {
            String text = lx.until(">");
            if (!lx.accept('>')) {
                throw new SipSyntaxException("missing '>' after URI");
            }
            uri = parseUri(text);
            angle = true;
        } else {
            String text = lx.until("; \t,");
            uri = parseUri(text);
            angle = false;
            if (uri instanceof SipUri s && (!s.headers().isEmpty())) {
                throw new SipSyntaxException("addr-spec with URI headers must be in angle brackets");
            }
        }
        Params params = lx.params();
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text after address: " + lx.rest());
        }
        return new NameAddr(display, uri, angle, params);
    }

    private static Uri parseUri(String text) {
        if (text.isEmpty() || text.indexOf(':') <= 0) {
            throw new SipSyntaxException("invalid URI: " + text);
        }
        return Uri.parse(text);
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(null, uri, true, Params.EMPTY);
    }

    public String tag() {
        return params.get("tag");
    }

    /** The display name without quotes and escapes, or null. */
    public String displayNameText() {
        if (displayName == null || !displayName.startsWith("\"")) {
            return displayName;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < displayName.length() - 1; i++) {
            char c = displayName.charAt(i);
            if (c == '\\' && i + 1 < displayName.length() - 1) {
                c = displayName.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    public NameAddr withTag(String tag) {
        return withParam("tag", tag);
    }

    public NameAddr withParam(String name, String value) {
        var ps = new java.util.ArrayList<>(params.list());
        ps.removeIf(p -> p.name().equalsIgnoreCase(name));
        ps.add(new Param(name, value));
        return new NameAddr(displayName, uri, angle || !ps.isEmpty(), new Params(ps));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (displayName != null) {
            sb.append(displayName).append(' ');
        }
        if (angle || displayName != null) {
            sb.append('<').append(uri.raw()).append('>');
        } else {
            sb.append(uri.raw());
        }
        return sb.append(params).toString();
    }
}
