package org.pstngw.sip.message;

import java.util.Locale;

/** Content-Type (RFC 3261 20.15): type/subtype (lower-cased) and parameters. */
public record MediaType(String type, String subtype, Params params) {
    public static MediaType parse(String value) {
        Lexer lx = new Lexer(value);
        String t = lx.token("media type");
        lx.expect('/', "in media type");
        String s = lx.token("media subtype");
        Params p = lx.params();
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text in media type: " + lx.rest());
        }
        return new MediaType(t.toLowerCase(Locale.ROOT), s.toLowerCase(Locale.ROOT), p);
    }

    public boolean is(String type, String subtype) {
        return this.type.equalsIgnoreCase(type) && this.subtype.equalsIgnoreCase(subtype);
    }

    /** A parameter value without surrounding quotes (e.g. the multipart boundary), or null. */
    public String param(String name) {
        String v = params.get(name);
        return v != null && v.length() >= 2 && v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    @Override
    public String toString() {
        return type + "/" + subtype + params;
    }
}
