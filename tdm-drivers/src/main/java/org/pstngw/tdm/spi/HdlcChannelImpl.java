package org.pstngw.tdm.spi;

import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.hdlc.HdlcDecoder;
import org.pstngw.tdm.hdlc.HdlcEncoder;

/**
 * An HDLC channel: frames queue length-prefixed in SPSC rings between the user and the frame thread, which runs the
 * encoder and decoder one timeslot octet per frame.
 */
final class HdlcChannelImpl implements HdlcChannel {
    private final int timeslot;
    private final int maxFrameLength;
    private final ByteRing txFrames;
    private final ByteRing rxFrames;
    private final byte[] txScratch;
    private final HdlcEncoder encoder;
    private final HdlcDecoder decoder;
    private final AtomicLong fcsErrors = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong rxDropped = new AtomicLong();

    HdlcChannelImpl(int timeslot, int maxFrameLength, int queueBytes) {
        this.timeslot = timeslot;
        this.maxFrameLength = maxFrameLength;
        this.txFrames = new ByteRing(queueBytes);
        this.rxFrames = new ByteRing(queueBytes);
        this.txScratch = new byte[maxFrameLength];
        this.encoder = new HdlcEncoder(maxFrameLength);
        this.decoder = new HdlcDecoder(maxFrameLength, this::received);
    }

    @Override
    public int timeslot() {
        return timeslot;
    }

    @Override
    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    public synchronized boolean send(byte[] frame, int off, int len) {
        if (len < 1 || len > maxFrameLength || txFrames.free() < len + 2) {
            return false;
        }
        txFrames.put((byte) (len >>> 8));
        txFrames.put((byte) len);
        txFrames.write(frame, off, len);
        return true;
    }

    @Override
    public synchronized int receive(byte[] dst, int off) {
        if (rxFrames.size() < 2) {
            return -1;
        }
        int len = (rxFrames.peek(0) << 8) | rxFrames.peek(1);
        if (rxFrames.size() < len + 2) {
            return -1;
        }
        rxFrames.skip(2);
        rxFrames.read(dst, off, len);
        return len;
    }

    @Override
    public long fcsErrors() {
        return fcsErrors.get();
    }

    @Override
    public long malformedFrames() {
        return malformed.get();
    }

    /** Frame thread: the octet to send in this frame. */
    byte nextTx() {
        if (!encoder.busy() && txFrames.size() >= 2) {
            int len = (txFrames.peek(0) << 8) | txFrames.peek(1);
            if (txFrames.size() >= len + 2) {
                txFrames.skip(2);
                txFrames.read(txScratch, 0, len);
                encoder.load(txScratch, 0, len);
            }
        }
        return (byte) encoder.nextOctet();
    }

    /** Frame thread: the octet received in this frame. */
    void rx(byte octet) {
        decoder.octet(octet);
        fcsErrors.lazySet(decoder.fcsErrors());
        malformed.lazySet(decoder.malformedFrames() + rxDropped.get());
    }

    private void received(byte[] buffer, int length) {
        if (rxFrames.free() < length + 2) {
            rxDropped.lazySet(rxDropped.get() + 1);
            return;
        }
        rxFrames.put((byte) (length >>> 8));
        rxFrames.put((byte) length);
        rxFrames.write(buffer, 0, length);
    }
}
