package org.pstngw.tdm.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer single-consumer byte ring: one thread writes, one thread reads, no locks and no allocation. The
 * capacity is rounded up to a power of two.
 */
public final class ByteRing {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(ByteRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(ByteRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final byte[] data;
    private final int mask;

    @SuppressWarnings("unused") // accessed through HEAD
    private long head;

    @SuppressWarnings("unused") // accessed through TAIL
    private long tail;

    public ByteRing(int minCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, minCapacity) - 1) << 1;
        data = new byte[capacity];
        mask = capacity - 1;
    }

    public int capacity() {
        return data.length;
    }

    /** Bytes waiting to be read. */
    public int size() {
        return (int) ((long) TAIL.getAcquire(this) - (long) HEAD.getAcquire(this));
    }

    /** Room for writing. */
    public int free() {
        return data.length - size();
    }

    /** Writes up to {@code len} bytes; returns how many fitted. Producer thread only. */
    public int write(byte[] src, int off, int len) {
        long t = (long) TAIL.getOpaque(this);
        long h = (long) HEAD.getAcquire(this);
        int n = Math.min(len, data.length - (int) (t - h));
        for (int i = 0; i < n; i++) {
            data[(int) (t + i) & mask] = src[off + i];
        }
        TAIL.setRelease(this, t + n);
        return n;
    }

    /** Writes one byte if there is room. Producer thread only. */
    public boolean put(byte b) {
        long t = (long) TAIL.getOpaque(this);
        if (t - (long) HEAD.getAcquire(this) == data.length) {
            return false;
        }
        data[(int) t & mask] = b;
        TAIL.setRelease(this, t + 1);
        return true;
    }

    /** Reads up to {@code len} bytes; returns how many were read. Consumer thread only. */
    public int read(byte[] dst, int off, int len) {
        long h = (long) HEAD.getOpaque(this);
        long t = (long) TAIL.getAcquire(this);
        int n = Math.min(len, (int) (t - h));
        for (int i = 0; i < n; i++) {
            dst[off + i] = data[(int) (h + i) & mask];
        }
        HEAD.setRelease(this, h + n);
        return n;
    }

    /** Reads one byte, or returns -1 when empty. Consumer thread only. */
    public int take() {
        long h = (long) HEAD.getOpaque(this);
        if ((long) TAIL.getAcquire(this) == h) {
            return -1;
        }
        int b = data[(int) h & mask] & 0xFF;
        HEAD.setRelease(this, h + 1);
        return b;
    }

    /** Bytes at the read position without consuming them: {@code peek(0)} is the next byte. Consumer only. */
    public int peek(int index) {
        long h = (long) HEAD.getOpaque(this);
        return data[(int) (h + index) & mask] & 0xFF;
    }

    /** Drops {@code n} bytes from the read side. Consumer thread only. */
    public void skip(int n) {
        HEAD.setRelease(this, (long) HEAD.getOpaque(this) + n);
    }
}
