package org.pstngw.tdm.pseudowire;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.clock.FrameListener;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;
import org.pstngw.tdm.framing.T1Bits;
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
import org.pstngw.tdm.spi.SpanTiming;
import org.pstngw.tdm.spi.SpanType;

/**
 * A span carried over a pseudowire. Each block it takes the frames' bytes from the channels' transmit buffers ({@link
 * SpanMux}) and sends them, and gives the channels the frames played out of the jitter buffer.
 *
 * <p><b>SAToP</b> (RFC 4553, structure-agnostic) carries the whole line: E1 frames get TS0 from the real {@link
 * E1Framer} (FAS/NFAS, the CRC-4 multiframe when configured, the A bit while our receive side is in alarm, E bits),
 * T1 frames their F bit from the {@link T1Framer} and are packed as the 193-bit line ({@link T1Bits}); the stream is
 * cut into packets of the configured payload size wherever the frame boundaries fall. Received payloads go as a
 * stream through the real {@link E1Deframer} / {@link T1Deframer}, which find alignment at any bit offset, check
 * CRC-4 / CRC-6, and report LOS, LOF, AIS, RAI (the far end's A bit or yellow alarm) and, on E1, CRC-4 interworking.
 *
 * <p><b>CESoPSN</b> (RFC 5086, structure-aware) carries only the configured timeslots; TS0 and the F bit are not
 * carried, so the alarms travel in the control word (RFC 5086 section 5.3): L = 1 while our attachment circuit has
 * failed (data invalid, the far end plays AIS); L = 0, M = 10 while our receive side is in alarm (RDI of the
 * attachment circuit, what an E1 would signal with the A bit). Received L = 1 raises {@link Alarm#AIS}, M = 10
 * raises {@link Alarm#RAI}.
 *
 * <p>Both modes: LOS while no packets are played (the jitter buffer filling, or the RFC packet-loss state); the R
 * bit of the far end's packets (it is in packet-loss state: it does not hear us) raises RAI. Our attachment circuit
 * is the span's own TDM side: {@link #localFailure} (the media side has no valid source) and {@link
 * #setLineCondition} (a simulated line cut or AIS on the local side) both set the L bit, and SAToP then sends all
 * ones.
 *
 * <p><b>Timing.</b> With clock source line the span follows the far end: each block it moves the frames its clock
 * delivered, plus or minus one now and then as {@link AdaptiveClockRecovery#correctionPpm()} accumulates to a whole
 * frame (a controlled slip against the local clock, counted in {@link PwLinkStats#slips()}), in both directions, so
 * the jitter buffer stays where it settled and our packets go out at the far end's rate; the frame listener is told
 * each block's true length. With clock source internal the span runs on the frame clock and the clock recovery only
 * measures. Frame-thread state is touched only by the driver's clock thread.
 */
public final class PseudowireSpan implements Span {
    private static final int MODIFIER_RDI = 0b10;

    private final SpanConfig config;
    private final PwSpanLink link;
    private final Runnable onClose;
    private final SpanMux mux;
    private final SpanType type;
    private final boolean e1;
    private final boolean satop;
    private final int frameBytes;
    private final int payloadBytes;
    private final int framesPerPacket;
    private final int[] slotIndex;
    private final E1Framer e1Framer;
    private final E1Deframer e1Deframer;
    private final T1Framer t1Framer;
    private final T1Deframer t1Deframer;
    private final SpanAlarms alarms;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();

    private byte[] txFrames = new byte[0];
    private byte[] rxQueue = new byte[0];
    private final byte[] txStream;
    private final byte[] rxPacket;
    private long txBits;
    private int rxQueued;
    private int txFrameInPacket;
    private int rxFrameInPacket;
    private int rxFramesPerPacketMax;
    private PlayoutResult lastPlayout = PlayoutResult.FILLING;
    private int lastModifier;
    private final boolean steered;
    private double steerFrames;
    private long slips;
    private long slipFrames;

    private volatile FrameListener frameListener;
    private volatile boolean open = true;
    private volatile boolean localFailure;
    private volatile LineCondition condition = LineCondition.NORMAL;
    private volatile boolean driverRunning;
    private volatile long crcErrors;
    private volatile long framingErrors;
    private volatile long remoteCrcErrors;

