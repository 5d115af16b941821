package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * The wire bytes of one message and an index of its header fields: for field i, {@code idx[5i..5i+4]} are name start,
 * name end, value start, value end and 1 when the value is folded over several lines.
 */
final class Wire {
    final byte[] bytes;
    final int startLineEnd;
    final int[] idx;
    final int count;
    final int bodyStart;
    final int bodyEnd;

    Wire(byte[] bytes, int startLineEnd, int[] idx, int count, int bodyStart, int bodyEnd) {
        this.bytes = bytes;
        this.startLineEnd = startLineEnd;
        this.idx = idx;
        this.count = count;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
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

    /** True when field i is named {@code longName} or its compact letter {@code compact} (0 if none). */
    boolean is(int i, String longName, char compact) {
        int k = i * 5;
        int s = idx[k];
        int len = idx[k + 1] - s;
        if (len == 1) {
            return compact != 0 && (bytes[s] | 0x20) == (compact | 0x20);
        }
        if (len != longName.length()) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            int a = bytes[s + j];
            int b = longName.charAt(j);
            if (a != b && ((a | 0x20) != (b | 0x20) || !Character.isLetter(b))) {
                return false;
            }
        }
        return true;
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
