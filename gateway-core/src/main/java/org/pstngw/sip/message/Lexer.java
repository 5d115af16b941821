package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over one header value as UTF-8 bytes, with the RFC 3261 25.1 lexical rules it needs. The {@code skip*}
 * methods move over a part and return where it started, so that a parser can check a value without building strings
 * and build only the parts asked for; the string-returning methods do both.
 */
final class Lexer {
    private final byte[] b;
    private final int end;
    private int pos;
    private String watchA;
    private String watchB;
    private int watchedA;
    private int watchedAEnd;
    private int watchedB;
    private int watchedBEnd;

    /** The value of a watched parameter that is absent; a flag without value is {@link #FLAG}. */
    static final int ABSENT = -2;

    static final int FLAG = -1;

    Lexer(String s) {
        this(Bytes.utf8(s));
    }

    private Lexer(byte[] b) {
        this(b, 0, b.length);
    }

    /** A cursor over {@code b[from, to)}. */
    Lexer(byte[] b, int from, int to) {
        this.b = b;
        this.pos = from;
        this.end = to;
    }

    /** RFC 3261 25.1 token characters: alphanumerics and {@code -.!%*_+`'~}. */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    /** The ASCII characters of {@code chars} as a lookup table for {@link #skipUntil}. */
    static boolean[] stops(String chars) {
        boolean[] t = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = true;
        }
        return t;
    }

    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    static boolean isTokenByte(byte c) {
        return c >= 0 && TOKEN[c];
    }

    static boolean isToken(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!isTokenChar(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code b[s, e)} is a token (not empty, token characters only). */
    static boolean isToken(byte[] b, int s, int e) {
        if (s >= e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!isTokenByte(b[i])) {
                return false;
            }
        }
        return true;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int pos() {
        return pos;
    }

    byte[] bytes() {
        return b;
    }

    String rest() {
        return pos >= end ? "" : text(pos, end);
    }

    String text(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** The next byte as 0-255, or -1 at the end. */
    int peek() {
        return pos < end ? b[pos] & 0xff : -1;
    }

    void skipWs() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
    }

    boolean accept(char c) {
        skipWs();
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (!accept(c)) {
            throw new SipSyntaxException("expected '" + c + "' " + what);
        }
    }

    /** Skips blanks and a token; returns its start. The error names {@code what + detail}, built only when needed. */
    int skipToken(String what, String detail) {
        skipWs();
        int start = pos;
        while (pos < end && isTokenByte(b[pos])) {
            pos++;
        }
        if (start == pos) {
            throw new SipSyntaxException("expected " + what + detail);
        }
        return start;
    }

    String token(String what) {
        return token(what, "");
    }

    String token(String what, String detail) {
        int start = skipToken(what, detail);
        return text(start, pos);
    }

    /** Skips blanks and a quoted-string (escapes skipped, not decoded); returns where its opening quote is. */
    int skipQuoted() {
        skipWs();
        int start = pos;
        if (peek() != '"') {
            throw new SipSyntaxException("expected quoted string");
        }
        pos++;
        while (pos < end) {
            byte c = b[pos++];
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return start;
            }
        }
        throw new SipSyntaxException("unterminated quoted string");
    }

    /** A quoted-string with its quotes and escapes kept as written. */
    String quoted() {
        int start = skipQuoted();
        return text(start, pos);
    }

    /** Moves to the first byte that is one of {@code stops} (or to the end); returns where it started. */
    int skipUntil(boolean[] stops) {
        int start = pos;
        while (pos < end) {
            byte c = b[pos];
            if (c >= 0 && stops[c]) {
                break;
            }
            pos++;
        }
        return start;
    }

    /** Moves to the first {@code c} (ASCII) or to the end; returns where it started. */
    int skipTo(char c) {
        int start = pos;
        int i = Bytes.indexOf(b, c, pos, end);
        pos = i < 0 ? end : i;
        return start;
    }

    /**
     * Makes {@link #params} remember where the value of the first parameter named {@code a} (and {@code b}, may be
     * null) is, compared ignoring case, whether or not it builds the list.
     */
    void watch(String a, String b) {
        watchA = a;
        watchB = b;
        watchedA = ABSENT;
        watchedB = ABSENT;
    }

    /** Start of the first watched parameter's value, {@link #ABSENT} or {@link #FLAG}. */
    int watched(int which) {
        return which == 0 ? watchedA : watchedB;
    }

    /** The watched value's text (see {@link #valueText}). */
    String watchedText(int which) {
        return which == 0 ? valueText(watchedA, watchedAEnd) : valueText(watchedB, watchedBEnd);
    }

    int watchedEnd(int which) {
        return which == 0 ? watchedAEnd : watchedBEnd;
    }

    /**
     * A parameter value's text; an IPv6 reference left open at the end of the value ends past {@code end} and gets
     * its closing bracket added, as the value is read up to (and including) the {@code ]}.
     */
    String valueText(int s, int e) {
        return e > end ? text(s, end) + "]" : text(s, e);
    }

    private static final boolean[] CLOSE_BRACKET = stops("]");

    /**
     * {@code *( SEMI generic-param )}; value is a token, host or quoted string. Builds the list only when {@code build}
     * (else returns null), checks the syntax either way.
     */
    Params params(boolean build) {
        Param first = null;
        Param second = null;
        List<Param> more = null;
        while (accept(';')) {
            int ns = skipToken("parameter name", "");
            int ne = pos;
            int vs = FLAG;
            int ve = FLAG;
            if (accept('=')) {
                skipWs();
                if (peek() == '"') {
                    vs = skipQuoted();
                    ve = pos;
                } else if (peek() == '[') {
                    vs = skipUntil(CLOSE_BRACKET);
                    pos++;
                    ve = pos;
                } else {
                    vs = pos;
                    while (pos < end && isTokenByte(b[pos])) {
                        pos++;
                    }
                    if (vs == pos) {
                        throw new SipSyntaxException("expected value of parameter " + text(ns, ne));
                    }
                    ve = pos;
                }
            }
            if (watchA != null) {
                watchParam(ns, ne, vs, ve);
            }
            if (!build) {
                continue;
            }
            Param p = new Param(name(ns, ne), vs == FLAG ? null : valueText(vs, ve));
            if (first == null) {
                first = p;
            } else if (second == null) {
                second = p;
            } else {
                if (more == null) {
                    more = new ArrayList<>(4);
                    more.add(first);
                    more.add(second);
                }
                more.add(p);
            }
        }
        if (!build) {
            return null;
        }
        if (more != null) {
            return new Params(more);
        }
        if (second != null) {
            return new Params(List.of(first, second));
        }
        return first == null ? Params.EMPTY : new Params(List.of(first));
    }

    Params params() {
        return params(true);
    }

    private void watchParam(int ns, int ne, int vs, int ve) {
        if (watchedA == ABSENT && Bytes.isIgnoreCase(b, ns, ne, watchA)) {
            watchedA = vs;
            watchedAEnd = ve;
        } else if (watchB != null && watchedB == ABSENT && Bytes.isIgnoreCase(b, ns, ne, watchB)) {
            watchedB = vs;
            watchedBEnd = ve;
        }
    }

    /**
     * The name {@code b[s, e)} as a string: a shared constant for the parameter names seen in nearly every message
     * (tag, branch, rport, received, lr, user, transport, expires, q, maddr, ttl, phone) when written exactly so, one
     * candidate picked by length and first byte.
     */
    String name(int s, int e) {
        String n = switch (e - s) {
            case 1 -> "q";
            case 2 -> "lr";
            case 3 -> b[s + 1] == 'a' ? "tag" : "ttl";
            case 4 -> "user";
            case 5 -> b[s] == 'r' ? "rport" : b[s] == 'm' ? "maddr" : "phone";
            case 6 -> "branch";
            case 7 -> "expires";
            case 8 -> "received";
            case 9 -> "transport";
            default -> null;
        };
        return n != null && Bytes.is(b, s, e, n) ? n : text(s, e);
    }

    /** The index of the first comma in {@code b[from, to)} outside quotes and angle brackets, or -1. */
    static int listComma(byte[] b, int from, int to) {
        int first = Bytes.indexOf(b, ',', from, to);
        if (first < 0) {
            return -1;
        }
        int depth = 0;
        boolean q = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (q) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    q = false;
                }
            } else if (c == '"') {
                q = true;
            } else if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index (in chars) of the first comma in {@code v} outside quotes and angle brackets, or -1. */
    static int firstListComma(String v) {
        byte[] u = Bytes.utf8(v);
        int i = listComma(u, 0, u.length);
        if (i < 0 || u.length == v.length()) {
            return i;
        }
        return new String(u, 0, i, StandardCharsets.UTF_8).length();
    }
}
