package org.pstngw.tdm.loopback;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;
import org.pstngw.tdm.framing.T1Deframer;
import org.pstngw.tdm.framing.T1Framer;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.Channel;
import org.pstngw.tdm.spi.HdlcChannel;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanCounters;
import org.pstngw.tdm.spi.SpanEvent;
import org.pstngw.tdm.spi.SpanEventListener;
import org.pstngw.tdm.spi.SpanEvents;
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
    private final E1Framer e1Framer;
    private final E1Deframer e1Deframer;
    private final T1Framer t1Framer;
    private final T1Deframer t1Deframer;
    private volatile SpanEventListener listener = SpanEventListener.NONE;
    private volatile Set<Alarm> alarms = Collections.unmodifiableSet(EnumSet.of(Alarm.LOF));
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
        this.e1 = config.type() == SpanType.E1;
        this.bytesPerFrame = config.type().bytesPerFrame();
        this.tx = new byte[maxFrames * bytesPerFrame];
        this.txF = new byte[maxFrames];
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
            e1Framer.frames(tx, 0, frames);
        } else {
            t1Framer.setRemoteAlarm(t1Deframer.shouldSendRai());
            for (int f = 0; f < frames; f++) {
                txF[f] = (byte) t1Framer.frame(tx, f * bytesPerFrame);
            }
        }
    }

    /** Frame thread: receives a block from the peer (null = no peer: a dead line). */
    void receive(LoopbackSpan from, int frames) {
        byte[] rx = from == null ? null : from.tx;
        if (rx == null || from.bytesPerFrame != bytesPerFrame) {
            receiveDeadLine(frames);
            return;
        }
        if (e1) {
            long before = e1Deframer.crcErrors();
            e1Deframer.frames(rx, 0, frames);
            long errors = e1Deframer.crcErrors();
            for (long i = before; i < errors; i++) {
                e1Framer.reportReceivedCrcError();
            }
            updateCounters(errors, e1Deframer.framingErrors(), e1Deframer.remoteCrcErrors(), before);
        } else {
            long before = t1Deframer.crcErrors();
            for (int f = 0; f < frames; f++) {
                t1Deframer.frame(from.txF[f], rx, f * bytesPerFrame);
            }
            updateCounters(t1Deframer.crcErrors(), t1Deframer.framingErrors(), 0, before);
        }
        mux.receiveFrames(rx, 0, frames);
        framesReceived.lazySet(framesReceived.get() + frames);
    }

    private void receiveDeadLine(int frames) {
        byte[] zeros = driver.zeros(frames * bytesPerFrame);
        if (e1) {
            e1Deframer.frames(zeros, 0, frames);
        } else {
            for (int f = 0; f < frames; f++) {
                t1Deframer.frame(0, zeros, f * bytesPerFrame);
            }
        }
        framesReceived.lazySet(framesReceived.get() + frames);
    }

    private void updateCounters(long crc, long framing, long remote, long crcBefore) {
        crcErrors = crc;
        framingErrors = framing;
        remoteCrcErrors = remote;
        if (crc != crcBefore) {
            SpanEvents.deliver(listener, new SpanEvent.CrcErrors(config.name(), crc));
        }
    }

    @Override
    public void alarmChanged(Alarm alarm, boolean active) {
        Set<Alarm> before = alarms;
        if (before.contains(alarm) == active) {
            return;
        }
        EnumSet<Alarm> after = before.isEmpty() ? EnumSet.noneOf(Alarm.class) : EnumSet.copyOf(before);
        if (active) {
            after.add(alarm);
        } else {
            after.remove(alarm);
        }
        alarms = Collections.unmodifiableSet(after);
        SpanEventListener l = listener;
        SpanEvents.deliver(
                l,
                active
                        ? new SpanEvent.AlarmRaised(config.name(), alarm)
                        : new SpanEvent.AlarmCleared(config.name(), alarm));
        if (alarm == Alarm.LOF && !active) {
            SpanEvents.deliver(l, new SpanEvent.InSync(config.name()));
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
        return alarms;
    }

    @Override
    public SpanCounters counters() {
        return new SpanCounters(framesSent.get(), framesReceived.get(), crcErrors, framingErrors, remoteCrcErrors);
    }

    @Override
    public void setEventListener(SpanEventListener newListener) {
        this.listener = newListener == null ? SpanEventListener.NONE : newListener;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            driver.remove(this);
            SpanEvents.deliver(listener, new SpanEvent.Closed(config.name()));
        }
    }
}
