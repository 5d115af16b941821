package org.pstngw.tdm.pseudowire;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.clock.FrameListener;
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
import org.pstngw.tdm.spi.SpanTiming;

/**
 * A span carried over a pseudowire. Each block it takes the frames' bytes from the channels' transmit buffers ({@link
 * SpanMux}) and sends them, and gives the channels the frames played out of the jitter buffer.
 *
 * <p>The payloads are built and read by its {@link PwPayloadPath}: {@link SatopLine} for SAToP (RFC 4553, the whole
 * line with real {@link E1Framer}/{@link T1Framer} framing, received through the real {@link E1Deframer}/{@link
 * T1Deframer}) or {@link CesopsnSlots} for CESoPSN (RFC 5086, the configured timeslots; alarms in the control word's L
 * and M bits).
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
    private final SpanConfig config;
    private final PwSpanLink link;
    private final Runnable onClose;
    private final SpanMux mux;
    private final PwPayloadPath path;
    private final SpanAlarms alarms;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private final boolean steered;
    private double steerFrames;
    private long slips;
    private long slipFrames;

    private volatile FrameListener frameListener;
    private volatile boolean open = true;
    private volatile boolean localFailure;
    private volatile LineCondition condition = LineCondition.NORMAL;
    private volatile boolean driverRunning;

    PseudowireSpan(SpanConfig config, PwSpanLink link, Runnable onClose) {
        this.config = config;
        this.link = link;
        this.onClose = onClose;
        this.mux = new SpanMux(config);
        PwSpanOptions options = link.options();
        boolean satop = options.mode() == PwMode.SATOP;
        this.path = satop
                ? new SatopLine(config, link, mux)
                : new CesopsnSlots(
                        link,
                        mux,
                        options.timeslots().stream()
                                .mapToInt(config.type()::frameIndex)
                                .toArray(),
                        options.framesPerPacket());
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
        return new SpanCounters(
                framesSent.get(), framesReceived.get(), path.crcErrors(), path.framingErrors(), path.remoteCrcErrors());
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
        LineCondition line = condition;
        path.transmit(frames, localFailure || line != LineCondition.NORMAL, line, alarms.receiving(), nowNanos);
        path.receive(frames, nowNanos);
        framesSent.lazySet(framesSent.get() + frames);
        framesReceived.lazySet(framesReceived.get() + frames);
        updateAlarms();
        link.publish(slips, slipFrames);
        FrameListener l = frameListener;
        if (l != null) {
            l.onFrames(framesReceived.get() - frames, frames);
        }
    }

    private void updateAlarms() {
        JitterBuffer jb = link.jitterBuffer();
        path.updateAlarms(alarms, !jb.playing() || jb.packetLossState(), link.farEndLossState());
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
