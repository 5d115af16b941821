package org.pstngw.sip.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Text helpers on UTF-8 wire bytes that give the same answers as their {@link String} counterparts on the decoded
 * text, so that parsing on the bytes checks exactly what parsing the decoded string checked: {@link #stripStart} and
 * {@link #stripEnd} skip what {@link String#strip()} skips ({@link Character#isWhitespace}, including the few
 * multi-byte spaces such as U+2003 and U+3000), and {@link #utf8} encodes a string for the byte parsers.
 */
final class Bytes {
    private Bytes() {}

    /** ASCII characters that {@link Character#isWhitespace} accepts: HT, LF, VT, FF, CR, FS, GS, RS, US and SP. */
    private static final boolean[] ASCII_WS = new boolean[128];

    static {
        for (int c = 9; c <= 13; c++) {
            ASCII_WS[c] = true;
        }
        for (int c = 28; c <= 32; c++) {
            ASCII_WS[c] = true;
        }
    }

    /** {@code in[s, e)} decoded (malformed sequences replaced, as everywhere on the wire path). */
    static String text(byte[] in, int s, int e) {
        return new String(in, s, e - s, StandardCharsets.UTF_8);
    }

    /** True when {@code in[s, e)} is exactly the ASCII text {@code t}. */
    static boolean is(byte[] in, int s, int e, String t) {
        if (e - s != t.length()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (in[s + i] != t.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code in[s, e)} is the ASCII text {@code t} ignoring ASCII case (t holds letters, digits, '-'). */
    static boolean isIgnoreCase(byte[] in, int s, int e, String t) {
        if (e - s != t.length()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            int a = in[s + i];
            int c = t.charAt(i);
            if (a != c && ((a | 0x20) != (c | 0x20) || !Character.isLetter(c))) {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The first index of {@code c} (ASCII) in {@code in[from, to)}, or -1; eight bytes at a time on long ranges. */
    static int indexOf(byte[] in, int c, int from, int to) {
        int i = from;
        if (to - from >= 16) {
            long pattern = ONES * c;
            for (; i + 8 <= to; i += 8) {
                long x = (long) LONGS.get(in, i) ^ pattern;
                long zero = (x - ONES) & ~x & HIGHS;
                if (zero != 0) {
                    return i + (Long.numberOfTrailingZeros(zero) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            if (in[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last index of {@code c} in {@code in[from, to)}, or -1. */
    static int lastIndexOf(byte[] in, int c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (in[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The byte length of the whitespace character ({@link Character#isWhitespace}) that starts at {@code in[i]}. */
    private static int whitespaceAt(byte[] in, int i, int e) {
        int c = in[i] & 0xff;
        if (c < 0x80) {
            return ASCII_WS[c] ? 1 : 0;
        }
        if (i + 2 >= e || (c != 0xE1 && c != 0xE2 && c != 0xE3)) {
            return 0;
        }
        int c1 = in[i + 1] & 0xff;
        int c2 = in[i + 2] & 0xff;
        boolean ws = switch (c) {
            case 0xE1 -> c1 == 0x9A && c2 == 0x80; // U+1680
            case 0xE2 ->
                (c1 == 0x80
                                && ((c2 >= 0x80 && c2 <= 0x86) // U+2000-U+2006
                                        || (c2 >= 0x88 && c2 <= 0x8A) // U+2008-U+200A
                                        || c2 == 0xA8 // U+2028
                                        || c2 == 0xA9)) // U+2029
                        || (c1 == 0x81 && c2 == 0x9F); // U+205F
            default -> c1 == 0x80 && c2 == 0x80; // U+3000
        };
        return ws ? 3 : 0;
    }

    /** The first index in {@code [s, e)} that is not whitespace as {@link String#strip()} sees it, or {@code e}. */
    static int stripStart(byte[] in, int s, int e) {
        int i = s;
        while (i < e) {
            int n = whitespaceAt(in, i, e);
            if (n == 0) {
                return i;
            }
            i += n;
        }
        return e;
    }

    /** The end of {@code [s, e)} without trailing whitespace as {@link String#strip()} sees it. */
    static int stripEnd(byte[] in, int s, int e) {
        int i = e;
        while (i > s) {
            int c = in[i - 1] & 0xff;
            if (c < 0x80) {
                if (!ASCII_WS[c]) {
                    return i;
                }
                i--;
            } else if (i - 3 >= s && whitespaceAt(in, i - 3, i) == 3) {
                i -= 3;
            } else {
                return i;
            }
        }
        return s;
    }

    /**
     * {@code s} as UTF-8, for the byte parsers. An unpaired surrogate (which no decoded wire text holds) becomes the
     * byte 0xFF, never valid in UTF-8: like the lone char it stands for, it is neither a token, a delimiter nor
     * whitespace.
     */
    static byte[] utf8(String s) {
        if (!hasUnpairedSurrogate(s)) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xFF);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
