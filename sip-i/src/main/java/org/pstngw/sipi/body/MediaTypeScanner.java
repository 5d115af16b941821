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
