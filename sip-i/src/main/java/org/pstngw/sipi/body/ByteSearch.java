package org.pstngw.sipi.body;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Searching octets, for {@link Multipart}: CR LF line ends eight octets at a time, and a needle anywhere. */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = ONES * Multipart.CR;

    private ByteSearch() {}

    /** The first index at or after {@code from} where {@code needle} occurs in {@code b}, or -1. */
    static int indexOf(byte[] b, byte[] needle, int from) {
        return Needle.of(needle).indexOf(b, from);
    }

    /** The index of the first CR followed by LF at or after {@code from}, or -1. */
    static int indexOfCrlf(byte[] b, int from) {
        int i = from;
        while (true) {
            int cr = indexOfCr(b, i);
            if (cr < 0 || cr + 1 >= b.length) {
                return -1;
            }
            if (b[cr + 1] == Multipart.LF) {
                return cr;
            }
            i = cr + 1;
        }
    }

    /**
     * The index of the first CR at or after {@code from}, or -1. Eight octets are read as one little-endian long and
     * XORed with eight CRs, which turns each CR into a zero octet; {@code (x - 0x01..01) & ~x & 0x80..80} has the high
     * bit of the lowest zero octet set (a borrow can only mark octets above a zero one), so its trailing zeros give the
     * first CR of the eight.
     */
    static int indexOfCr(byte[] b, int from) {
        int i = Math.max(from, 0);
        for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ CRS;
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < b.length; i++) {
            if (b[i] == Multipart.CR) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A hash of the octets from..to, eight at a time (for caches keyed by octets; equal octets, equal hashes). Not
     * {@link Arrays#hashCode}: that has no range form and goes one octet at a time.
     */
    static int hash(byte[] b, int from, int to) {
        long h = (long) to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 32));
    }

    /**
     * A needle searched with Boyer-Moore-Horspool: a haystack is scanned in steps of up to the needle's length. The
     * table of the last needle searched through {@link ByteSearch#indexOf} is kept; a {@link MultipartTemplate} holds
     * its own.
     */
    static final class Needle {
        private static volatile Needle last = new Needle(new byte[] {0});

        private final byte[] bytes;
        private final int[] skip;

        Needle(byte[] bytes) {
            this.bytes = bytes.clone();
            this.skip = new int[256];
            Arrays.fill(skip, bytes.length);
            for (int i = 0; i < bytes.length - 1; i++) {
                skip[bytes[i] & 0xFF] = bytes.length - 1 - i;
            }
        }

        static Needle of(byte[] bytes) {
            Needle n = last;
            if (Arrays.equals(n.bytes, bytes)) {
                return n;
            }
            n = new Needle(bytes);
            last = n;
            return n;
        }

        /** The first index at or after {@code from} where the needle occurs in {@code b}, or -1. */
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