    PseudowireSpan(SpanConfig config, PwSpanLink link, Runnable onClose) {
        this.config = config;
        this.link = link;
        this.onClose = onClose;
        this.type = config.type();
        this.e1 = type == SpanType.E1;
        this.frameBytes = type.bytesPerFrame();
        this.mux = new SpanMux(config);
        PwSpanOptions options = link.options();
        this.satop = options.mode() == PwMode.SATOP;
        this.payloadBytes = link.payloadBytes();
        this.framesPerPacket = options.framesPerPacket();
        this.slotIndex = options.timeslots().stream().mapToInt(type::frameIndex).toArray();
        boolean crc = config.framing().hasCrc();
        this.e1Framer = satop && e1 ? new E1Framer(crc) : null;
        this.e1Deframer = satop && e1 ? new E1Deframer(crc, AlarmListener.NONE) : null;
        this.t1Framer = satop && !e1 ? new T1Framer(config.framing()) : null;
        this.t1Deframer = satop && !e1 ? new T1Deframer(config.framing(), AlarmListener.NONE) : null;
        this.txStream = new byte[payloadBytes + 2 * frameBytes + 8];
        this.rxPacket = new byte[payloadBytes];
        this.rxFramesPerPacketMax = satop ? payloadBytes * 8 / type.bitsPerFrame() + 2 : framesPerPacket;
        this.rxFrameInPacket = framesPerPacket;
        this.steered = link.clockRecovery().steered();
        this.alarms =
                new SpanAlarms(config.name(), satop ? Set.of(Alarm.LOS, Alarm.LOF, Alarm.AIS) : Set.of(Alarm.LOS));
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
    public void setEventListener(SpanEventListener listener) {
        alarms.listener(listener);
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
        return open && driverRunning;
    }

    @Override
    public SpanTiming timing() {
        return steered ? SpanTiming.RECOVERED : SpanTiming.FRAME_CLOCK;
    }

    void driverRunning(boolean running) {
        this.driverRunning = running;
    }

    /**
     * Our TDM side is in failure (e.g. the media side lost its source): the packets sent carry the L bit, and
     * SAToP all ones, so the far end plays AIS.
     */
    public void localFailure(boolean failure) {
        this.localFailure = failure;
    }

    /**
     * Simulates the local attachment circuit: {@link LineCondition#CUT} (LOS) or {@link LineCondition#AIS} on our TDM
     * side set the L bit of the packets sent (with the simulated line as their payload); the far end plays them as all
     * ones (AIS).
     */
    public void setLineCondition(LineCondition newCondition) {
        this.condition = newCondition;
    }

    /** The pseudowire's counters and clock recovery figures (consistent as of the last block). */
    public PwLinkStats pseudowireStats() {
        return link.stats();
    }

    /** Packets dropped as malformed with {@code status} (read on the frame thread, or after the driver stopped). */
    public long malformed(DecodeStatus status) {
        return link.malformed(status);
    }

    /** Local UDP address the span listens on (the actual port when 0 was configured). */
    public java.net.InetSocketAddress localAddress() {
        return link.localAddress();
    }

    PwSpanLink link() {
        return link;
    }

    /**
     * Frame thread: moves the block's frames each way (one more or fewer when the span follows the line), then tells
     * the frame listener.
     */
    void onBlock(long firstFrame, int clockFrames, long nowNanos) {
        if (!open) {
            return;
        }
        int frames = clockFrames;
        if (steered) {
            steerFrames += clockFrames * link.clockRecovery().correctionPpm() * 1e-6;
            if (steerFrames >= 1) {
                steerFrames -= 1;
                frames++;
                slips++;
                slipFrames++;
            } else if (steerFrames <= -1) {
                steerFrames += 1;
                frames--;
                slips++;
                slipFrames--;
            }
        }
        ensureCapacity(clockFrames + 1);
        transmit(frames, nowNanos);
        receive(frames, nowNanos);
        framesSent.lazySet(framesSent.get() + frames);
        framesReceived.lazySet(framesReceived.get() + frames);
        updateAlarms();
        link.publish(slips, slipFrames);
        FrameListener l = frameListener;
        if (l != null) {
            l.onFrames(framesReceived.get() - frames, frames);
        }
    }

    private void ensureCapacity(int frames) {
        if (txFrames.length < frames * frameBytes) {
            txFrames = new byte[frames * frameBytes];
            rxQueue = Arrays.copyOf(rxQueue, (frames + rxFramesPerPacketMax + 4) * frameBytes);
        }
    }

    private boolean attachmentFailed() {
        return localFailure || condition != LineCondition.NORMAL;
    }

    private void transmit(int frames, long nowNanos) {
        boolean failed = attachmentFailed();
        if (satop) {
            mux.transmitFrames(txFrames, 0, frames);
            transmitStream(frames, failed, nowNanos);
            return;
        }
        int modifier = !failed && !alarms.receiving() ? MODIFIER_RDI : 0;
        int slots = slotIndex.length;
        int done = 0;
        while (done < frames) {
            int take = Math.min(frames - done, framesPerPacket - txFrameInPacket);
            int off = txFrameInPacket * slots;
            mux.transmitSlots(txStream, off, take, slotIndex);
            if (failed) {
                Arrays.fill(txStream, off, off + take * slots, (byte) 0xFF);
            }
            txFrameInPacket += take;
            done += take;
            if (txFrameInPacket == framesPerPacket) {
                txFrameInPacket = 0;
                link.send(txStream, failed, modifier, nowNanos + (done - 1) * 125_000L);
            }
        }
    }

    private void transmitStream(int frames, boolean failed, long nowNanos) {
        LineCondition line = condition;
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

    private void receive(int frames, long nowNanos) {
        if (!satop) {
            receiveSlots(frames, nowNanos);
            return;
        }
        int capacity = rxQueue.length / frameBytes;
        while (rxQueued < frames) {
            long at = nowNanos + rxQueued * 125_000L;
            lastPlayout = link.playout(rxPacket, at);
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

    /** CESoPSN: the played packet's timeslots go straight to the channels; the next packet is played when it ends. */
    private void receiveSlots(int frames, long nowNanos) {
        int slots = slotIndex.length;
        int done = 0;
        while (done < frames) {
            if (rxFrameInPacket == framesPerPacket) {
                lastPlayout = link.playout(rxPacket, nowNanos + done * 125_000L);
                lastModifier = link.jitterBuffer().playedModifier();
                rxFrameInPacket = 0;
            }
            int take = Math.min(frames - done, framesPerPacket - rxFrameInPacket);
            mux.receiveSlots(rxPacket, rxFrameInPacket * slots, take, slotIndex);
            rxFrameInPacket += take;
            done += take;
        }
    }

    private void updateAlarms() {
        JitterBuffer jb = link.jitterBuffer();
        boolean noPackets = !jb.playing() || jb.packetLossState();
        boolean farEndLoss = link.farEndLossState();
        if (satop) {
            if (e1) {
                alarms.set(Alarm.LOS, noPackets || e1Deframer.los());
                alarms.set(Alarm.LOF, e1Deframer.lof());
                alarms.set(Alarm.AIS, e1Deframer.ais());
                alarms.set(Alarm.RAI, e1Deframer.rai() || farEndLoss);
                alarms.set(Alarm.NO_CRC4_MULTIFRAME, e1Deframer.noCrc4Multiframe());
                counters(e1Deframer.crcErrors(), e1Deframer.framingErrors(), e1Deframer.remoteCrcErrors());
            } else {
                alarms.set(Alarm.LOS, noPackets || t1Deframer.los());
                alarms.set(Alarm.LOF, t1Deframer.lof());
                alarms.set(Alarm.AIS, t1Deframer.ais());
                alarms.set(Alarm.RAI, t1Deframer.rai() || farEndLoss);
                counters(t1Deframer.crcErrors(), t1Deframer.framingErrors(), 0);
            }
            return;
        }
        boolean played = lastPlayout == PlayoutResult.PLAYED;
        alarms.set(Alarm.LOS, noPackets);
        alarms.set(Alarm.AIS, !noPackets && lastPlayout == PlayoutResult.REMOTE_FAILURE);
        alarms.set(Alarm.RAI, farEndLoss || (played && lastModifier == MODIFIER_RDI));
    }

    private void counters(long crc, long framing, long remote) {
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
            alarms.deliver(new SpanEvent.CrcErrors(config.name(), crc));
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        onClose.run();
        alarms.deliver(new SpanEvent.Closed(config.name()));
    }
}
