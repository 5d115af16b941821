package org.pstngw.sip.message;

import java.util.ArrayList;
import java.util.List;

/** A cursor over one header value with the RFC 3261 25.1 lexical rules it needs. */
final class Lexer {
    private final String s;
    private final int end;
    private int pos;

    Lexer(String s) {
        this(s, 0, s.length());
    }

    /** A cursor over {@code s[from, to)} (saves cutting a substring out first). */
    Lexer(String s, int from, int to) {
        this.s = s;
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

    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    static boolean isTokenByte(byte b) {
        return b >= 0 && TOKEN[b];
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

    boolean atEnd() {
        return pos >= end;
    }

    int pos() {
        return pos;
    }

    String rest() {
        return s.substring(pos, end);
    }

    char peek() {
        return pos < end ? s.charAt(pos) : '\0';
    }

    void skipWs() {
        while (pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    boolean accept(char c) {
        skipWs();
        if (pos < end && s.charAt(pos) == c) {
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

    String token(String what) {
        return token(what, "");
    }

    /** A token; the error names {@code what + detail}, built only when there is one. */
    String token(String what, String detail) {
        skipWs();
        int start = pos;
        while (pos < end && isTokenChar(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new SipSyntaxException("expected " + what + detail);
        }
        return s.substring(start, pos);
    }

    /** A quoted-string with its quotes and escapes kept as written. */
    String quoted() {
        skipWs();
        int start = pos;
        if (peek() != '"') {
            throw new SipSyntaxException("expected quoted string");
        }
        pos++;
        while (pos < end) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '"') {
                return s.substring(start, pos);
            }
        }
        throw new SipSyntaxException("unterminated quoted string");
    }

    /** Everything up to (not including) the first of {@code stops}, outside quotes and angle brackets. */
    String until(String stops) {
        int start = pos;
        while (pos < end && stops.indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** {@code *( SEMI generic-param )}; value is a token, host or quoted string. */
    Params params() {
        Param first = null;
        Param second = null;
        List<Param> more = null;
        while (accept(';')) {
            String name = token("parameter name");
            String value = null;
            if (accept('=')) {
                skipWs();
                if (peek() == '"') {
                    value = quoted();
                } else if (peek() == '[') {
                    value = until("]") + "]";
                    pos++;
                } else {
                    value = token("value of parameter ", name);
                }
            }
            Param p = new Param(name, value);
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
        if (more != null) {
            return new Params(more);
        }
        if (second != null) {
            return new Params(List.of(first, second));
        }
        return first == null ? Params.EMPTY : new Params(List.of(first));
    }

    /** The index of the first comma outside quotes and angle brackets, or -1. */
    static int firstListComma(String v) {
        int depth = 0;
        boolean q = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
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

    /** Splits a list header value on commas outside quotes and angle brackets. */
    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>(2);
        int depth = 0;
        boolean q = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
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
                addTrimmed(out, v, start, i);
                start = i + 1;
            }
        }
        addTrimmed(out, v, start, v.length());
        return out;
    }

    private static void addTrimmed(List<String> out, String v, int a, int b) {
        String t = v.substring(a, b).strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
