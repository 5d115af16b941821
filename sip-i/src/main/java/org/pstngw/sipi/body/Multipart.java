package org.pstngw.sipi.body;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * multipart/mixed (RFC 2046 section 5.1) on bytes: preamble and epilogue are skipped, parts are binary-safe (the
 * delimiter is searched as bytes, never via a String of the body). A delimiter is {@code --boundary} at the start of
 * the body or after a CRLF, followed by optional linear white space and a CRLF, or by {@code --} for the close
 * delimiter; the same octets followed by anything else are content. Part headers may be folded (RFC 5322 2.2.3: a
 * line starting with a space or tab continues the one before; the fold reads as one space). Lines end in CRLF only,
 * as RFC 2046 and RFC 3261 require: a body whose lines end in a bare LF has no delimiter line and is malformed (a
 * gateway cannot tell a bare LF in binary ISUP content from a line end). A null body reads as empty. Limits: at most
 * {@link #MAX_PARTS} parts and {@link #MAX_HEADERS} headers a part.
 */
public final class Multipart {
    public static final int MAX_PARTS = 16;
    public static final int MAX_HEADERS = 16;
    private static final int MAX_BOUNDARY = 70;
    private static final String BCHARS_NOSPACE =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?";
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?= ";
    /** The bchars other than space. */
    private static final boolean[] BCHAR = charTable(BCHARS_NOSPACE);

    static final byte CR = '\r';
    static final byte LF = '\n';

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
            if (!(c < 128 && BCHAR[c]) && !(c == ' ' && i < boundary.length() - 1)) {
                return false;
            }
        }
        return true;
    }

    /** A table of the US-ASCII characters in {@code chars}, by code. */
    static boolean[] charTable(String chars) {
        boolean[] t = new boolean[128];
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = true;
        }
        return t;
    }

    /**
     * Builds a body: each part as delimiter, headers, blank line, content; then the close delimiter. When
     * {@code --boundary} occurs in a part (headers or content), a suffix {@code -N} is appended to the boundary until
     * it does not.
     *
     * @throws IllegalArgumentException when {@code boundary} is not an RFC 2046 boundary, or a header has an empty
     *     name, a colon in its name or CR/LF anywhere (programming errors: the caller's boundary is a constant, its
     *     headers its own)
     */
    public static Built build(String boundary, List<BodyPart> parts) {
        if (!validBoundary(boundary)) {
            throw new IllegalArgumentException("not an RFC 2046 boundary: " + boundary);
        }
        String chosen = boundary;
        for (int n = 1; occursIn(chosen, parts); n++) {
            String suffix = "-" + n;
            chosen = boundary.substring(0, Math.min(boundary.length(), MAX_BOUNDARY - suffix.length())) + suffix;
        }
        int b = chosen.length();
        // first delimiter "--b" CRLF, later ones CRLF "--b" CRLF, the close CRLF "--b--" CRLF
        int size = b + 8 - (parts.isEmpty() ? 0 : 2);
        for (BodyPart p : parts) {
            size += 6 + b + headLength(p) + p.raw().length;
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (int i = 0; i < parts.size(); i++) {
            pos = delimiter(out, pos, chosen, i > 0);
            pos = writeHead(out, pos, parts.get(i));
            byte[] c = parts.get(i).raw();
            System.arraycopy(c, 0, out, pos, c.length);
            pos += c.length;
        }
        pos = delimiter(out, pos, chosen, true);
        out[pos - 2] = '-';
        out[pos - 1] = '-';
        out[pos++] = CR;
        out[pos] = LF;
        return new Built(chosen, out);
    }

    /** Octets of a part's header lines and the blank line after them (ISO-8859-1, one octet a char). */
    static int headLength(BodyPart p) {
        int n = 2;
        for (Map.Entry<String, String> h : p.headers()) {
            n += h.getKey().length() + 2 + h.getValue().length() + 2;
        }
        return n;
    }

    static int writeHead(byte[] out, int pos, BodyPart p) {
        int at = pos;
        for (Map.Entry<String, String> h : p.headers()) {
            at = ascii(out, at, h.getKey());
            out[at++] = ':';
            out[at++] = ' ';
            at = ascii(out, at, h.getValue());
            out[at++] = CR;
            out[at++] = LF;
        }
        out[at++] = CR;
        out[at++] = LF;
        return at;
    }

    /** {@code s} as ISO-8859-1 octets ('?' for a char beyond it, as String.getBytes does). */
    private static int ascii(byte[] out, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out[at + i] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return at + s.length();
    }

    /**
     * Whether {@code --boundary} occurs in a part's headers or content; on the way, refuses a header that would break
     * the header section.
     */
    static boolean occursIn(String boundary, List<BodyPart> parts) {
        byte[] dashed = dashed(boundary);
        boolean found = false;
        for (BodyPart p : parts) {
            if (indexOf(p.raw(), dashed, 0) >= 0) {
                found = true;
            }
            for (Map.Entry<String, String> h : p.headers()) {
                if (h.getKey().isEmpty() || h.getKey().indexOf(':') >= 0) {
                    throw new IllegalArgumentException("not a header name: " + h.getKey());
                }
                boolean inName = scanHeaderText(h.getKey(), dashed);
                boolean inValue = scanHeaderText(h.getValue(), dashed);
                found = found || inName || inValue;
            }
        }
        return found;
    }

    /** Whether {@code s} contains {@code dashed}; throws on CR or LF, which would end the header line. */
    private static boolean scanHeaderText(String s, byte[] dashed) {
        boolean found = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("CR or LF in a header: " + s);
            }
            if (c == '-' && !found) {
                found = matchesAt(s, i, dashed);
            }
        }
        return found;
    }

    private static boolean matchesAt(String s, int at, byte[] needle) {
        if (at + needle.length > s.length()) {
            return false;
        }
        for (int j = 0; j < needle.length; j++) {
            if (s.charAt(at + j) != (needle[j] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    static byte[] dashed(String boundary) {
        byte[] d = new byte[2 + boundary.length()];
        d[0] = '-';
        d[1] = '-';
        ascii(d, 2, boundary);
        return d;
    }

    private static String quoteIfNeeded(String boundary) {
        for (int i = 0; i < boundary.length(); i++) {
            if (TSPECIALS.indexOf(boundary.charAt(i)) >= 0) {
                return '"' + boundary + '"';
            }
        }
        return boundary;
    }

    static int delimiter(byte[] out, int pos, String boundary, boolean leadingCrlf) {
        int at = pos;
        if (leadingCrlf) {
            out[at++] = CR;
            out[at++] = LF;
        }
        out[at++] = '-';
        out[at++] = '-';
        at = ascii(out, at, boundary);
        out[at++] = CR;
        out[at++] = LF;
        return at;
    }

    /** Splits {@code body} on {@code boundary}. */
    public static Result parse(String boundary, byte[] bytes) {
        MultipartReader.Split split = MultipartReader.split(boundary, bytes);
        if (split.parts() == null) {
            return new Result.Malformed(split.malformed());
        }
        List<BodyPart> parts = new ArrayList<>(split.parts().size());
        for (int i = 0; i < split.parts().size(); i++) {
            parts.add(split.parts().bodyPart(i));
        }
        return new Result.Parts(parts);
    }

    static int indexOf(byte[] b, byte[] needle, int from) {
        return ByteSearch.indexOf(b, needle, from);
    }
}
