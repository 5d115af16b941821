package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The wire bytes of one message and an index of its header fields: for field i, {@code idx[5i..5i+4]} are name start,
 * name end, value start, value end and 1 when the value is folded over several lines. The census says where the
 * fields the parser checks are.
 */
final class Wire {
    final byte[] bytes;
    final int startLineEnd;
    final int[] idx;
    final int count;
    final int bodyStart;
    final int bodyEnd;
    final HeaderCensus census;

    Wire(byte[] bytes, int startLineEnd, int[] idx, int count, int bodyStart, int bodyEnd, HeaderCensus census) {
        this.bytes = bytes;
        this.startLineEnd = startLineEnd;
        this.idx = idx;
        this.count = count;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
        this.census = census;
    }

    /** Parses one list element or one field value {@code b[s, e)}; returns it when {@code build}, else null. */
    @FunctionalInterface
    interface ElementParser<T> {
        T parse(byte[] b, int s, int e, boolean build);
    }

    String startLine() {
        return new String(bytes, 0, startLineEnd, StandardCharsets.UTF_8);
    }

    String name(int i) {
        int k = i * 5;
        return new String(bytes, idx[k], idx[k + 1] - idx[k], StandardCharsets.US_ASCII);
    }

    String value(int i) {
        int k = i * 5;
        String v = new String(bytes, idx[k + 2], idx[k + 3] - idx[k + 2], StandardCharsets.UTF_8);
        return idx[k + 4] == 0 ? v : unfold(v);
    }

    /** Field i's value with {@link String#strip()}'s whitespace removed. */
    String strippedValue(int i) {
        int k = i * 5;
        if (idx[k + 4] != 0) {
            return value(i).strip();
        }
        int e = Bytes.stripEnd(bytes, idx[k + 2], idx[k + 3]);
        int s = Bytes.stripStart(bytes, idx[k + 2], e);
        return Bytes.text(bytes, s, e);
    }

    private static String unfold(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (c == '\r' || c == '\n') {
                int j = sb.length();
                while (j > 0 && (sb.charAt(j - 1) == ' ' || sb.charAt(j - 1) == '\t')) {
                    j--;
                }
                sb.setLength(j);
                while (i < v.length()
                        && (v.charAt(i) == '\r' || v.charAt(i) == '\n' || v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
                    i++;
                }
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Parses field i's whole value (unfolded when folded). */
    <T> T field(int i, ElementParser<T> parser, boolean build) {
        int k = i * 5;
        if (idx[k + 4] != 0) {
            byte[] u = Bytes.utf8(value(i));
            return parser.parse(u, 0, u.length, build);
        }
        return parser.parse(bytes, idx[k + 2], idx[k + 3], build);
    }

    /**
     * Builds the elements of the fields named {@code longName}, from field {@code first} on (-1: none), in order, at
     * most {@code max} of them; see {@link #check}.
     */
    <T> List<T> elements(int first, String longName, char compact, ElementParser<T> parser, int max) {
        Collected<T> out = new Collected<>();
        each(first, Integer.MAX_VALUE, longName, compact, parser, out, max);
        return out.list();
    }

    /** As {@link #elements(int, String, char, ElementParser, int)}, knowing that there are {@code fields} such fields. */
    <T> List<T> elements(int first, int fields, String longName, char compact, ElementParser<T> parser, int max) {
        Collected<T> out = new Collected<>();
        each(first, fields, longName, compact, parser, out, max);
        return out.list();
    }

    /**
     * Checks the elements of the {@code fields} fields named {@code longName}, from field {@code first} on (-1: none),
     * without building them; returns how many elements there are. A value is split on the commas outside quotes and angle brackets,
     * and the empty elements of a split value are skipped; a value without such a comma is one element, even when
     * empty (then it has no comma at all). Elements are stripped as {@link String#strip()} does.
     */
    <T> int check(int first, int fields, String longName, char compact, ElementParser<T> parser) {
        return each(first, fields, longName, compact, parser, null, Integer.MAX_VALUE);
    }

    /**
     * Parses up to {@code max} elements of the {@code fields} fields named {@code longName} from field {@code first} on,
     * building them into {@code out} unless it is null; returns how many.
     */
    private <T> int each(
            int first, int fields, String longName, char compact, ElementParser<T> parser, Collected<T> out, int max) {
        int n = 0;
        int seen = 0;
        for (int i = first; i >= 0 && n < max; i = n < max && ++seen < fields ? find(longName, compact, i + 1) : -1) {
            int k = i * 5;
            byte[] b = bytes;
            int s = idx[k + 2];
            int e = idx[k + 3];
            if (idx[k + 4] != 0) {
                b = Bytes.utf8(value(i));
                s = 0;
                e = b.length;
            }
            int comma = Lexer.listComma(b, s, e);
            boolean list = comma >= 0;
            while (n < max) {
                int end = comma < 0 ? e : comma;
                int se = Bytes.stripEnd(b, s, end);
                int ss = Bytes.stripStart(b, s, se);
                if (ss < se || !list) {
                    T t = parser.parse(b, ss, se, out != null);
                    n++;
                    if (out != null) {
                        out.add(t);
                    }
                }
                if (comma < 0) {
                    break;
                }
                s = comma + 1;
                comma = Lexer.listComma(b, s, e);
            }
        }
        return n;
    }

    /** Built elements: the first alone, a list only from the second on. */
    private static final class Collected<T> {
        private T one;
        private List<T> more;

        void add(T t) {
            if (one == null) {
                one = t;
            } else {
                if (more == null) {
                    more = new ArrayList<>(4);
                    more.add(one);
                }
                more.add(t);
            }
        }

        List<T> list() {
            if (more != null) {
                return Collections.unmodifiableList(more);
            }
            return one == null ? List.of() : List.of(one);
        }
    }

    /** True when field i is named {@code longName} or its compact letter {@code compact} (0 if none). */
    boolean is(int i, String longName, char compact) {
        int k = i * 5;
        int s = idx[k];
        int len = idx[k + 1] - s;
        if (len == 1) {
            return compact != 0 && (bytes[s] | 0x20) == (compact | 0x20);
        }
        return Bytes.isIgnoreCase(bytes, s, s + len, longName);
    }

    /** The first field index at or after {@code from} named {@code longName}, or -1. */
    int find(String longName, char compact, int from) {
        for (int i = from; i < count; i++) {
            if (is(i, longName, compact)) {
                return i;
            }
        }
        return -1;
    }
}
