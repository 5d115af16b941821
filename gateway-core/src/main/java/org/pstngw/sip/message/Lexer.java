package org.pstngw.sip.message;

import java.util.ArrayList;
import java.util.List;

/** A cursor over one header value with the RFC 3261 25.1 lexical rules it needs. */
final class Lexer {
    private final String s;
    private int pos;

    Lexer(String s) {
        this.s = s;
    }

    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-.!%*_+`'~".indexOf(c) >= 0;
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
        return pos >= s.length();
    }

    int pos() {
        return pos;
    }

    String rest() {
        return s.substring(pos);
    }

    char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    void skipWs() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    boolean accept(char c) {
        skipWs();
        if (pos < s.length() && s.charAt(pos) == c) {
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
        skipWs();
        int start = pos;
        while (pos < s.length() && isTokenChar(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new SipSyntaxException("expected " + what);
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
        while (pos < s.length()) {
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
        while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** {@code *( SEMI generic-param )}; value is a token, host or quoted string. */
    Params params() {
        List<Param> out = null;
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
                    value = token("value of parameter " + name);
                }
            }
            if (out == null) {
                out = new ArrayList<>(4);
            }
            out.add(new Param(name, value));
        }
        return out == null ? Params.EMPTY : new Params(out);
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
