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
        private static volatile Needle last = new Needle(new byte[] {0}, new int[256]);

        private final byte[] bytes;
        private final int[] skip;

        private Needle(byte[] bytes, int[] skip) {
            this.bytes = bytes;
            this.skip = skip;
        }

        static Needle of(byte[] bytes) {
            Needle n = last;
            if (Arrays.equals(n.bytes, bytes)) {
                return n;
            }
            int[] skip = new int[256];
            Arrays.fill(skip, bytes.length);
            for (int i = 0; i < bytes.length - 1; i++) {
                skip[bytes[i] & 0xFF] = bytes.length - 1 - i;
            }
            n = new Needle(bytes.clone(), skip);
            last = n;
            return n;
        }

        int indexOf(byte[] b, int from) {
            int m = bytes.length;
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
    }
}
