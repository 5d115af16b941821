package org.pstngw.tdm.pseudowire;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * A span carried over a pseudowire. Each frame of the driver's clock takes one byte from every bearer
 * channel's transmit buffer into the frame sent, and gives one byte of the frame played out of the
 * jitter buffer to every channel's receive buffer.
 *
 * <p>Alarms on the receive side: {@link Alarm#LOS} while no packets are played (jitter buffer filling
 * or in packet-loss state), {@link Alarm#AIS} while the far end's packets carry the L bit, {@link
 * Alarm#RAI} while they carry the R bit (the far end does not receive us). {@link #localFailure}
 * sets the L bit of the packets we send.
 *
 * <p>Channels (bearer and HDLC) are the SPI's {@link SpanMux}; TS0 of an E1 frame carries a plain
 * FAS/NFAS alternation (no CRC-4 multiframe) with the A bit set while the receive side is in alarm.
 */
public final class PseudowireSpan implements Span {
    /** TS0 of even frames: frame alignment signal with Si = 1 (no CRC-4 here). */
    private static final byte FAS = (byte) 0x9B;
    /** TS0 of odd frames: Si = 1, bit 2 = 1, A = 0, Sa4-Sa8 = 1. */
    private static final byte NFAS = (byte) 0xDF;

    private static final byte NFAS_REMOTE_ALARM = (byte) 0xFF;

    private final SpanConfig config;
    private final PwSpanLink link;
    private final Runnable onClose;
    private final SpanMux mux;
    private final int frameBytes;
    private byte[] txBlock = new byte[0];
    private byte[] rxBlock = new byte[0];
    private final boolean e1;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private volatile SpanEventListener listener = SpanEventListener.NONE;
    private volatile int alarmBits;
    private volatile boolean open = true;
    private volatile boolean localFailure;

    PseudowireSpan(SpanConfig config, PwSpanLink link, Runnable onClose) {
        this.config = config;
        this.link = link;
        this.onClose = onClose;
        SpanType type = config.type();
        this.e1 = type == SpanType.E1;
        this.frameBytes = type.bytesPerFrame();
        this.mux = new SpanMux(config);
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
        int bits = alarmBits;
        Set<Alarm> set = EnumSet.noneOf(Alarm.class);
        for (Alarm a : Alarm.values()) {
            if ((bits & bit(a)) != 0) {
                set.add(a);
            }
        }
        return set;
    }

    @Override
    public SpanCounters counters() {
        return new SpanCounters(framesSent.get(), framesReceived.get(), 0, 0, 0);
    }

    @Override
    public void setEventListener(SpanEventListener listener) {
        this.listener = listener == null ? SpanEventListener.NONE : listener;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * Our TDM side is in failure (e.g. the media side lost its source): the packets sent carry the L bit
     * and all-ones, so the far end raises AIS.
     */
    public void localFailure(boolean failure) {
        this.localFailure = failure;
    }

    /** The pseudowire's counters and clock recovery figures. */
    public PwLinkStats pseudowireStats() {
        return link.stats();
    }

    /** Packets dropped as malformed with {@code status}. */
    public long malformed(DecodeStatus status) {
        return link.malformed(status);
    }

    /** Local UDP address the span listens on (the actual port when 0 was configured). */
    public java.net.InetSocketAddress localAddress() throws java.io.IOException {
        return link.localAddress();
    }

    PwSpanLink link() {
        return link;
    }

    /** Frame thread: moves {@code frames} frames each way. */
    void onBlock(long firstFrame, int frames, long nowNanos) {
        if (!open) {
            return;
        }
        link.localFailure(localFailure);
        boolean remoteAlarm = (alarmBits & ~bit(Alarm.RAI)) != 0;
        if (txBlock.length < frames * frameBytes) {
            txBlock = new byte[frames * frameBytes];
            rxBlock = new byte[frames * frameBytes];
        }
        mux.transmitFrames(txBlock, 0, frames);
        for (int f = 0; f < frames; f++) {
            int off = f * frameBytes;
            if (e1) {
                txBlock[off] = ((firstFrame + f) & 1) == 0 ? FAS : remoteAlarm ? NFAS_REMOTE_ALARM : NFAS;
            }
            long at = nowNanos + f * 125_000L;
            link.transmitFrame(txBlock, off, at);
            link.receiveFrame(rxBlock, off, at);
        }
        mux.receiveFrames(rxBlock, 0, frames);
        framesSent.lazySet(framesSent.get() + frames);
        framesReceived.lazySet(framesReceived.get() + frames);
        updateAlarms();
    }

    private void updateAlarms() {
        JitterBuffer jb = link.jitterBuffer();
        int bits = 0;
        if (!jb.playing() || jb.packetLossState()) {
            bits |= bit(Alarm.LOS);
        } else if (link.lastPlayout() == PlayoutResult.REMOTE_FAILURE) {
            bits |= bit(Alarm.AIS);
        }
        if (link.farEndLossState()) {
            bits |= bit(Alarm.RAI);
        }
        int old = alarmBits;
        if (bits == old) {
            return;
        }
        alarmBits = bits;
        SpanEventListener l = listener;
        for (Alarm a : Alarm.values()) {
            int m = bit(a);
            if ((bits & m) != 0 && (old & m) == 0) {
                SpanEvents.deliver(l, new SpanEvent.AlarmRaised(config.name(), a));
            } else if ((bits & m) == 0 && (old & m) != 0) {
                SpanEvents.deliver(l, new SpanEvent.AlarmCleared(config.name(), a));
            }
        }
        if ((bits & bit(Alarm.LOS)) == 0 && (old & bit(Alarm.LOS)) != 0) {
            SpanEvents.deliver(l, new SpanEvent.InSync(config.name()));
        }
    }

    private static int bit(Alarm alarm) {
        return switch (alarm) {
            case LOS -> 1;
            case LOF -> 2;
            case AIS -> 4;
            case RAI -> 8;
        };
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        onClose.run();
        link.close();
        SpanEvents.deliver(listener, new SpanEvent.Closed(config.name()));
    }
}
