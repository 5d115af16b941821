package org.pstngw.tdm.pseudowire;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.pstngw.tdm.spi.CompandingLaw;
import org.pstngw.tdm.spi.SpanType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet side of one pseudowire span: sends SAToP/CESoPSN packets of the payloads the span builds, receives the
 * far end's packets into the jitter buffer and plays their payloads out.
 *
 * <p>The span's UDP port is a {@link PwTransport}, its own or shared with other spans on the same local port; the
 * transport hands this link only the datagrams whose source is the configured far end, so a stray sender can neither
 * play audio into the span nor reset its jitter buffer. Sequence numbers and RTP timestamps start at a random value
 * (RFC 3550 section 5.1: a known start would ease attacks on the stream). Everything runs on the frame clock's
 * thread, with buffers allocated once. {@link #stats()} may be called from any thread: the frame thread publishes
 * its counters once per block under a sequence lock.
 */
final class PwSpanLink {
    private static final Logger LOG = LoggerFactory.getLogger(PwSpanLink.class);
    /**
     * Jitter buffer ring of at least 256 packets (256 ms at 8 frames per packet): a receiver whose clock thread was
     * held up catches up without overflowing it.
     */
    private static final int MIN_RING_PACKETS = 256;

    private static final VarHandle VERSION;
    private static final VarHandle PUBLISHED = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(PwSpanLink.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String logName;
    private final PwSpanOptions options;
    private final PwPacketCodec codec;
    private final JitterBuffer jitter;
    private final AdaptiveClockRecovery clockRecovery;
    private final InetSocketAddress remote;
    private PwTransport transport;
    private MemorySegment nativeRemote = MemorySegment.NULL;
    private int nativeRemoteLength;
    private final PwHeader header = new PwHeader();
    private final long[] malformed = new long[DecodeStatus.COUNT];
    private final RateLimitedLog malformedLog =
            new RateLimitedLog(LOG, "malformed pseudowire packet dropped", TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog sendLog =
            new RateLimitedLog(LOG, "pseudowire packet not sent", TimeUnit.SECONDS.toNanos(10));
    private final long ssrc;
    private final int timestampStep;

    private int txSeq;
    private long txTimestamp;
    private boolean farEndLossState;
    private boolean haveArrival;
    private int lastSeq;
    private long extendedSeq;

    private long packetsSent;
    private long sendFailures;
    private long packetsReceived;

    @SuppressWarnings("unused") // accessed through VERSION
    private volatile int version;

    private final long[] published = new long[STATS];

    // Indexes of the counters stats() reports, in the published array.
    private static final int SENT = 0;
    private static final int SEND_FAILURES = 1;
    private static final int RECEIVED = 2;
    private static final int RECEIVE_FAILURES = 3;
    private static final int MALFORMED = 4;
    private static final int PLAYOUTS = 5;
    private static final int PLAYED = 6;
    private static final int LOST = 7;
    private static final int LATE = 8;
    private static final int DUPLICATES = 9;
    private static final int OVERFLOWS = 10;
    private static final int UNDERRUNS = 11;
    private static final int STRAYS = 12;
    private static final int FILL = 13;
    private static final int ARRIVAL_PPM = 14;
    private static final int FILL_PPM = 15;
    private static final int CORRECTION_PPM = 16;
    private static final int SLIPS = 17;
    private static final int SLIP_FRAMES = 18;
    private static final int REBUFFERS = 19;
    private static final int STATS = 20;

    /**
     * @param law the span's companding law: its idle code fills lost CESoPSN packets
     * @param steered whether the span steers its timing from the clock recovery (clock source line)
     * @param random 64 random bits: the first sequence number is the low 16, the first RTP timestamp the high 32
     */
    PwSpanLink(String span, SpanType type, CompandingLaw law, PwSpanOptions options, boolean steered, long random) {
        this.logName = "span " + span;
        this.options = options;
        int payload = options.payloadBytes(type);
        this.codec = new PwPacketCodec(
                options.mode(),
                payload,
                options.rtp(),
                options.rtpPayloadType(),
                options.remoteSsrc().orElse(-1));
        this.jitter = new JitterBuffer(
                payload,
                options.jitterPackets(type),
                Math.max(MIN_RING_PACKETS, 4 * options.jitterPackets(type)),
                options.fill(),
                law.idleCode(),
                options.lossStateEnter(),
                options.lossStateExit());
        this.clockRecovery = AdaptiveClockRecovery.forInterval(Math.round(options.packetIntervalNanos(type)), steered);
        this.timestampStep = (int) Math.round(options.packetIntervalNanos(type) / 125_000.0);
        this.ssrc = span.hashCode() & 0xFFFFFFFFL;
        this.remote = options.remote();
        this.txSeq = (int) (random & 0xFFFF);
        this.txTimestamp = random >>> 32;
    }

    /** Joins the span's port: from now on it hears the far end and sends through it. */
    void attach(PwTransport port) {
        this.transport = port;
        port.join(this);
    }

    PwTransport transport() {
        return transport;
    }

    /** The far end: where packets go, and the only source heard. */
    InetSocketAddress remote() {
        return remote;
    }

    /** The far end as a native sockaddr ({@link MmsgTransport}). */
    void nativeRemote(MemorySegment address, int length) {
        this.nativeRemote = address;
        this.nativeRemoteLength = length;
    }

    MemorySegment nativeRemote() {
        return nativeRemote;
    }

    int nativeRemoteLength() {
        return nativeRemoteLength;
    }

    InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    /** The next sequence number to send. */
    int nextSequence() {
        return txSeq;
    }

    /** Payload octets of every packet, sent and received. */
    int payloadBytes() {
        return codec.payloadBytes();
    }

    /**
     * Sends one packet of {@link #payloadBytes()} octets from {@code payload}; the R bit is our packet-loss state.
     *
     * @param localFailure the L bit: our attachment circuit's data is invalid
     * @param modifier the M bits (CESoPSN; 0 for SAToP)
     */
    void send(byte[] payload, boolean localFailure, int modifier, long nowNanos) {
        ByteBuffer b = transport.beginSend();
        codec.encodeHeader(b, localFailure, jitter.packetLossState(), modifier, txSeq, txTimestamp, ssrc, false);
        b.put(payload, 0, codec.payloadBytes());
        txSeq = PwSequence.next(txSeq);
        txTimestamp += timestampStep;
        transport.endSend(this, nowNanos);
    }

    /** The transport sent one of our packets. */
    void sent() {
        packetsSent++;
    }

    /** The transport could not send one of our packets. */
    void sendFailed(String reason, long nowNanos) {
        sendFailures++;
        sendLog.warn(nowNanos, logName, reason, null);
    }

    /** Decodes one datagram (position to limit) and offers it to the jitter buffer. */
    void accept(ByteBuffer datagram, long nowNanos) {
        DecodeStatus status = codec.decode(datagram, header);
        if (status.isMalformed()) {
            malformed[status.index()]++;
            malformedLog.warn(nowNanos, logName, status, null);
            return;
        }
        packetsReceived++;
        int seq = header.sequence();
        if (haveArrival) {
            extendedSeq += PwSequence.delta(lastSeq, seq);
        }
        haveArrival = true;
        lastSeq = seq;
        farEndLossState = header.remoteFailure();
        clockRecovery.onArrival(extendedSeq, nowNanos);
        jitter.offer(
                seq,
                header.localFailure(),
                header.modifier(),
                datagram,
                header.payloadOffset(),
                header.payloadLength());
    }

    /** Plays out the next packet interval's payload into {@code dst} (at 0). */
    PlayoutResult playout(byte[] dst, long nowNanos) {
        PlayoutResult result = jitter.playout(dst, 0);
        clockRecovery.onPlayout(jitter.fillLevel(), nowNanos);
        return result;
    }

    /** The far end reports packet loss (R bit of its last packet): it does not hear us. */
    boolean farEndLossState() {
        return farEndLossState;
    }

    PwSpanOptions options() {
        return options;
    }

    JitterBuffer jitterBuffer() {
        return jitter;
    }

    AdaptiveClockRecovery clockRecovery() {
        return clockRecovery;
    }

    /** Frame thread, once per block: makes the counters visible to {@link #stats()} as one consistent snapshot. */
    void publish(long slips, long slipFrames) {
        long bad = 0;
        for (long m : malformed) {
            bad += m;
        }
        int v = version;
        VERSION.setRelease(this, v + 1);
        VarHandle.storeStoreFence();
        put(SENT, packetsSent);
        put(SEND_FAILURES, sendFailures);
        put(RECEIVED, packetsReceived);
        put(RECEIVE_FAILURES, transport.receiveFailures());
        put(MALFORMED, bad);
        put(PLAYOUTS, jitter.playouts());
        put(PLAYED, jitter.played());
        put(LOST, jitter.lost());
        put(LATE, jitter.late());
        put(DUPLICATES, jitter.duplicates());
        put(OVERFLOWS, jitter.overflows());
        put(UNDERRUNS, jitter.underruns());
        put(STRAYS, jitter.strays());
        put(FILL, jitter.fillLevel());
        put(ARRIVAL_PPM, Double.doubleToRawLongBits(clockRecovery.arrivalPpm()));
        put(FILL_PPM, Double.doubleToRawLongBits(clockRecovery.fillPpm()));
        put(CORRECTION_PPM, Double.doubleToRawLongBits(clockRecovery.correctionPpm()));
        put(SLIPS, slips);
        put(SLIP_FRAMES, slipFrames);
        put(REBUFFERS, jitter.rebuffers());
        VERSION.setRelease(this, v + 2);
    }

    private void put(int stat, long value) {
        PUBLISHED.setOpaque(published, stat, value);
    }

    private long get(int stat) {
        return (long) PUBLISHED.getOpaque(published, stat);
    }

    /** The counters as of the last block, read consistently from any thread. */
    PwLinkStats stats() {
        while (true) {
            int before = (int) VERSION.getAcquire(this);
            if ((before & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            PwLinkStats s = new PwLinkStats(
                    get(SENT),
                    get(SEND_FAILURES),
                    get(RECEIVED),
                    get(RECEIVE_FAILURES),
                    get(MALFORMED),
                    get(PLAYOUTS),
                    get(PLAYED),
                    get(LOST),
                    get(LATE),
                    get(DUPLICATES),
                    get(OVERFLOWS),
                    get(UNDERRUNS),
                    get(STRAYS),
                    (int) get(FILL),
                    Double.longBitsToDouble(get(ARRIVAL_PPM)),
                    Double.longBitsToDouble(get(FILL_PPM)),
                    Double.longBitsToDouble(get(CORRECTION_PPM)),
                    get(SLIPS),
                    get(SLIP_FRAMES),
                    get(REBUFFERS));
            VarHandle.loadLoadFence();
            if ((int) VERSION.getAcquire(this) == before) {
                return s;
            }
        }
    }

    long malformed(DecodeStatus status) {
        return malformed[status.index()];
    }
}
