package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * multipart/mixed (RFC 2046 section 5.1) on bytes: preamble and epilogue are skipped, parts are binary-safe (the
 * delimiter is searched as bytes, never via a String of the body). Limits: at most {@link #MAX_PARTS} parts and
 * {@link #MAX_HEADERS} headers a part.
 */
public final class Multipart {
    public static final int MAX_PARTS = 16;
    public static final int MAX_HEADERS = 16;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private Multipart() {}

    /** Outcome of {@link #parse}. */
    public sealed interface Result {
        record Parts(List<BodyPart> parts) implements Result {}

        record Malformed(String reason) implements Result {}
    }

    /** Builds a body: each part as delimiter, headers, blank line, content; then the close delimiter. */
    public static byte[] build(String boundary, List<BodyPart> parts) {
        byte[] b = boundary.getBytes(StandardCharsets.US_ASCII);
        int size = b.length + 8;
        List<byte[]> heads = new ArrayList<>(parts.size());
        for (BodyPart p : parts) {
            StringBuilder sb = new StringBuilder(64);
            for (Map.Entry<String, String> h : p.headers()) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            byte[] head = sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            heads.add(head);
            size += 6 + b.length + head.length + p.raw().length;
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
        return java.util.Arrays.copyOf(out, pos);
    }

    private static int delimiter(byte[] out, int pos, byte[] boundary, boolean leadingCrlf) {
        if (leadingCrlf) {
            out[pos++] = CR;
            out[pos++] = LF;
        }
        out[pos++] = '-';
        out[pos++] = '-';
        System.arraycopy(boundary, 0, out, pos, boundary.length);
        pos += boundary.length;
        out[pos++] = CR;
        out[pos++] = LF;
        return pos;
    }

    /** Splits {@code body} on {@code boundary}. */
    public static Result parse(String boundary, byte[] body) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            return new Result.Malformed("boundary missing or longer than 70 characters");
        }
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = findDelimiter(body, delim, 0);
        if (at < 0) {
            return new Result.Malformed("no delimiter --" + boundary + " in the body");
        }
        List<BodyPart> parts = new ArrayList<>(2);
        while (true) {
            int after = at + delim.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                return parts.isEmpty() ? new Result.Malformed("no body parts") : new Result.Parts(parts);
            }
            int lineEnd = indexOfCrlf(body, after);
            if (lineEnd < 0) {
                return new Result.Malformed("delimiter line not ended by CRLF");
            }
            int start = lineEnd + 2;
            int next = findDelimiter(body, delim, start);
            if (next < 0) {
                return new Result.Malformed("close delimiter --" + boundary + "-- missing");
            }
            int contentEnd = next >= 2 && body[next - 2] == CR && body[next - 1] == LF ? next - 2 : next;
            if (contentEnd < start) {
                contentEnd = start;
            }
            if (parts.size() == MAX_PARTS) {
                return new Result.Malformed("more than " + MAX_PARTS + " parts");
            }
            Object part = part(body, start, contentEnd);
            if (part instanceof String reason) {
                return new Result.Malformed("part " + (parts.size() + 1) + ": " + reason);
            }
            parts.add((BodyPart) part);
            at = next;
        }
    }

    /** A delimiter at {@code from} or after a CRLF, followed by optional whitespace then CRLF or "--". */
    private static int findDelimiter(byte[] b, byte[] delim, int from) {
        int i = from;
        while (true) {
            int hit = indexOf(b, delim, i);
            if (hit < 0) {
                return -1;
            }
            if (hit == 0 || (hit >= 2 && b[hit - 2] == CR && b[hit - 1] == LF) || hit == from) {
                return hit;
            }
            i = hit + 1;
        }
    }

    private static Object part(byte[] b, int start, int end) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(2);
        int pos = start;
        while (true) {
            int eol = indexOfCrlf(b, pos);
            if (eol < 0 || eol > end) {
                return "headers not ended by an empty line";
            }
            if (eol == pos) {
                pos += 2;
                break;
            }
            String line = new String(b, pos, eol - pos, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return "header line without a colon";
            }
            if (headers.size() == MAX_HEADERS) {
                return "more than " + MAX_HEADERS + " headers";
            }
            headers.add(Map.entry(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            pos = eol + 2;
        }
        byte[] content = new byte[Math.max(0, end - pos)];
        System.arraycopy(b, pos, content, 0, content.length);
        return new BodyPart(headers, content);
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
