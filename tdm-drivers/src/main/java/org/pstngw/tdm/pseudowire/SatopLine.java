package org.pstngw.tdm.pseudowire;

import java.util.Arrays;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;
import org.pstngw.tdm.framing.T1Bits;
import org.pstngw.tdm.framing.T1Deframer;
import org.pstngw.tdm.framing.T1Framer;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.SpanAlarms;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanEvent;
import org.pstngw.tdm.spi.SpanMux;
import org.pstngw.tdm.spi.SpanType;

/**
 * SAToP payloads (RFC 4553, structure-agnostic): the whole line. E1 frames get TS0 from the real {@link E1Framer}
 * (FAS/NFAS, the CRC-4 multiframe when configured, the A bit while our receive side is in alarm, E bits), T1 frames
 * their F bit from the {@link T1Framer} and are packed as the 193-bit line ({@link T1Bits}); the stream is cut into
 * packets of the configured payload size wherever the frame boundaries fall. Received payloads go as a stream through
 * the real {@link E1Deframer} / {@link T1Deframer}, which find alignment at any bit offset, check CRC-4 / CRC-6, and
 * report LOS, LOF, AIS, RAI (the far end's A bit or yellow alarm) and, on E1, CRC-4 interworking. A failed attachment
 * circuit sends all ones; a simulated cut line all zeros.
 */
final class SatopLine implements PwPayloadPath {
    private final String span;
    private final PwSpanLink link;
    private final SpanMux mux;
    private final boolean e1;
    private final int frameBytes;
    private final int payloadBytes;
    private final int rxFramesPerPacketMax;
    private final E1Framer e1Framer;
    private final E1Deframer e1Deframer;
    private final T1Framer t1Framer;
    private final T1Deframer t1Deframer;
    private final byte[] txStream;
    private final byte[] rxPacket;
    private byte[] txFrames = new byte[0];
    private byte[] rxQueue = new byte[0];
    private long txBits;
    private int rxQueued;
    private volatile long crcErrors;
    private volatile long framingErrors;
    private volatile long remoteCrcErrors;

    SatopLine(SpanConfig config, PwSpanLink link, SpanMux mux) {
        this.span = config.name();
        this.link = link;
        this.mux = mux;
        SpanType type = config.type();
        this.e1 = type == SpanType.E1;
        this.frameBytes = type.bytesPerFrame();
        this.payloadBytes = link.payloadBytes();
        boolean crc = config.framing().hasCrc();
        this.e1Framer = e1 ? new E1Framer(crc) : null;
        this.e1Deframer = e1 ? new E1Deframer(crc, AlarmListener.NONE) : null;
        this.t1Framer = e1 ? null : new T1Framer(config.framing());
        this.t1Deframer = e1 ? null : new T1Deframer(config.framing(), AlarmListener.NONE);
        this.txStream = new byte[payloadBytes + 2 * frameBytes + 8];
        this.rxPacket = new byte[payloadBytes];
        this.rxFramesPerPacketMax = payloadBytes * 8 / type.bitsPerFrame() + 2;
    }

    private void ensureCapacity(int frames) {
        if (txFrames.length < frames * frameBytes) {
            txFrames = new byte[frames * frameBytes];
            rxQueue = Arrays.copyOf(rxQueue, (frames + rxFramesPerPacketMax + 4) * frameBytes);
        }
    }

    @Override
    public void transmit(int frames, boolean failed, LineCondition line, boolean receiving, long nowNanos) {
        ensureCapacity(frames);
        mux.transmitFrames(txFrames, 0, frames);
        if (e1) {
            e1Framer.setRemoteAlarm(e1Deframer.shouldSendRai());
            e1Framer.setEBitsZero(e1Deframer.noCrc4Multiframe());
            e1Framer.frames(txFrames, 0, frames);
        }
        long packetBits = payloadBytes * 8L;
        for (int f = 0; f < frames; f++) {
            int off = f * frameBytes;
            if (line != LineCondition.NORMAL || failed) {
                Arrays.fill(txFrames, off, off + frameBytes, line == LineCondition.CUT ? (byte) 0 : (byte) 0xFF);
            }
            if (e1) {
                System.arraycopy(txFrames, off, txStream, (int) (txBits >>> 3), 32);
                txBits += 256;
            } else {
                int fbit = t1Framer.frame(txFrames, off);
                if (line != LineCondition.NORMAL || failed) {
                    fbit = line == LineCondition.CUT ? 0 : 1;
                }
                T1Bits.pack(fbit, txFrames, off, txStream, txBits);
                txBits += T1Bits.FRAME_BITS;
            }
            while (txBits >= packetBits) {
                link.send(txStream, failed, 0, nowNanos + f * 125_000L);
                txBits -= packetBits;
                System.arraycopy(txStream, payloadBytes, txStream, 0, (int) ((txBits + 7) >>> 3));
            }
        }
    }

    @Override
    public void receive(int frames, long nowNanos) {
        ensureCapacity(frames);
        int capacity = rxQueue.length / frameBytes;
        while (rxQueued < frames) {
            long at = nowNanos + rxQueued * 125_000L;
            link.playout(rxPacket, at);
            int n = e1
                    ? e1Deframer.receive(rxPacket, 0, payloadBytes, rxQueue, rxQueued * frameBytes, capacity - rxQueued)
                    : t1Deframer.receive(
                            rxPacket, 0, payloadBytes, rxQueue, rxQueued * frameBytes, capacity - rxQueued);
            rxQueued += n;
        }
        mux.receiveFrames(rxQueue, 0, frames);
        rxQueued -= frames;
        System.arraycopy(rxQueue, frames * frameBytes, rxQueue, 0, rxQueued * frameBytes);
    }

    @Override
    public void updateAlarms(SpanAlarms alarms, boolean noPackets, boolean farEndLoss) {
        if (e1) {
            alarms.set(Alarm.LOS, noPackets || e1Deframer.los());
            alarms.set(Alarm.LOF, e1Deframer.lof());
            alarms.set(Alarm.AIS, e1Deframer.ais());
            alarms.set(Alarm.RAI, e1Deframer.rai() || farEndLoss);
            alarms.set(Alarm.NO_CRC4_MULTIFRAME, e1Deframer.noCrc4Multiframe());
            counters(alarms, e1Deframer.crcErrors(), e1Deframer.framingErrors(), e1Deframer.remoteCrcErrors());
        } else {
            alarms.set(Alarm.LOS, noPackets || t1Deframer.los());
            alarms.set(Alarm.LOF, t1Deframer.lof());
            alarms.set(Alarm.AIS, t1Deframer.ais());
            alarms.set(Alarm.RAI, t1Deframer.rai() || farEndLoss);
            counters(alarms, t1Deframer.crcErrors(), t1Deframer.framingErrors(), 0);
        }
    }

    /** New CRC errors go back to the far end in the E bits (E1) and out as an event. */
    private void counters(SpanAlarms alarms, long crc, long framing, long remote) {
        long before = crcErrors;
        framingErrors = framing;
        remoteCrcErrors = remote;
        if (crc != before) {
            crcErrors = crc;
            if (e1) {
                for (long i = before; i < crc; i++) {
                    e1Framer.reportReceivedCrcError();
                }
            }
            alarms.deliver(new SpanEvent.CrcErrors(span, crc));
        }
    }

    @Override
    public long crcErrors() {
        return crcErrors;
    }

    @Override
    public long framingErrors() {
        return framingErrors;
    }

    @Override
    public long remoteCrcErrors() {
        return remoteCrcErrors;
    }
}
