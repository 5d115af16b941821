package org.pstngw.tdm.pseudowire;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-producer single-consumer ring of bytes: one thread puts, one thread takes, no locks and no
 * allocation. Positions are ever-growing longs published with release/acquire ordering.
 */
final class ByteRing {
    private final byte[] data;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();

    ByteRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(capacity, 2) - 1) << 1;
        this.data = new byte[size];
        this.mask = size - 1;
    }

    int capacity() {
        return mask + 1;
    }

    int size() {
        return (int) (tail.getAcquire() - head.getAcquire());
    }

    /** Producer: puts up to {@code len} bytes, returns how many fitted. */
    int put(byte[] src, int off, int len) {
        long t = tail.getPlain();
        int n = Math.min(len, data.length - (int) (t - head.getAcquire()));
        for (int i = 0; i < n; i++) {
            data[(int) (t + i) & mask] = src[off + i];
        }
        tail.setRelease(t + n);
        return n;
    }

    /** Producer: puts one byte, false when full. */
    boolean put(byte b) {
        long t = tail.getPlain();
        if (t - head.getAcquire() >= data.length) {
            return false;
        }
        data[(int) t & mask] = b;
        tail.setRelease(t + 1);
        return true;
    }

    /** Consumer: takes up to {@code len} bytes, returns how many. */
    int take(byte[] dst, int off, int len) {
        long h = head.getPlain();
        int n = Math.min(len, (int) (tail.getAcquire() - h));
        for (int i = 0; i < n; i++) {
            dst[off + i] = data[(int) (h + i) & mask];
        }
        head.setRelease(h + n);
        return n;
    }

    /** Consumer: takes one byte as 0..255, or -1 when empty. */
    int take() {
        long h = head.getPlain();
        if (tail.getAcquire() == h) {
            return -1;
        }
        int b = data[(int) h & mask] & 0xFF;
        head.setRelease(h + 1);
        return b;
    }
}
