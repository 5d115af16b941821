package org.pstngw.tdm.pseudowire;

import java.io.IOException;
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
 * The packet side of one pseudowire span: packs transmitted frames into SAToP/CESoPSN packets and sends
 * them, receives the far end's packets into the jitter buffer, and plays frames out of it.
 *
 * <p>Frames are in the SPI's whole-frame layout ({@link SpanType#frameIndex}): SAToP carries all 32
 * octets of an E1 frame (TS0 included), CESoPSN only the configured timeslots. One thread (the frame
 * clock's) calls everything; the socket is non-blocking and the buffers are allocated once.
 */
final class PwSpanLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PwSpanLink.class);
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;
    /**
     * Jitter buffer ring of at least 256 packets (256 ms at 8 frames per packet): a receiver whose
     * clock thread was held up catches up without overflowing it.
     */
    private static final int MIN_RING_PACKETS = 256;

    private final String span;
    private final String logName;
    private final PwSpanOptions options;
    private final PwPacketCodec codec;
    private final JitterBuffer jitter;
    private final AdaptiveClockRecovery clockRecovery;
    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final int framesPerPacket;
    private final int frameBytes;
    private final int[] slotIndex;
    private final byte[] txPayload;
    private final byte[] rxPayload;
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
    private final int drainBudget;

    private int txFrame;
    private int txSeq;
    private long txTimestamp;
    private int rxFrame;
    private boolean localFailure;
    private boolean farEndLossState;
    private boolean haveArrival;
    private int lastSeq;
    private long extendedSeq;
    private PlayoutResult lastPlayout = PlayoutResult.FILLING;

    private long packetsSent;
    private long sendFailures;
    private long packetsReceived;

    /** @param law the span's companding law: its idle code fills lost CESoPSN packets */
    PwSpanLink(String span, SpanType type, CompandingLaw law, PwSpanOptions options) throws IOException {
        this.span = span;
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
                options.jitterPackets(),
                Math.max(MIN_RING_PACKETS, 4 * options.jitterPackets()),
                options.fill(),
                law.idleCode(),
                options.lossStateEnter(),
                options.lossStateExit());
        this.drainBudget = jitter.capacity() / 2;
        long interval = options.framesPerPacket() * 125_000L;
        this.clockRecovery = AdaptiveClockRecovery.forInterval(interval);
        this.framesPerPacket = options.framesPerPacket();
        this.frameBytes = type.bytesPerFrame();
        this.slotIndex = options.timeslots().stream().mapToInt(type::frameIndex).toArray();
        this.txPayload = new byte[payload];
        this.rxPayload = new byte[payload];
        this.txBuffer = ByteBuffer.allocateDirect(codec.maxPacketBytes());
        this.rxBuffer = ByteBuffer.allocateDirect(2048);
        this.remote = options.remote();
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

    /** Sets the L bit of the packets sent: our TDM side is in failure (LOS, AIS, LOF). */
    void localFailure(boolean failure) {
        this.localFailure = failure;
    }

    /** Adds one transmitted frame; sends a packet when {@code framesPerPacket} are collected. */
    void transmitFrame(byte[] frame, int off, long nowNanos) {
        if (codec.mode() == PwMode.SATOP) {
            System.arraycopy(frame, off, txPayload, txFrame * frameBytes, frameBytes);
        } else {
            int base = txFrame * slotIndex.length;
            for (int k = 0; k < slotIndex.length; k++) {
                txPayload[base + k] = frame[off + slotIndex[k]];
            }
        }
        if (++txFrame == framesPerPacket) {
            txFrame = 0;
            send(nowNanos);
        }
    }

    private void send(long nowNanos) {
        ByteBuffer b = txBuffer.clear();
        codec.encodeHeader(b, localFailure, jitter.packetLossState(), 0, txSeq, txTimestamp, ssrc, false);
        if (localFailure) {
            java.util.Arrays.fill(txPayload, (byte) 0xFF);
        }
        b.put(txPayload).flip();
        txSeq = PwSequence.next(txSeq);
        txTimestamp += framesPerPacket;
        try {
            if (channel.send(b, remote) > 0) {
                packetsSent++;
            } else {
                sendFailures++;
            }
        } catch (IOException e) {
            sendFailures++;
            sendLog.warn(nowNanos, logName, e.getMessage(), e);
        }
    }

    /**
     * Reads the datagrams waiting on the socket into the jitter buffer, at most half its ring per block:
     * after a stall the rest stays in the socket buffer for the next blocks instead of overflowing it.
     */
    void drain(long nowNanos) {
        for (int n = 0; n < drainBudget; n++) {
            ByteBuffer b = rxBuffer.clear();
            try {
                if (channel.receive(b) == null) {
                    return;
                }
            } catch (IOException e) {
                receiveLog.warn(nowNanos, logName, e.getMessage(), e);
                return;
            }
            b.flip();
            accept(b, nowNanos);
        }
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
        jitter.offer(seq, header.localFailure(), datagram, header.payloadOffset(), header.payloadLength());
    }

    /** Fills {@code frame} with the next received frame (played out of the jitter buffer). */
    void receiveFrame(byte[] frame, int off, long nowNanos) {
        if (rxFrame == 0) {
            lastPlayout = jitter.playout(rxPayload, 0);
            clockRecovery.onPlayout(jitter.fillLevel(), nowNanos);
        }
        if (codec.mode() == PwMode.SATOP) {
            System.arraycopy(rxPayload, rxFrame * frameBytes, frame, off, frameBytes);
        } else {
            int base = rxFrame * slotIndex.length;
            for (int k = 0; k < slotIndex.length; k++) {
                frame[off + slotIndex[k]] = rxPayload[base + k];
            }
        }
        if (++rxFrame == framesPerPacket) {
            rxFrame = 0;
        }
    }

    /** The result of the last playout: REMOTE_FAILURE means the far end's TDM side is failed (AIS). */
    PlayoutResult lastPlayout() {
        return lastPlayout;
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

    PwLinkStats stats() {
        long bad = 0;
        for (long m : malformed) {
            bad += m;
        }
        return new PwLinkStats(
                packetsSent,
                sendFailures,
                packetsReceived,
                bad,
                jitter.played(),
                jitter.lost(),
                jitter.late(),
                jitter.duplicates(),
                jitter.overflows(),
                jitter.underruns(),
                jitter.fillLevel(),
                clockRecovery.arrivalPpm(),
                clockRecovery.fillPpm());
    }

    long malformed(DecodeStatus status) {
        return malformed[status.index()];
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("span {}: closing the pseudowire socket failed", span, e);
        }
    }
}
