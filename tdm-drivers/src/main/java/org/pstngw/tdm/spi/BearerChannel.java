package org.pstngw.tdm.spi;

import java.util.concurrent.atomic.AtomicLong;

/** A bearer channel backed by two SPSC rings: the frame thread on one side, the media engine on the other. */
final class BearerChannel implements Channel {
    private final int timeslot;
    private final CompandingLaw law;
    private final byte idle;
    private final ByteRing tx;
    private final ByteRing rx;
    private final AtomicLong underruns = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();

    BearerChannel(int timeslot, CompandingLaw law, int bufferBytes) {
        this.timeslot = timeslot;
        this.law = law;
        this.idle = law.idleCode();
        this.tx = new ByteRing(bufferBytes);
        this.rx = new ByteRing(bufferBytes);
    }

    @Override
    public int timeslot() {
        return timeslot;
    }

    @Override
    public CompandingLaw law() {
        return law;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        return rx.read(dst, off, len);
    }

    @Override
    public int write(byte[] src, int off, int len) {
        return tx.write(src, off, len);
    }

    @Override
    public int readable() {
        return rx.size();
    }

    @Override
    public int writable() {
        return tx.free();
    }

    @Override
    public long underruns() {
        return underruns.get();
    }

    @Override
    public long overruns() {
        return overruns.get();
    }

    /** Frame thread: the next byte to send, the idle code when nothing was written. */
    byte nextTx() {
        int b = tx.take();
        if (b < 0) {
            underruns.lazySet(underruns.get() + 1);
            return idle;
        }
        return (byte) b;
    }

    /** Frame thread: fills {@code dst[0..n)} with bytes to send, the idle code where nothing was written. */
    void nextTx(byte[] dst, int n) {
        int got = tx.read(dst, 0, n);
        if (got < n) {
            java.util.Arrays.fill(dst, got, n, idle);
            underruns.lazySet(underruns.get() + (n - got));
        }
    }

    /** Frame thread: received bytes; those that do not fit are dropped (counted). */
    void rx(byte[] src, int n) {
        int put = rx.write(src, 0, n);
        if (put < n) {
            overruns.lazySet(overruns.get() + (n - put));
        }
    }

    /** Frame thread: a received byte; dropped (counted) when the reader is behind. */
    void rx(byte b) {
        if (!rx.put(b)) {
            overruns.lazySet(overruns.get() + 1);
        }
    }
}
