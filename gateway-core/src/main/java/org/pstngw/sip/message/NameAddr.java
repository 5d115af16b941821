package org.pstngw.sip.message;

/**
 * {@code ( name-addr / addr-spec ) *( SEMI param )} as in From, To, Contact, Route, Record-Route (RFC 3261 20).
 * {@code displayName} is as written (quotes kept) or null; {@code angle} tells whether the URI was in angle brackets.
 */
public record NameAddr(String displayName, Uri uri, boolean angle, Params params) {
    public static NameAddr parse(String value) {
        byte[] b = Bytes.utf8(value);
        return parse(b, 0, b.length, true);
    }

    private static final boolean[] ADDR_SPEC_END = Lexer.stops("; \t,");

    /**
     * Checks the address {@code b[from, to)}; returns it when {@code build}, else null. The checks and the errors do
     * not depend on {@code build}.
     */
    static NameAddr parse(byte[] b, int from, int to, boolean build) {
        Lexer lx = new Lexer(b, from, to);
        lx.skipWs();
        int ds = -1;
        int de = -1;
        Uri uri;
        boolean angle;
        if (lx.peek() == '"') {
            ds = lx.skipQuoted();
            de = lx.pos();
            lx.skipWs();
            if (lx.peek() != '<') {
                throw new SipSyntaxException("expected '<' after display name");
            }
        } else if (Bytes.indexOf(b, '<', from, to) >= 0) {
            int s = lx.skipTo('<');
            int e = Bytes.stripEnd(b, s, lx.pos());
            s = Bytes.stripStart(b, s, e);
            if (s < e) {
                for (int i = s; i < e; i++) {
                    byte c = b[i];
                    if (!Lexer.isTokenByte(c) && c != ' ' && c != '\t') {
                        throw new SipSyntaxException("invalid display name: " + Bytes.text(b, s, e));
                    }
                }
                ds = s;
                de = e;
            }
        }
        if (lx.accept('<')) {
            int us = lx.skipTo('>');
            int ue = lx.pos();
            if (!lx.accept('>')) {
                throw new SipSyntaxException("missing '>' after URI");
            }
            uri = parseUri(b, us, ue, build);
            angle = true;
        } else {
            int us = lx.skipUntil(ADDR_SPEC_END);
            int ue = lx.pos();
            uri = parseUri(b, us, ue, build);
            angle = false;
            if (build ? uri instanceof SipUri s && !s.headers().isEmpty() : SipUri.hasHeaders(b, us, ue)) {
                throw new SipSyntaxException("addr-spec with URI headers must be in angle brackets");
            }
        }
        Params params = lx.params(build);
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text after address: " + lx.rest());
        }
        if (!build) {
            return null;
        }
        return new NameAddr(ds < 0 ? null : Bytes.text(b, ds, de), uri, angle, params);
    }

    private static Uri parseUri(byte[] b, int s, int e, boolean build) {
        int colon = Bytes.indexOf(b, ':', s, e);
        if (s == e || colon <= s) {
            throw new SipSyntaxException("invalid URI: " + Bytes.text(b, s, e));
        }
        return UriParser.parse(b, s, e, build, null);
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
