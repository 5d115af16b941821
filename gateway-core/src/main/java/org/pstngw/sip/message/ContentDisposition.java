package org.pstngw.sip.message;

/** Content-Disposition (RFC 3261 20.11): disposition type and parameters such as handling. */
public record ContentDisposition(String type, Params params) {
    public static ContentDisposition parse(String value) {
        Lexer lx = new Lexer(value);
        String t = lx.token("disposition type");
        return new ContentDisposition(t, lx.params());
    }

    /** True unless {@code handling=optional}. */
    public boolean required() {
        return !"optional".equalsIgnoreCase(params.get("handling"));
    }

    @Override
    public String toString() {
        return type + params;
    }
}
