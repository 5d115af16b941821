package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Content-Type or Content-Disposition value: {@code type/subtype} (or a bare disposition type) and parameters
 * (names lower-cased, values unquoted, quoted-pairs resolved). Parsed by hand, no regex.
 */
public record MediaType(String value, Map<String, String> parameters) {
    public MediaType {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Recent results by header text: a gateway sees the same few Content-Type and Content-Disposition values over and
     * over. Entries are immutable and published racily: a race costs a parse, never a wrong result.
     */
    private record Cached(String header, Optional<MediaType> parsed) {}

    private static final Cached[] CACHE = new Cached[32];

    /** Parses; empty when the value is blank or a parameter is malformed. At most 16 parameters. */
    public static Optional<MediaType> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int slot = header.hashCode() & (CACHE.length - 1);
        Cached c = CACHE[slot];
        if (c != null && c.header.equals(header)) {
            return c.parsed;
        }
        Optional<MediaType> parsed = parseNew(header);
        if (header.length() <= 256) {
            CACHE[slot] = new Cached(header, parsed);
        }
        return parsed;
    }

    /** A value not in the cache: the usual shape scanned from its octets, anything else parsed as text. */
    private static Optional<MediaType> parseNew(String header) {
        byte[] octets = header.getBytes(StandardCharsets.ISO_8859_1); // '?' for a character beyond: never scanned
        Optional<MediaType> scanned = MediaTypeScanner.scan(octets, 0, octets.length);
        return scanned != null ? scanned : parseUncached(header);
    }

    /** As {@link #parse}, without the cache (for callers that keep their own). */
    static Optional<MediaType> parseUncached(String header) {
        int n = header.length();
        int semi = header.indexOf(';');
        String value = trimmedLower(header, 0, semi < 0 ? n : semi);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] names = new String[4];
        String[] values = new String[4];
        int count = 0;
        int i = semi;
        while (i >= 0 && i < n) {
            i++; // past ';'
            int eq = header.indexOf('=', i);
            int nextSemi = header.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
                if (header.substring(i, nextSemi < 0 ? n : nextSemi).isBlank()) {
                    i = nextSemi;
                    continue;
                }
                return Optional.empty();
            }
            String name = trimmedLower(header, i, eq);
            int v = eq + 1;
            while (v < n && header.charAt(v) == ' ') {
                v++;
            }
            String val;
            if (v < n && header.charAt(v) == '"') {
                int close = closingQuote(header, v + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                val = unquote(header, v + 1, close);
                i = header.indexOf(';', close);
            } else {
                int end = header.indexOf(';', v);
                val = trimmed(header, v, end < 0 ? n : end);
                i = end;
            }
            if (name.isEmpty() || count == 16) {
                return Optional.empty();
            }
            int at = indexOf(names, count, name);
            if (at < 0) {
                if (count == names.length) {
                    names = Arrays.copyOf(names, 16);
                    values = Arrays.copyOf(values, 16);
                }
                at = count++;
            }
            names[at] = name;
            values[at] = val; // a repeated parameter: the last one counts
        }
        return Optional.of(new MediaType(value, map(names, values, count)));
    }

    /** The index of the quote closing a quoted-string whose content starts at {@code from}; -1 if none. */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++; // quoted-pair (RFC 2045 / RFC 5322): the next character is literal
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The content of a quoted-string, its quoted-pairs resolved. */
    private static String unquote(String s, int from, int to) {
        if (s.indexOf('\\', from, to) < 0) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out.append(c == '\\' && i + 1 < to ? s.charAt(++i) : c);
        }
        return out.toString();
    }

    private static int indexOf(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static Map<String, String> map(String[] names, String[] values, int count) {
        return switch (count) {
            case 0 -> Map.of();
            case 1 -> Map.of(names[0], values[0]);
            case 2 -> Map.of(names[0], values[0], names[1], values[1]);
            case 3 -> Map.of(names[0], values[0], names[1], values[1], names[2], values[2]);
            case 4 -> Map.of(names[0], values[0], names[1], values[1], names[2], values[2], names[3], values[3]);
            default -> {
                Map<String, String> m = new HashMap<>(count * 2);
                for (int i = 0; i < count; i++) {
                    m.put(names[i], values[i]);
                }
                yield m;
            }
        };
    }

    private static String trimmed(String s, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && s.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) <= ' ') {
            b--;
        }
        return s.substring(a, b);
    }

    /**
     * Types and parameter names a SIP-I body has, handed out instead of a new lower-cased String each time (and their
     * hash codes are already known when the parameters go into a map).
     */
    static final String[] KNOWN = {
        "multipart/mixed",
        "application/sdp",
        "application/isup",
        "signal",
        "session",
        "render",
        "boundary",
        "version",
        "base",
        "handling"
    };

    private static String trimmedLower(String s, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && s.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && s.charAt(b - 1) <= ' ') {
            b--;
        }
        for (String k : KNOWN) {
            if (k.length() == b - a && asciiLowerEquals(s, a, k)) {
                return k;
            }
        }
        return s.substring(a, b).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code s} from {@code at} is {@code lower} once its ASCII capitals are lowered: then it lower-cases to
     * {@code lower} (ASCII letters lower-case within ASCII, other ASCII characters are unchanged); otherwise the caller
     * lower-cases it in full.
     */
    private static boolean asciiLowerEquals(String s, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(at + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public boolean is(String v) {
        return value.equals(v) || value.equalsIgnoreCase(v); // parse lower-cases: the first test almost always decides
    }
}
