package org.pstngw.sipi.body;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Splits a multipart/mixed body (the grammar {@link Multipart} describes) in one pass: the line starts found while
 * looking for each next delimiter are that part's header lines until the empty line, then its content. Parts are kept
 * as positions in the body (each header value as a span, its name a constant for the usual ones), so that a caller
 * which only looks at a part's Content-Type and content makes no Strings of its headers and no copy of its content;
 * {@link #bodyPart} makes the {@link BodyPart} when one is wanted. The whole body is split before any part is handed
 * out, so a malformed body is reported as such whatever its first parts hold.
 */
final class MultipartReader {
    /** Header names that come in every SIP-I body, kept as constants instead of a new String each time. */
    private static final String[] KNOWN_NAMES = {"Content-Type", "Content-Disposition", "Content-ID"};

    private final byte[] b;
    private final byte[] delim;
    private final String boundary;

    private int parts;
    /**
     * Three ints a part: part i's content runs from {@code bounds[3i]} to {@code bounds[3i + 1]}, its headers from
     * {@code bounds[3i + 2]} to {@code bounds[3i + 5]} (the first header of the part after, or the count after the
     * last).
     */
    private int[] bounds = new int[3 * 4 + 3];

    private int headers;
    private String[] names = new String[8];
    /** Two ints a header: its value (trimmed) from {@code span[2h]} to {@code span[2h + 1]}. */
    private int[] span = new int[2 * 8];
    /**
     * A header's value once a continuation line was folded into it, else null (the value is its span); made at the
     * first fold.
     */
    private String[] folded;

    /** Why the body is malformed, once {@link #readPart} found it so. */
    private String malformed;

    private MultipartReader(byte[] b, String boundary, byte[] delim) {
        this.b = b;
        this.boundary = boundary;
        this.delim = delim;
    }

    /** What {@link #split} gives: the parts, or why the body cannot be read (as {@link Multipart#parse} says). */
    record Split(MultipartReader parts, String malformed) {}

    /** Splits {@code body} on {@code boundary}; a null body reads as empty. */
    static Split split(String boundary, byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!Multipart.validBoundary(boundary)) {
            return new Split(null, "boundary missing or not an RFC 2046 boundary");
        }
        byte[] delim = Multipart.dashed(boundary);
        int at = findDelimiter(bytes, delim, 0);
        if (at < 0) {
            return new Split(null, "no delimiter --" + boundary + " in the body");
        }
        MultipartReader r = new MultipartReader(bytes, boundary, delim);
        while (!isClose(bytes, at + delim.length)) {
            at = r.readPart(at);
            if (at < 0) {
                return new Split(null, r.malformed);
            }
        }
        return r.parts == 0 ? new Split(null, "no body parts") : new Split(r, null);
    }

    /**
     * Reads the part after the delimiter at {@code at}: the start of the next delimiter, or -1 with the reason in
     * {@link #malformed}.
     */
    private int readPart(int at) {
        int start = endOfDelimiterLine(b, at + delim.length);
        int first = headers;
        String bad = null;
        boolean inHeaders = true;
        int content = start;
        int line = start;
        int next;
        while (true) {
            if (delimiterAt(b, delim, line)) {
                next = line;
                break;
            }
            int crlf = ByteSearch.indexOfCrlf(b, line);
            if (crlf < 0) {
                malformed = "close delimiter --" + boundary + "-- missing";
                return -1;
            }
            if (inHeaders && bad == null) {
                if (crlf == line) {
                    inHeaders = false;
                    content = crlf + 2;
                } else {
                    bad = readHeader(first, line, crlf);
                }
            }
            line = crlf + 2;
        }
        int end = next >= start + 2 && b[next - 2] == Multipart.CR && b[next - 1] == Multipart.LF ? next - 2 : next;
        if (parts == Multipart.MAX_PARTS) {
            malformed = "more than " + Multipart.MAX_PARTS + " parts";
            return -1;
        }
        if (bad == null && inHeaders) {
            bad = "headers not ended by an empty line";
        }
        if (bad != null) {
            malformed = "part " + (parts + 1) + ": " + bad;
            return -1;
        }
        if (3 * parts + 5 >= bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[3 * parts] = Math.min(content, end); // headers ended by the CRLF before the delimiter: no content
        bounds[3 * parts + 1] = end;
        bounds[3 * parts + 2] = first;
        parts++;
        bounds[3 * parts + 2] = headers;
        return next;
    }

    /** Takes the header line from..eol (eol at its CRLF) of the part whose headers start at {@code first}. */
    private String readHeader(int first, int from, int eol) {
        if (b[from] == ' ' || b[from] == '\t') { // a folded line (RFC 5322 2.2.3): unfold by dropping the CRLF
            if (headers == first) {
                return "header section starts with a continuation line";
            }
            String rest = latin1Trimmed(b, from, eol);
            if (!rest.isEmpty()) {
                String value = headerValue(headers - 1) + ' ' + rest;
                if (folded == null) {
                    folded = new String[names.length];
                }
                folded[headers - 1] = value;
            }
            return null;
        }
        int colon = from;
        while (colon < eol && b[colon] != ':') {
            colon++;
        }
        String name = headerName(from, colon);
        if (colon == eol || name.isEmpty()) {
            return "header line without a name and colon";
        }
        if (headers - first == Multipart.MAX_HEADERS) {
            return "more than " + Multipart.MAX_HEADERS + " headers";
        }
        int a = colon + 1;
        int z = eol;
        while (a < z && (b[a] & 0xFF) <= ' ') {
            a++;
        }
        while (z > a && (b[z - 1] & 0xFF) <= ' ') {
            z--;
        }
        if (headers == names.length) {
            names = Arrays.copyOf(names, headers * 2);
            span = Arrays.copyOf(span, headers * 4);
            folded = folded == null ? null : Arrays.copyOf(folded, headers * 2);
        }
        names[headers] = name;
        span[2 * headers] = a;
        span[2 * headers + 1] = z;
        headers++;
        return null;
    }

    /** The number of parts. */
    int size() {
        return parts;
    }

    /** Part {@code i} as a {@link BodyReader.Source}: its content in place. */
    Part part(int i) {
        return new Part(this, i);
    }

    /** One part of the body. */
    record Part(MultipartReader body, int index) implements BodyReader.Source {
        @Override
        public byte[] array() {
            return body.b;
        }

        @Override
        public int from() {
            return body.bounds[3 * index];
        }

        @Override
        public int to() {
            return body.bounds[3 * index + 1];
        }

        @Override
        public BodyPart bodyPart() {
            return body.bodyPart(index);
        }

        /** The index (within the body) of this part's first header of that name, case-insensitive; -1 if none. */
        int header(String name) {
            for (int h = body.bounds[3 * index + 2]; h < body.bounds[3 * index + 5]; h++) {
                if (body.names[h].equalsIgnoreCase(name)) {
                    return h;
                }
            }
            return -1;
        }
    }

    /** Header {@code h}'s value when a continuation line was folded into it, else null: it is its span. */
    String folded(int h) {
        return folded == null ? null : folded[h];
    }

    int valueFrom(int h) {
        return span[2 * h];
    }

    int valueTo(int h) {
        return span[2 * h + 1];
    }

    byte[] body() {
        return b;
    }

    /** Header {@code h}'s value. */
    String headerValue(int h) {
        String f = folded(h);
        return f != null ? f : new String(b, span[2 * h], span[2 * h + 1] - span[2 * h], StandardCharsets.ISO_8859_1);
    }

    /** Part {@code i} as a {@link BodyPart}, with a copy of its content. */
    BodyPart bodyPart(int i) {
        int first = bounds[3 * i + 2];
        int n = bounds[3 * i + 5] - first;
        List<Map.Entry<String, String>> list = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(Map.entry(names[first], headerValue(first)));
            case 2 ->
                List.of(
                        Map.entry(names[first], headerValue(first)),
                        Map.entry(names[first + 1], headerValue(first + 1)));
            default -> {
                List<Map.Entry<String, String>> all = new ArrayList<>(n);
                for (int h = first; h < first + n; h++) {
                    all.add(Map.entry(names[h], headerValue(h)));
                }
                yield List.copyOf(all);
            }
        };
        return new BodyPart(list, Arrays.copyOfRange(b, bounds[3 * i], bounds[3 * i + 1]));
    }

    /**
     * The first delimiter at or after {@code from}: {@code --boundary} at the start of the body, at {@code from} (the
     * start of a part, right after the previous delimiter line) or after a CRLF, and followed by optional linear
     * white space then CRLF, or by {@code --}. Only those line starts are tried, found eight octets at a time.
     */
    private static int findDelimiter(byte[] b, byte[] delim, int from) {
        if (delimiterAt(b, delim, from)) {
            return from;
        }
        int crlf = Math.max(from - 1, 0);
        while ((crlf = ByteSearch.indexOfCrlf(b, crlf)) >= 0) {
            int line = crlf + 2;
            if (line > from && delimiterAt(b, delim, line)) {
                return line;
            }
            crlf++;
        }
        return -1;
    }

    /** Whether a delimiter (or the close delimiter) starts at {@code at}. */
    private static boolean delimiterAt(byte[] b, byte[] delim, int at) {
        int after = at + delim.length;
        return after <= b.length
                && b[at] == '-'
                && Arrays.equals(b, at, after, delim, 0, delim.length)
                && (isClose(b, after) || endOfDelimiterLine(b, after) > 0);
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
        return i + 1 < b.length && b[i] == Multipart.CR && b[i + 1] == Multipart.LF ? i + 2 : -1;
    }

    private String headerName(int from, int to) {
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
    static String latin1Trimmed(byte[] b, int from, int to) {
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
}
