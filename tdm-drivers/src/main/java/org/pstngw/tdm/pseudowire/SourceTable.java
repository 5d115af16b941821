package org.pstngw.tdm.pseudowire;

import java.util.Arrays;

/**
 * The members of a shared pseudowire port by their far end's address, looked up by a received datagram's source key
 * ({@link SockAddr}) without allocation: an open-addressing hash table, immutable (rebuilt when a span joins or leaves,
 * which is rare, and published whole).
 */
final class SourceTable {
    static final SourceTable EMPTY = new SourceTable(new int[0], new long[0], new long[0], new PwSpanLink[0]);

    private final int[] familyPort;
    private final long[] high;
    private final long[] low;
    private final PwSpanLink[] links;
    private final int[] slotFamilyPort;
    private final long[] slotHigh;
    private final long[] slotLow;
    private final PwSpanLink[] slotLink;
    private final int mask;

    private SourceTable(int[] familyPort, long[] high, long[] low, PwSpanLink[] links) {
        this.familyPort = familyPort;
        this.high = high;
        this.low = low;
        this.links = links;
        int size = Integer.highestOneBit(Math.max(2, links.length * 2) - 1) << 1;
        this.mask = size - 1;
        this.slotFamilyPort = new int[size];
        this.slotHigh = new long[size];
        this.slotLow = new long[size];
        this.slotLink = new PwSpanLink[size];
        for (int i = 0; i < links.length; i++) {
            int s = hash(familyPort[i], high[i], low[i]) & mask;
            while (slotLink[s] != null) {
                s = (s + 1) & mask;
            }
            slotFamilyPort[s] = familyPort[i];
            slotHigh[s] = high[i];
            slotLow[s] = low[i];
            slotLink[s] = links[i];
        }
    }

    private static int hash(int familyPort, long high, long low) {
        long h = (familyPort * 0x9E3779B97F4A7C15L) ^ (high * 0xC2B2AE3D27D4EB4FL) ^ (low * 0x165667B19E3779F9L);
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /** The link whose far end has this key, or null. */
    PwSpanLink find(int familyPort, long high, long low) {
        int s = hash(familyPort, high, low) & mask;
        while (true) {
            PwSpanLink l = slotLink[s];
            if (l == null || (slotFamilyPort[s] == familyPort && slotHigh[s] == high && slotLow[s] == low)) {
                return l;
            }
            s = (s + 1) & mask;
        }
    }

    /** This table and one more member. */
    SourceTable with(int fp, long h, long l, PwSpanLink link) {
        int n = links.length;
        int[] f = Arrays.copyOf(familyPort, n + 1);
        long[] hi = Arrays.copyOf(high, n + 1);
        long[] lo = Arrays.copyOf(low, n + 1);
        PwSpanLink[] ls = Arrays.copyOf(links, n + 1);
        f[n] = fp;
        hi[n] = h;
        lo[n] = l;
        ls[n] = link;
        return new SourceTable(f, hi, lo, ls);
    }

    /** This table without {@code link}. */
    SourceTable without(PwSpanLink link) {
        int n = links.length;
        int[] f = new int[n];
        long[] hi = new long[n];
        long[] lo = new long[n];
        PwSpanLink[] ls = new PwSpanLink[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (links[i] != link) {
                f[k] = familyPort[i];
                hi[k] = high[i];
                lo[k] = low[i];
                ls[k++] = links[i];
            }
        }
        return new SourceTable(Arrays.copyOf(f, k), Arrays.copyOf(hi, k), Arrays.copyOf(lo, k), Arrays.copyOf(ls, k));
    }

    /** The one member, when there is exactly one. */
    PwSpanLink only() {
        return links[0];
    }

    int size() {
        return links.length;
    }
}
