package org.pstngw.sipi.body;

import static org.pstngw.sipi.body.Multipart.CR;
import static org.pstngw.sipi.body.Multipart.LF;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reading half of {@link Multipart}: splitting a received body into its parts (see {@link Multipart} for the rules). */
final class MultipartReader {
    private MultipartReader() {}

    /** Splits {@code body} on {@code boundary}. */
    static Multipart.Result parse(String boundary, byte[] bytes) {
        byte[] body = bytes == null ? new byte[0] : bytes;
        if (!Multipart.validBoundary(boundary)) {
            return new Multipart.Result.Malformed("boundary missing or not an RFC 2046 boundary");
        }
        byte[] delim = Multipart.dashed(boundary);
        int at = findDelimiter(body, delim, 0);
        if (at < 0) {
            return new Multipart.Result.Malformed("no delimiter --" + boundary + " in the body");
        }
        List<BodyPart> parts = new ArrayList<>(2);
        while (true) {
            int after = at + delim.length;
            if (isClose(body, after)) {
                return parts.isEmpty()
                        ? new Multipart.Result.Malformed("no body parts")
                        : new Multipart.Result.Parts(parts);
            }
            int start = endOfDelimiterLine(body, after);
            int next = findDelimiter(body, delim, start);
            if (next < 0) {
                return new Multipart.Result.Malformed("close delimiter --" + boundary + "-- missing");
            }
            int contentEnd = next >= start + 2 && body[next - 2] == CR && body[next - 1] == LF ? next - 2 : next;
            if (parts.size() == Multipart.MAX_PARTS) {
                return new Multipart.Result.Malformed("more than " + Multipart.MAX_PARTS + " parts");
            }
            PartResult part = part(body, start, contentEnd);
            if (part instanceof PartResult.Bad(String reason)) {
                return new Multipart.Result.Malformed("part " + (parts.size() + 1) + ": " + reason);
            }
            parts.add(((PartResult.Part) part).part());
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
            if (b[pos] == ' ' || b[pos] == '\t') { // a folded line (RFC 5322 2.2.3): unfold by dropping the CRLF
                if (headers.isEmpty()) {
                    return new PartResult.Bad("header section starts with a continuation line");
                }
                Map.Entry<String, String> last = headers.removeLast();
                String rest = latin1Trimmed(b, pos, eol);
                headers.add(Map.entry(last.getKey(), rest.isEmpty() ? last.getValue() : last.getValue() + ' ' + rest));
                pos = eol + 2;
                continue;
            }
            int colon = pos;
            while (colon < eol && b[colon] != ':') {
                colon++;
            }
            String name = headerName(b, pos, colon);
            if (colon == eol || name.isEmpty()) {
                return new PartResult.Bad("header line without a name and colon");
            }
            if (headers.size() == Multipart.MAX_HEADERS) {
                return new PartResult.Bad("more than " + Multipart.MAX_HEADERS + " headers");
            }
            headers.add(Map.entry(name, latin1Trimmed(b, colon + 1, eol)));
            pos = eol + 2;
        }
        byte[] content = new byte[Math.max(0, end - pos)];
        System.arraycopy(b, pos, content, 0, content.length);
        return new PartResult.Part(new BodyPart(headers, content));
    }

    /** Header names that come in every SIP-I body, kept as constants instead of a new String each time. */
    private static final String[] KNOWN_NAMES = {"Content-Type", "Content-Disposition", "Content-ID"};

    private static String headerName(byte[] b, int from, int to) {
        for (String known : KNOWN_NAMES) {
            if (to - from == known.length() && matchesAt(b, from, known)) {
                return known;
            }
        }
        return latin1Trimmed(b, from, to);
    }

    private static boolean matchesAt(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if ((b[at + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The octets from..to as ISO-8859-1 text, without leading and trailing white space. */
    private static String latin1Trimmed(byte[] b, int from, int to) {
        int a = from;
        int z = to;
        while (a < z && (b[a] & 0xFF) <= ' ') {
            a++;
        }
        while (z > a && (b[z - 1] & 0xFF) <= ' ') {
            z--;
        }
        return new String(b, a, z - a, StandardCharsets.ISO_8859_1);
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
        return ByteSearch.indexOf(b, needle, from);
    }
}
