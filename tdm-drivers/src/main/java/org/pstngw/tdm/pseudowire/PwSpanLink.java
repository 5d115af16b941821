package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
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
 * <p>The socket is connected to the configured far end, so the kernel delivers only its datagrams: a stray sender
 * can neither play audio into the span nor reset its jitter buffer. Everything runs on the frame clock's thread; the
 * socket is non-blocking and the buffers are allocated once. {@link #stats()} may be called from any thread: the
 * frame thread publishes its counters once per block under a sequence lock.
 */
final class PwSpanLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PwSpanLink.class);
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;
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
    private final DatagramChannel channel;
    private final ByteBuffer txBuffer;
    private final ByteBuffer rxBuffer;
    private final PwHeader header = new PwHeader();
    private final long[] malformed = new long[DecodeStatus.COUNT];
    private final RateLimitedLog malformedLog =
            new RateLimitedLog(LOG, "malformed pseudowire packet dropped", TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog sendLog =
            new RateLimitedLog(LOG, "pseudowire packet not sent", TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog receiveLog =
            new RateLimitedLog(LOG, "pseudowire receive failed", TimeUnit.SECONDS.toNanos(10));
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
    private long receiveFailures;

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
    private static final int STATS = 19;

    /**
     * @param law the span's companding law: its idle code fills lost CESoPSN packets
     * @param steered whether the span steers its timing from the clock recovery (clock source line)
     */
    PwSpanLink(String span, SpanType type, CompandingLaw law, PwSpanOptions options, boolean steered)
            throws IOException {
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
        this.txBuffer = ByteBuffer.allocateDirect(codec.maxPacketBytes());
        this.rxBuffer = ByteBuffer.allocateDirect(2048);
        this.ssrc = span.hashCode() & 0xFFFFFFFFL;
        var family = options.local().getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        DatagramChannel ch = DatagramChannel.open(family);
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
            ch.bind(options.local());
            ch.connect(options.remote());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
    }

    DatagramChannel channel() {
        return channel;
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
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
        ByteBuffer b = txBuffer.clear();
        codec.encodeHeader(b, localFailure, jitter.packetLossState(), modifier, txSeq, txTimestamp, ssrc, false);
        b.put(payload, 0, codec.payloadBytes()).flip();
        txSeq = PwSequence.next(txSeq);
        txTimestamp += timestampStep;
        try {
            if (channel.write(b) > 0) {
                packetsSent++;
            } else {
                sendFailures++;
                sendLog.warn(nowNanos, logName, "socket send buffer full", null);
            }
        } catch (java.nio.channels.ClosedChannelException e) {
            sendFailures++;
        } catch (IOException e) {
            sendFailures++;
            sendLog.warn(nowNanos, logName, e.getMessage(), e);
        }
    }

    /**
     * Reads one datagram waiting on the socket into the jitter buffer; the driver calls it once per round for each
     * socket its selector finds readable, so no read is spent on an empty socket. A refused port (an ICMP error the
     * kernel reports on a connected socket) is counted.
     *
     * @return whether a datagram was read
     */
    boolean drainOne(long nowNanos) {
        ByteBuffer b = rxBuffer.clear();
        try {
            if (channel.read(b) <= 0) {
                return false;
            }
        } catch (java.nio.channels.ClosedChannelException e) {
            return false;
        } catch (java.net.PortUnreachableException e) {
            receiveFailures++;
            receiveLog.warn(nowNanos, logName, "far end's port unreachable (ICMP)", null);
            return true;
        } catch (IOException e) {
            receiveFailures++;
            receiveLog.warn(nowNanos, logName, e.getMessage(), e);
            return false;
        }
        b.flip();
        accept(b, nowNanos);
        return true;
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
        put(RECEIVE_FAILURES, receiveFailures);
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
                    get(SLIP_FRAMES));
            VarHandle.loadLoadFence();
            if ((int) VERSION.getAcquire(this) == before) {
                return s;
            }
        }
    }

    long malformed(DecodeStatus status) {
        return malformed[status.index()];
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the pseudowire socket failed", logName, e);
        }
    }
}
