package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * multipart/mixed (RFC 2046 section 5.1) on bytes: preamble and epilogue are skipped, parts are binary-safe (the
 * delimiter is searched as bytes, never via a String of the body). A delimiter is {@code --boundary} at the start of
 * the body or after a CRLF, followed by optional linear white space and a CRLF, or by {@code --} for the close
 * delimiter; the same octets followed by anything else are content. Limits: at most {@link #MAX_PARTS} parts and
 * {@link #MAX_HEADERS} headers a part.
 */
public final class Multipart {
    public static final int MAX_PARTS = 16;
    public static final int MAX_HEADERS = 16;
    private static final int MAX_BOUNDARY = 70;
    private static final String BCHARS_NOSPACE =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?= ";
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private Multipart() {}

    /** Outcome of {@link #parse}. */
    public sealed interface Result {
        record Parts(List<BodyPart> parts) implements Result {}

        record Malformed(String reason) implements Result {}
    }

    /**
     * A built body and the boundary it uses (the one asked for, or one derived from it when that occurs in a part).
     */
    @SuppressWarnings("ArrayRecordComponent") // array-aware equals/hashCode/toString below
    public record Built(String boundary, byte[] body) {
        /** The Content-Type header value for this body, with the boundary quoted when it needs to be. */
        public String contentType() {
            return "multipart/mixed;boundary=" + quoteIfNeeded(boundary);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Built b && b.boundary.equals(boundary) && Arrays.equals(b.body, body);
        }

        @Override
        public int hashCode() {
            return boundary.hashCode() * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Built[boundary=" + boundary + ", body=" + HexFormat.of().formatHex(body) + "]";
        }
    }

    /** Whether {@code boundary} is an RFC 2046 boundary: 1-70 bchars, the last not a space. */
    public static boolean validBoundary(String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            return false;
        }
        for (int i = 0; i < boundary.length(); i++) {
            char c = boundary.charAt(i);
            if (BCHARS_NOSPACE.indexOf(c) < 0 && !(c == ' ' && i < boundary.length() - 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Builds a body: each part as delimiter, headers, blank line, content; then the close delimiter. When
     * {@code --boundary} occurs in a part (headers or content), a suffix {@code -N} is appended to the boundary until
     * it does not.
     *
     * @throws IllegalArgumentException when {@code boundary} is not an RFC 2046 boundary (a programming error: the
     *     caller's boundary is a constant)
     */
    public static Built build(String boundary, List<BodyPart> parts) {
        if (!validBoundary(boundary)) {
            throw new IllegalArgumentException("not an RFC 2046 boundary: " + boundary);
        }
        List<byte[]> heads = new ArrayList<>(parts.size());
        for (BodyPart p : parts) {
            StringBuilder sb = new StringBuilder(64);
            for (Map.Entry<String, String> h : p.headers()) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            heads.add(sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        String chosen = boundary;
        for (int n = 1; occursIn(chosen, heads, parts); n++) {
            String suffix = "-" + n;
            chosen = boundary.substring(0, Math.min(boundary.length(), MAX_BOUNDARY - suffix.length())) + suffix;
        }
        byte[] b = chosen.getBytes(StandardCharsets.US_ASCII);
        int size = b.length + 8;
        for (int i = 0; i < parts.size(); i++) {
            size += 6 + b.length + heads.get(i).length + parts.get(i).raw().length;
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (int i = 0; i < parts.size(); i++) {
            pos = delimiter(out, pos, b, i > 0);
            System.arraycopy(heads.get(i), 0, out, pos, heads.get(i).length);
            pos += heads.get(i).length;
            byte[] c = parts.get(i).raw();
            System.arraycopy(c, 0, out, pos, c.length);
            pos += c.length;
        }
        pos = delimiter(out, pos, b, true);
        out[pos - 2] = '-';
        out[pos - 1] = '-';
        out[pos++] = CR;
        out[pos++] = LF;
        return new Built(chosen, Arrays.copyOf(out, pos));
    }

    private static boolean occursIn(String boundary, List<byte[]> heads, List<BodyPart> parts) {
        byte[] dashed = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < parts.size(); i++) {
            if (indexOf(heads.get(i), dashed, 0) >= 0 || indexOf(parts.get(i).raw(), dashed, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String quoteIfNeeded(String boundary) {
        for (int i = 0; i < boundary.length(); i++) {
            if (TSPECIALS.indexOf(boundary.charAt(i)) >= 0) {
                return '"' + boundary + '"';
            }
        }
        return boundary;
    }

    private static int delimiter(byte[] out, int pos, byte[] boundary, boolean leadingCrlf) {
        int at = pos;
        if (leadingCrlf) {
            out[at++] = CR;
            out[at++] = LF;
        }
        out[at++] = '-';
        out[at++] = '-';
        System.arraycopy(boundary, 0, out, at, boundary.length);
        at += boundary.length;
        out[at++] = CR;
        out[at++] = LF;
        return at;
    }

    /** Splits {@code body} on {@code boundary}. */
    public static Result parse(String boundary, byte[] body) {
        if (!validBoundary(boundary)) {
            return new Result.Malformed("boundary missing or not an RFC 2046 boundary");
        }
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = findDelimiter(body, delim, 0);
        if (at < 0) {
            return new Result.Malformed("no delimiter --" + boundary + " in the body");
        }
        List<BodyPart> parts = new ArrayList<>(2);
        while (true) {
            int after = at + delim.length;
            if (isClose(body, after)) {
                return parts.isEmpty() ? new Result.Malformed("no body parts") : new Result.Parts(parts);
            }
            int start = endOfDelimiterLine(body, after);
            int next = findDelimiter(body, delim, start);
            if (next < 0) {
                return new Result.Malformed("close delimiter --" + boundary + "-- missing");
            }
            int contentEnd = next >= start + 2 && body[next - 2] == CR && body[next - 1] == LF ? next - 2 : next;
            if (parts.size() == MAX_PARTS) {
                return new Result.Malformed("more than " + MAX_PARTS + " parts");
            }
            switch (part(body, start, contentEnd)) {
                case PartResult.Part(BodyPart p) -> parts.add(p);
                case PartResult.Bad(String reason) -> {
                    return new Result.Malformed("part " + (parts.size() + 1) + ": " + reason);
                }
            }
            at = next;
        }
    }

    /**
     * The first delimiter at or after {@code from}: {@code --boundary} at the start of the body, at {@code from} (the
     * start of a part, right after the previous delimiter line) or after a CRLF, and followed by optional linear
     * white space then CRLF, or by {@code --}.
     */
    private static int findDelimiter(byte[] b, byte[] delim, int from) {
        int i = from;
        while (true) {
            int hit = indexOf(b, delim, i);
            if (hit < 0) {
                return -1;
            }
            boolean lineStart = hit == 0 || hit == from || (hit >= 2 && b[hit - 2] == CR && b[hit - 1] == LF);
            int after = hit + delim.length;
            if (lineStart && (isClose(b, after) || endOfDelimiterLine(b, after) > 0)) {
                return hit;
            }
            i = hit + 1;
        }
    }

    private static boolean isClose(byte[] b, int after) {
        return after + 1 < b.length && b[after] == '-' && b[after + 1] == '-';
    }

    /** Just past the CRLF ending a delimiter line whose boundary ends at {@code after}; -1 if not LWSP* CRLF. */
    private static int endOfDelimiterLine(byte[] b, int after) {
        int i = after;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i + 1 < b.length && b[i] == CR && b[i + 1] == LF ? i + 2 : -1;
    }

    /** One part's headers and content, or why they cannot be read. */
    private sealed interface PartResult {
        record Part(BodyPart part) implements PartResult {}

        record Bad(String reason) implements PartResult {}
    }

    private static PartResult part(byte[] b, int start, int end) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(2);
        int pos = start;
        while (true) {
            int eol = indexOfCrlf(b, pos);
            if (eol < 0 || eol > end) {
                return new PartResult.Bad("headers not ended by an empty line");
            }
            if (eol == pos) {
                pos += 2;
                break;
            }
            String line = new String(b, pos, eol - pos, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                return new PartResult.Bad("header line without a name and colon");
            }
            if (headers.size() == MAX_HEADERS) {
                return new PartResult.Bad("more than " + MAX_HEADERS + " headers");
            }
            headers.add(Map.entry(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            pos = eol + 2;
        }
        byte[] content = new byte[Math.max(0, end - pos)];
        System.arraycopy(b, pos, content, 0, content.length);
        return new PartResult.Part(new BodyPart(headers, content));
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == CR && b[i + 1] == LF) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        byte first = needle[0];
        int last = b.length - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
