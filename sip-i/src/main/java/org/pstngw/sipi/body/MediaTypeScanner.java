package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The usual Content-Type and Content-Disposition values read straight from their octets in one pass: a type (letters,
 * digits, {@code -+._/}), then at most four {@code ;name=value} parameters whose names and unquoted values are such
 * tokens and whose quoted values hold no backslash, with spaces or tabs around the separators. That is what SIP-I
 * peers send. For such a value this gives exactly what {@link MediaType#parse} gives for the same text, the known type
 * and parameter names as constants; for anything else (an empty parameter, a repeated name, other characters, ...) it
 * gives null and the caller parses the text. A {@code '?'} is never scanned, so that octets from
 * {@code String.getBytes(ISO_8859_1)}, which writes {@code '?'} for a character beyond ISO-8859-1, are the text.
 */
final class MediaTypeScanner {
    private static final int MAX_PARAMETERS = 4;
    private static final boolean[] TOKEN =
            Multipart.charTable("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+._");

    private MediaTypeScanner() {}

    /** The value in octets from..to (ISO-8859-1), or null when it is not of the usual shape. */
    static Optional<MediaType> scan(byte[] b, int from, int to) {
        int i = spaces(b, from, to);
        int a = i;
        while (i < to && (token(b[i]) || b[i] == '/')) {
            i++;
        }
        if (i == a) {
            return null;
        }
        String value = lower(b, a, i);
        i = spaces(b, i, to);
        String[] names = null;
        String[] values = null;
        int count = 0;
        while (i < to) {
            if (b[i] != ';' || count == MAX_PARAMETERS) {
                return null;
            }
            i = spaces(b, i + 1, to);
            int nameFrom = i;
            while (i < to && token(b[i])) {
                i++;
            }
            int nameTo = i;
            i = spaces(b, i, to);
            if (nameTo == nameFrom || i == to || b[i] != '=') {
                return null;
            }
            i++;
            while (i < to && b[i] == ' ') { // MediaType.parse skips spaces, not tabs, before a quoted value
                i++;
            }
            int valueFrom;
            int valueTo;
            if (i < to && b[i] == '"') {
                valueFrom = i + 1;
                valueTo = valueFrom;
                while (valueTo < to && b[valueTo] != '"') {
                    if (b[valueTo] == '\\' || b[valueTo] == '?') {
                        return null; // a quoted-pair, or a '?' that may stand for a character beyond ISO-8859-1
                    }
                    valueTo++;
                }
                if (valueTo == to) {
                    return null;
                }
                i = valueTo + 1;
            } else {
                valueFrom = i;
                while (i < to && token(b[i])) {
                    i++;
                }
                valueTo = i;
                if (valueTo == valueFrom) {
                    return null;
                }
            }
            i = spaces(b, i, to);
            String name = lower(b, nameFrom, nameTo);
            if (names == null) {
                names = new String[MAX_PARAMETERS];
                values = new String[MAX_PARAMETERS];
            }
            for (int k = 0; k < count; k++) {
                if (names[k].equals(name)) {
                    return null; // repeated: left to MediaType.parse
                }
            }
            names[count] = name;
            values[count] = new String(b, valueFrom, valueTo - valueFrom, StandardCharsets.ISO_8859_1);
            count++;
        }
        return Optional.of(new MediaType(value, MediaType.map(names, values, count)));
    }

    /**
     * The boundary of a Content-Type of the usual multipart shape, read from its characters: {@code multipart/mixed}
     * (ASCII letters in any case) with one parameter, {@code boundary}, in the shape {@link #scan} reads (spaces or
     * tabs around the separators, a token or a quoted value without a backslash, a {@code '?'} or a character beyond
     * US-ASCII). For such a value {@link MediaType#parse} gives multipart/mixed with this boundary as its only
     * parameter; for anything else this gives null and the caller parses the value.
     */
    static String multipartBoundary(String h) {
        if (h == null) {
            return null;
        }
        int n = h.length();
        int i = spaces(h, 0, n);
        if (!lowerEquals(h, i, n, "multipart/mixed")) {
            return null;
        }
        i = spaces(h, i + "multipart/mixed".length(), n);
        if (i == n || h.charAt(i) != ';') {
            return null;
        }
        i = spaces(h, i + 1, n);
        if (!lowerEquals(h, i, n, "boundary")) {
            return null;
        }
        i = spaces(h, i + "boundary".length(), n);
        if (i == n || h.charAt(i) != '=') {
            return null;
        }
        i++;
        while (i < n && h.charAt(i) == ' ') { // as scan: spaces, not tabs, before a quoted value
            i++;
        }
        int from;
        int to;
        if (i < n && h.charAt(i) == '"') {
            from = i + 1;
            to = from;
            while (to < n && h.charAt(to) != '"') {
                char c = h.charAt(to);
                if (c == '\\' || c == '?' || c >= 0x80) {
                    return null;
                }
                to++;
            }
            if (to == n) {
                return null;
            }
            i = to + 1;
        } else {
            from = i;
            while (i < n && token(h.charAt(i))) {
                i++;
            }
            to = i;
            if (to == from) {
                return null;
            }
        }
        return spaces(h, i, n) == n ? h.substring(from, to) : null;
    }

    private static boolean token(char c) {
        return c < 0x80 && TOKEN[c];
    }

    private static int spaces(String h, int from, int to) {
        int i = from;
        while (i < to && (h.charAt(i) == ' ' || h.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * Whether {@code h} holds {@code lower} at {@code at} once its ASCII capitals are lowered, followed by neither a
     * token character nor {@code '/'} (so that it is the whole token {@link #scan} would read there).
     */
    private static boolean lowerEquals(String h, int at, int n, String lower) {
        int end = at + lower.length();
        if (end > n || (end < n && (token(h.charAt(end)) || h.charAt(end) == '/'))) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = h.charAt(at + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean token(byte c) {
        return c >= 0 && TOKEN[c];
    }

    private static int spaces(byte[] b, int from, int to) {
        int i = from;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The token from..to lower-cased (ASCII): one of {@link MediaType#KNOWN} when it is one, without a new String. */
    private static String lower(byte[] b, int from, int to) {
        for (String k : MediaType.KNOWN) {
            if (k.length() == to - from && lowerEquals(b, from, k)) {
                return k;
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    private static boolean lowerEquals(byte[] b, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int c = b[at + i];
            if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
