package org.pstngw.tdm.pseudowire;

import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.spi.Channel;
import org.pstngw.tdm.spi.CompandingLaw;

/**
 * A bearer channel of a pseudowire span: two byte rings between the media side and the driver's frame
 * thread. Transmit underrun sends the law's idle code; receive overrun drops the byte.
 */
final class PwChannel implements Channel {
    /** 256 ms of bytes each way. */
    static final int RING_BYTES = 2048;

    private final int timeslot;
    private final CompandingLaw law;
    private final ByteRing rx = new ByteRing(RING_BYTES);
    private final ByteRing tx = new ByteRing(RING_BYTES);
    private final AtomicLong underruns = new AtomicLong();
    private final AtomicLong overruns = new AtomicLong();

    PwChannel(int timeslot, CompandingLaw law) {
        this.timeslot = timeslot;
        this.law = law;
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
        return rx.take(dst, off, len);
    }

    @Override
    public int write(byte[] src, int off, int len) {
        return tx.put(src, off, len);
    }

    @Override
    public int readable() {
        return rx.size();
    }

    @Override
    public int writable() {
        return tx.capacity() - tx.size();
    }

    @Override
    public long underruns() {
        return underruns.get();
    }

    @Override
    public long overruns() {
        return overruns.get();
    }

    /** Frame thread: the byte to send in this frame. */
    byte nextTransmit() {
        int b = tx.take();
        if (b < 0) {
            underruns.lazySet(underruns.get() + 1);
            return law.idleCode();
        }
        return (byte) b;
    }

    /** Frame thread: a byte received in this frame. */
    void received(byte b) {
        if (!rx.put(b)) {
            overruns.lazySet(overruns.get() + 1);
        }
    }
}
