package org.pstngw.tdm.loopback;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.clock.FrameListener;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;
import org.pstngw.tdm.framing.T1Deframer;
import org.pstngw.tdm.framing.T1Framer;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.Channel;
import org.pstngw.tdm.spi.HdlcChannel;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanAlarms;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanCounters;
import org.pstngw.tdm.spi.SpanEvent;
import org.pstngw.tdm.spi.SpanEventListener;
import org.pstngw.tdm.spi.SpanMux;
import org.pstngw.tdm.spi.SpanType;

/**
 * One in-memory span. Each block it builds its transmit frames (channels through {@link SpanMux}, TS0 or the F bit
 * through the real framer) and receives its peer's transmit frames through the real deframer, so alignment, CRC and
 * alarms behave as on a line. Frame-thread state is touched only by the driver's clock thread.
 */
public final class LoopbackSpan implements Span, AlarmListener {
    private final SpanConfig config;
    private final String peerName;
    private final LoopbackDriver driver;
    private final SpanMux mux;
    private final boolean e1;
    private final int bytesPerFrame;
    private final byte[] tx;
    private final byte[] txF;
    private final byte[] rxFrames;
    private final byte[] allOnes;
    private final E1Framer e1Framer;
    private final E1Deframer e1Deframer;
    private final T1Framer t1Framer;
    private final T1Deframer t1Deframer;
    private final SpanAlarms alarms;
    private volatile FrameListener frameListener;
    private volatile boolean open = true;
    private volatile LineCondition condition = LineCondition.NORMAL;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private volatile long crcErrors;
    private volatile long framingErrors;
    private volatile long remoteCrcErrors;

    LoopbackSpan(SpanConfig config, LoopbackDriver driver, int maxFrames) {
        this.config = config;
        this.peerName = config.options().getOrDefault(LoopbackDriver.PEER_OPTION, config.name());
        this.driver = driver;
        this.mux = new SpanMux(config);
        this.alarms = new SpanAlarms(config.name(), Set.of(Alarm.LOF));
        this.e1 = config.type() == SpanType.E1;
        this.bytesPerFrame = config.type().bytesPerFrame();
        this.tx = new byte[maxFrames * bytesPerFrame];
        this.txF = new byte[maxFrames];
        this.rxFrames = new byte[(maxFrames + 4) * bytesPerFrame];
        this.allOnes = new byte[maxFrames * bytesPerFrame];
        Arrays.fill(allOnes, (byte) 0xFF);
        boolean crc = config.framing().hasCrc();
        this.e1Framer = e1 ? new E1Framer(crc) : null;
        this.e1Deframer = e1 ? new E1Deframer(crc, this) : null;
        this.t1Framer = e1 ? null : new T1Framer(config.framing());
        this.t1Deframer = e1 ? null : new T1Deframer(config.framing(), this);
    }

    /** Name of the span this one receives from (itself when looped locally). */
    public String peerName() {
        return peerName;
    }

    /** Sets what this span transmits: traffic, nothing (the peer sees LOS) or all ones (the peer sees AIS). */
    public void setLineCondition(LineCondition newCondition) {
        this.condition = newCondition;
    }

    /** Frame thread: builds this block's transmit frames. */
    void transmit(int frames) {
        switch (condition) {
            case CUT -> Arrays.fill(tx, 0, frames * bytesPerFrame, (byte) 0);
            case AIS -> {
                Arrays.fill(tx, 0, frames * bytesPerFrame, (byte) 0xFF);
                Arrays.fill(txF, 0, frames, (byte) 1);
            }
            case NORMAL -> framed(frames);
        }
        if (condition == LineCondition.CUT) {
            Arrays.fill(txF, 0, frames, (byte) 0);
        }
        framesSent.lazySet(framesSent.get() + frames);
    }

    private void framed(int frames) {
        mux.transmitFrames(tx, 0, frames);
        if (e1) {
            e1Framer.setRemoteAlarm(e1Deframer.shouldSendRai());
            e1Framer.setEBitsZero(e1Deframer.noCrc4Multiframe());
            e1Framer.frames(tx, 0, frames);
        } else {
            t1Framer.setRemoteAlarm(t1Deframer.shouldSendRai());
            for (int f = 0; f < frames; f++) {
                txF[f] = (byte) t1Framer.frame(tx, f * bytesPerFrame);
            }
        }
    }

    /**
     * Frame thread: receives a block from the peer (null = no peer: a dead line, all zeros). E1 goes through the
     * deframer as a line stream and the channels get its aligned frames; T1 frame by frame. While out of frame the
     * channels receive all ones (AIS).
     */
    void receive(LoopbackSpan from, int frames) {
        boolean dead = from == null || from.bytesPerFrame != bytesPerFrame;
        byte[] rx = dead ? driver.zeros(frames * bytesPerFrame) : from.tx;
        if (e1) {
            long before = e1Deframer.crcErrors();
            int n = e1Deframer.receive(rx, 0, frames * bytesPerFrame, rxFrames, 0, rxFrames.length / bytesPerFrame);
            long errors = e1Deframer.crcErrors();
            for (long i = before; i < errors; i++) {
                e1Framer.reportReceivedCrcError();
            }
            updateCounters(errors, e1Deframer.framingErrors(), e1Deframer.remoteCrcErrors(), before);
            mux.receiveFrames(rxFrames, 0, n);
        } else {
            long before = t1Deframer.crcErrors();
            for (int f = 0; f < frames; f++) {
                t1Deframer.frame(dead ? 0 : from.txF[f], rx, f * bytesPerFrame);
            }
            updateCounters(t1Deframer.crcErrors(), t1Deframer.framingErrors(), 0, before);
            mux.receiveFrames(t1Deframer.aligned() ? rx : allOnes, 0, frames);
        }
        framesReceived.lazySet(framesReceived.get() + frames);
    }

    private void updateCounters(long crc, long framing, long remote, long crcBefore) {
        crcErrors = crc;
        framingErrors = framing;
        remoteCrcErrors = remote;
        if (crc != crcBefore) {
            alarms.deliver(new SpanEvent.CrcErrors(config.name(), crc));
        }
    }

    @Override
    public void alarmChanged(Alarm alarm, boolean active) {
        alarms.set(alarm, active);
    }

    /** Frame thread, after every span transmitted and received: tells the frame listener of the block. */
    void blockDone(int frames) {
        FrameListener l = frameListener;
        if (l != null) {
            l.onFrames(framesReceived.get() - frames, frames);
        }
    }

    @Override
    public SpanConfig config() {
        return config;
    }

    @Override
    public Optional<Channel> channel(int timeslot) {
        return mux.channel(timeslot);
    }

    @Override
    public Optional<HdlcChannel> hdlcChannel(int timeslot) {
        return mux.hdlcChannel(timeslot);
    }

    @Override
    public Set<Alarm> alarms() {
        return alarms.active();
    }

    @Override
    public SpanCounters counters() {
        return new SpanCounters(framesSent.get(), framesReceived.get(), crcErrors, framingErrors, remoteCrcErrors);
    }

    @Override
    public void setEventListener(SpanEventListener newListener) {
        alarms.listener(newListener);
    }

    @Override
    public void setFrameListener(FrameListener listener) {
        this.frameListener = listener;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isRunning() {
        return open && driver.isRunning();
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            driver.remove(this);
            alarms.deliver(new SpanEvent.Closed(config.name()));
        }
    }
}
