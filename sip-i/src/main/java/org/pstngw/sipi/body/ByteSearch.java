package org.pstngw.sipi.body;

import java.util.Arrays;

/** Searching octets for a delimiter, for {@link Multipart}. */
final class ByteSearch {
    private ByteSearch() {}

    /** The first index at or after {@code from} where {@code needle} occurs in {@code b}, or -1. */
    static int indexOf(byte[] b, byte[] needle, int from) {
        return Needle.of(needle).indexOf(b, from);
    }

    /**
     * A delimiter searched with Boyer-Moore-Horspool: a body is scanned in steps of up to the delimiter's length. The
     * table of the last delimiter is kept (it is our own constant boundary almost always).
     */
    private static final class Needle {
        /** Skips are kept in octets: a delimiter ({@code --} and a boundary of at most 70) is at most 72 long. */
        private static final int MAX_TABLE_NEEDLE = 127;

        private static volatile Needle last = new Needle(new byte[] {0}, new byte[256]);

        private final byte[] bytes;
        private final byte[] skip;

        private Needle(byte[] bytes, byte[] skip) {
            this.bytes = bytes;
            this.skip = skip;
        }

        /**
         * The table for {@code bytes}: the last one when it is the same delimiter, else a new one (256 octets, cheap
         * enough for a peer that sends a new boundary in every message).
         */
        static Needle of(byte[] bytes) {
            Needle n = last;
            if (Arrays.equals(n.bytes, bytes)) {
                return n;
            }
            int m = Math.min(bytes.length, MAX_TABLE_NEEDLE);
            byte[] skip = new byte[256];
            Arrays.fill(skip, (byte) m);
            for (int i = 0; i < m - 1; i++) {
                skip[bytes[i] & 0xFF] = (byte) (m - 1 - i);
            }
            n = new Needle(bytes.clone(), skip);
            last = n;
            return n;
        }

        int indexOf(byte[] b, int from) {
            int m = bytes.length;
            if (m > MAX_TABLE_NEEDLE) {
                return naive(b, from);
            }
            int i = from;
            while (i + m <= b.length) {
                int j = m - 1;
                while (j >= 0 && b[i + j] == bytes[j]) {
                    j--;
                }
                if (j < 0) {
                    return i;
                }
                i += skip[b[i + m - 1] & 0xFF];
            }
            return -1;
        }

        private int naive(byte[] b, int from) {
            for (int i = from; i + bytes.length <= b.length; i++) {
                if (Arrays.equals(b, i, i + bytes.length, bytes, 0, bytes.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
