package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.ChannelConfig;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.InvalidSpanConfigException;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanEvent;
import org.pstngw.tdm.spi.SpanType;

/**
 * Two pseudowire driver instances on loopback, an E1 span each, joined through a hand-pumped UDP relay (which can
 * drop, duplicate or swap packets in each direction). One virtual frame clock drives both, so every run is exact: the
 * byte streams written into one side's 31 channels are compared, whole, with what the other side's channels deliver.
 * SAToP spans carry the real E1 framing (CRC-4 multiframe): the receiver's deframer aligns on the stream, so the
 * first three frames it sees, and the three after each lost packet of all ones, go to the channels as all ones
 * (G.706 4.1.2 needs FAS, NFAS, FAS before it trusts an alignment).
 */
class PseudowireInteropIT {
    private static final int FRAMES = 8;
    private static final int PACKETS = 300;

    private final VirtualFrameClock clock = new VirtualFrameClock(FRAMES);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final UdpRelay relay;
    private PseudowireSpan spanA;
    private PseudowireSpan spanB;
    private PseudowireDriver driverA;
    private PseudowireDriver driverB;
    private final List<SpanEvent> eventsA = new CopyOnWriteArrayList<>();
    private final List<SpanEvent> eventsB = new CopyOnWriteArrayList<>();
    private final byte[][] receivedA = new byte[32][];
    private final byte[][] receivedB = new byte[32][];
    private int receivedLength;

    PseudowireInteropIT() throws IOException {
        relay = new UdpRelay();
        closeables.add(relay);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private SpanType type = SpanType.E1;
    private int hdlcTimeslot;

    private void open(PwMode mode, Map<String, String> extra) throws IOException {
        driverA = new PseudowireDriver(DriverContext.of(clock));
        driverB = new PseudowireDriver(DriverContext.of(clock));
        closeables.add(driverA);
        closeables.add(driverB);
        spanA = driverA.openSpan(e1("a", mode, relay.addressForA(), extra));
        spanB = driverB.openSpan(e1("b", mode, relay.addressForB(), extra));
        spanA.setEventListener(eventsA::add);
        spanB.setEventListener(eventsB::add);
        relay.spans(spanA.localAddress(), spanB.localAddress());
        driverA.start();
        driverB.start();
    }

    private SpanConfig e1(String name, PwMode mode, InetSocketAddress remote, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(extra);
        o.put(PwSpanOptions.MODE, mode.name().toLowerCase(Locale.ROOT));
        o.put(PwSpanOptions.REMOTE_ADDRESS, "127.0.0.1");
        o.put(PwSpanOptions.REMOTE_PORT, Integer.toString(remote.getPort()));
        return SpanConfig.full(name, type, hdlcTimeslot).withOptions(o);
    }

    private static byte pattern(int timeslot, int frame, int side) {
        int x = frame * 0x9E3779B1 + timeslot * 0x85EBCA6B + side * 0x27D4EB2F;
        return (byte) (x ^ (x >>> 15) ^ (x >>> 24));
    }

    /** Runs {@code blocks} blocks; the first PACKETS blocks write the pattern into both spans. */
    private void run(int blocks) throws IOException {
        for (int ts = 1; ts <= type.lastTimeslot(); ts++) {
            receivedA[ts] = new byte[blocks * FRAMES];
            receivedB[ts] = new byte[blocks * FRAMES];
        }
        byte[] chunk = new byte[FRAMES];
        for (int blk = 0; blk < blocks; blk++) {
            if (blk < PACKETS) {
                for (int ts = 1; ts <= type.lastTimeslot(); ts++) {
                    if (ts == hdlcTimeslot) {
                        continue;
                    }
                    for (int side = 0; side < 2; side++) {
                        for (int f = 0; f < FRAMES; f++) {
                            chunk[f] = pattern(ts, blk * FRAMES + f, side);
                        }
                        var span = side == 0 ? spanA : spanB;
                        assertThat(span.channel(ts).orElseThrow().write(chunk, 0, FRAMES))
                                .isEqualTo(FRAMES);
                    }
                }
            }
            clock.advanceBlocks(1);
            relay.pump();
            for (int ts = 1; ts <= type.lastTimeslot(); ts++) {
                if (ts == hdlcTimeslot) {
                    continue;
                }
                int n = spanA.channel(ts).orElseThrow().read(receivedA[ts], blk * FRAMES, FRAMES);
                int m = spanB.channel(ts).orElseThrow().read(receivedB[ts], blk * FRAMES, FRAMES);
                assertThat(n).isEqualTo(FRAMES);
                assertThat(m).isEqualTo(FRAMES);
            }
        }
        receivedLength = blocks * FRAMES;
    }

    /**
     * Checks one direction: after the jitter buffer's filling prefix, packet k of the receiver's stream
     * is the sender's packet k, or the fill pattern when the relay dropped it.
     */
    private void assertStream(
            PseudowireSpan receiver, byte[][] received, int side, java.util.function.LongPredicate dropped) {
        assertStream(receiver, received, side, dropped, FRAMES);
    }

    private void assertStream(
            PseudowireSpan receiver, byte[][] received, int side, java.util.function.LongPredicate dropped, int fpp) {
        PwLinkStats s = receiver.pseudowireStats();
        int packets = PACKETS * FRAMES / fpp;
        long filling = s.playouts() - s.played() - s.lost();
        assertThat(s.played() + s.lost()).isGreaterThanOrEqualTo(packets);
        long expectedLost = 0;
        boolean satop = receiver.link().options().mode() == PwMode.SATOP;
        byte fill = satop ? (byte) 0xFF : receiver.config().law().idleCode();
        for (int k = 0; k < packets; k++) {
            boolean gone = dropped.test(k);
            if (gone) {
                expectedLost++;
            }
            // SAToP: the deframer trusts an alignment only after FAS, NFAS, FAS (E1: 3 frames), or 16 FPS bits ending
            // on frame 24 (T1 ESF: 72 frames); and again after each lost packet of all ones (E1).
            int initialAlign = satop ? (type == SpanType.E1 ? 3 : 72) : 0;
            boolean afterLoss = satop && k > 0 && dropped.test(k - 1);
            for (int ts = 1; ts <= type.lastTimeslot(); ts++) {
                if (ts == hdlcTimeslot) {
                    continue;
                }
                for (int f = 0; f < fpp; f++) {
                    int at = (int) ((filling + k) * fpp + f);
                    boolean aligning = k * fpp + f < initialAlign || (afterLoss && f < 3);
                    byte want = gone || aligning ? fill : pattern(ts, k * fpp + f, side);
                    if (received[ts][at] != want) {
                        throw new AssertionError("side " + side + " packet " + k + " ts " + ts + " frame " + f
                                + ": got " + received[ts][at] + ", want " + want);
                    }
                }
            }
        }
        for (long k = packets; k < s.played() + s.lost(); k++) {
            if (dropped.test(k)) {
                expectedLost++;
            }
        }
        assertThat(s.lost()).isEqualTo(expectedLost);
        assertThat(s.late()).isZero();
        assertThat(s.underruns()).isZero();
        assertThat(filling).isPositive();
        assertThat(receivedLength).isPositive();
    }

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void framesArriveBitExactBothWays(PwMode mode) throws IOException {
        open(mode, Map.of());
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> false);
        assertStream(spanA, receivedA, 1, k -> false);
        // The last block's packet is still on its way (drained at the next block).
        assertThat(spanB.pseudowireStats().packetsReceived()).isEqualTo(PACKETS + 40 - 1);
        assertThat(spanB.alarms()).isEmpty();
        assertThat(spanA.alarms()).isEmpty();
        assertThat(eventsB).contains(new SpanEvent.AlarmCleared("b", Alarm.LOS), new SpanEvent.InSync("b"));
        assertThat(spanB.counters().crcErrors()).isZero();
        assertThat(spanB.counters().framingErrors()).isZero();
    }

    @Test
    void satopCarriesTheCrc4MultiframeAndTheFarEndsRemoteAlarmBit() throws IOException {
        open(PwMode.SATOP, Map.of());
        run(60);
        assertThat(spanB.alarms()).isEmpty();
        // A's receive side goes down (nothing from B): A's framer sets the A bit, B reads it from TS0 as RAI.
        relay.bToA().policy(n -> UdpRelay.Action.DROP);
        run(60);
        assertThat(spanA.alarms()).contains(Alarm.LOS, Alarm.LOF, Alarm.AIS);
        assertThat(spanB.alarms()).containsExactly(Alarm.RAI);
        relay.bToA().policy(n -> UdpRelay.Action.FORWARD);
        run(60);
        assertThat(spanA.alarms()).isEmpty();
        assertThat(spanB.alarms()).isEmpty();
        // A flipped payload bit is one errored CRC-4 sub-multiframe at B, reported back to A in an E bit.
        long flipAt = relay.aToB().count() + 20;
        relay.aToB().policy(n -> n == flipAt ? UdpRelay.Action.FLIP_LAST_BIT : UdpRelay.Action.FORWARD);
        long crcBefore = spanB.counters().crcErrors();
        long remoteBefore = spanA.counters().remoteCrcErrors();
        run(100);
        assertThat(spanB.counters().crcErrors()).isEqualTo(crcBefore + 1);
        assertThat(spanA.counters().remoteCrcErrors()).isEqualTo(remoteBefore + 1);
        assertThat(spanB.alarms()).isEmpty();
    }

    @Test
    void t1SpanOverSatopCarriesTheEsfStream() throws IOException {
        type = SpanType.T1;
        open(PwMode.SATOP, Map.of());
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> false);
        assertStream(spanA, receivedA, 1, k -> false);
        assertThat(spanB.link().payloadBytes()).isEqualTo(193);
        assertThat(spanB.alarms()).isEmpty();
        assertThat(spanB.counters().crcErrors()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void withAnRtpHeaderFramesStillArriveBitExact(PwMode mode) throws IOException {
        open(mode, Map.of(PwSpanOptions.RTP, "true", PwSpanOptions.FRAMES_PER_PACKET, "4"));
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> false, 4);
        assertStream(spanA, receivedA, 1, k -> false, 4);
    }

    @Test
    void t1SpanOverCesopsnArrivesBitExactWithLossFilledByMuLawIdle() throws IOException {
        type = SpanType.T1;
        open(PwMode.CESOPSN, Map.of());
        relay.aToB().policy(n -> n % 25 == 24 ? UdpRelay.Action.DROP : UdpRelay.Action.FORWARD);
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> k % 25 == 24);
        assertStream(spanA, receivedA, 1, k -> false);
    }

    @Test
    void hdlcSignallingTimeslotCrossesTheCesopsnPseudowire() throws IOException {
        hdlcTimeslot = 16;
        open(PwMode.CESOPSN, Map.of());
        byte[] msu = {(byte) 0x81, 0x02, 0x03, 0x40, 0x55, (byte) 0xAA, 0x7E, 0x7D, 0x00, (byte) 0xFF};
        var a16 = spanA.hdlcChannel(16).orElseThrow();
        var b16 = spanB.hdlcChannel(16).orElseThrow();
        assertThat(a16.send(msu, 0, msu.length)).isTrue();
        run(PACKETS + 40);
        byte[] got = new byte[b16.maxFrameLength()];
        int len = b16.receive(got, 0);
        assertThat(java.util.Arrays.copyOf(got, Math.max(len, 0))).containsExactly(msu);
        assertThat(b16.fcsErrors()).isZero();
        assertStream(spanB, receivedB, 0, k -> false);
    }

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void everyTenthPacketDroppedIsCountedExactlyAndFilled(PwMode mode) throws IOException {
        open(mode, Map.of());
        relay.aToB().policy(n -> n % 10 == 9 ? UdpRelay.Action.DROP : UdpRelay.Action.FORWARD);
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> k % 10 == 9);
        assertStream(spanA, receivedA, 1, k -> false);
        PwLinkStats s = spanB.pseudowireStats();
        assertThat(s.lost()).isEqualTo((s.played() + s.lost()) / 10);
        assertThat(relay.aToB().dropped()).isGreaterThanOrEqualTo(s.lost());
    }

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void reorderedAndDuplicatedPacketsStillPlayInOrder(PwMode mode) throws IOException {
        open(mode, Map.of());
        relay.aToB()
                .policy(n -> n % 5 == 2
                        ? UdpRelay.Action.SWAP_WITH_NEXT
                        : n % 7 == 0 ? UdpRelay.Action.DUPLICATE : UdpRelay.Action.FORWARD);
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> false);
        long duplicated = java.util.stream.LongStream.range(0, PACKETS + 40)
                .filter(n -> n % 5 != 2 && n % 7 == 0)
                .count();
        assertThat(spanB.pseudowireStats().duplicates()).isEqualTo(duplicated);
    }

    @ParameterizedTest
    @EnumSource(PwMode.class)
    void malformedPacketsFromTheFarEndAreDroppedAndCountedAndStrangersAreNotHeard(PwMode mode) throws IOException {
        open(mode, Map.of());
        try (var stranger = DatagramChannel.open()) {
            InetSocketAddress target = spanB.localAddress();
            var codec = new PwPacketCodec(mode, spanB.link().payloadBytes(), false, 96);
            ByteBuffer wellFormed = ByteBuffer.allocate(codec.maxPacketBytes());
            codec.encodeHeader(wellFormed, false, false, 0, 9_000, 0, 0, false);
            wellFormed.put(new byte[spanB.link().payloadBytes()]).flip();
            for (int i = 0; i < 5; i++) {
                relay.aToB().inject(new byte[] {0, 0});
                relay.aToB().inject(new byte[] {(byte) 0xF0, 0, 0, 1, 1, 2, 3});
                relay.aToB().inject(new byte[40]);
                // Well formed, but from an address that is not the far end's: counted at the port, never heard.
                stranger.send(wellFormed.duplicate(), target);
            }
            run(PACKETS + 40);
        }
        assertStream(spanB, receivedB, 0, k -> false);
        assertThat(spanB.malformed(DecodeStatus.TOO_SHORT)).isEqualTo(5);
        assertThat(spanB.malformed(DecodeStatus.RESERVED_BITS)).isEqualTo(5);
        assertThat(spanB.malformed(DecodeStatus.BAD_LENGTH)).isEqualTo(5);
        assertThat(spanB.pseudowireStats().malformed()).isEqualTo(15);
        assertThat(spanB.pseudowireStats().strays()).isZero();
        assertThat(spanB.pseudowireStats().packetsReceived()).isEqualTo(PACKETS + 40 - 1);
        // a port with one span is connected where batched (the kernel drops strangers), else counts them itself
        assertThat(driverB.unknownSources()).isEqualTo(driverB.batched() ? 0 : 5);
    }

    @Test
    void lBitRaisesAisAtTheFarEndAndLossStateSetsTheRBit() throws IOException {
        open(PwMode.CESOPSN, Map.of());
        run(60);
        assertThat(spanB.alarms()).isEmpty();
        spanA.localFailure(true);
        run(40);
        assertThat(spanB.alarms()).containsExactly(Alarm.AIS);
        assertThat(receivedB[5][receivedLength - 1]).isEqualTo((byte) 0xFF);
        spanA.localFailure(false);
        run(40);
        assertThat(spanB.alarms()).isEmpty();
        relay.aToB().policy(n -> UdpRelay.Action.DROP);
        run(30);
        assertThat(spanB.alarms()).contains(Alarm.LOS);
        assertThat(spanA.alarms()).containsExactly(Alarm.RAI);
        assertThat(eventsA).contains(new SpanEvent.AlarmRaised("a", Alarm.RAI));
        assertThat(eventsB)
                .contains(new SpanEvent.AlarmRaised("b", Alarm.AIS), new SpanEvent.AlarmCleared("b", Alarm.AIS));
    }

    @Test
    void cesopsnSignalsRdiOfTheAttachmentCircuitInTheModifierBits() throws IOException {
        open(PwMode.CESOPSN, Map.of());
        run(60);
        assertThat(spanA.alarms()).isEmpty();
        assertThat(spanB.alarms()).isEmpty();
        // A's local line is cut: A sends L = 1; B plays all ones and raises AIS; B's receive side is now in alarm, so
        // B sends L = 0, M = 10 (RDI of its attachment circuit), which A reads as RAI. Packets keep flowing: no R bit.
        spanA.setLineCondition(LineCondition.CUT);
        run(60);
        assertThat(spanB.alarms()).containsExactly(Alarm.AIS);
        assertThat(spanA.alarms()).containsExactly(Alarm.RAI);
        assertThat(spanA.link().farEndLossState()).isFalse();
        assertThat(receivedB[7][receivedLength - 1]).isEqualTo((byte) 0xFF);
        spanA.setLineCondition(LineCondition.NORMAL);
        run(60);
        assertThat(spanB.alarms()).isEmpty();
        assertThat(spanA.alarms()).isEmpty();
        assertThat(eventsA)
                .contains(new SpanEvent.AlarmRaised("a", Alarm.RAI), new SpanEvent.AlarmCleared("a", Alarm.RAI));
    }

    @Test
    void satopSignalsALocalLineFailureWithTheLBitAndTheFarEndPlaysAis() throws IOException {
        open(PwMode.SATOP, Map.of());
        run(60);
        assertThat(spanB.alarms()).isEmpty();
        spanA.setLineCondition(LineCondition.CUT);
        run(40);
        // RFC 4553: packets with L = 1 carry invalid data and are played as all ones: B sees AIS and loses frame; its
        // framer sends the A bit back, which A reads as RAI.
        assertThat(spanB.alarms()).containsExactlyInAnyOrder(Alarm.AIS, Alarm.LOF);
        assertThat(spanB.link().jitterBuffer().playouts()).isPositive();
        run(20);
        assertThat(spanA.alarms()).containsExactly(Alarm.RAI);
        spanA.setLineCondition(LineCondition.NORMAL);
        run(60);
        assertThat(spanB.alarms()).isEmpty();
        assertThat(spanA.alarms()).isEmpty();
    }

    @Test
    void badSpansAreRefusedAndTheOthersKeepRunning() throws IOException {
        open(PwMode.CESOPSN, Map.of());
        run(30);
        var beyond = new SpanConfig(
                "c",
                SpanType.E1,
                spanA.config().framing(),
                spanA.config().lineCode(),
                spanA.config().clockSource(),
                spanA.config().law(),
                List.of(ChannelConfig.bearer(1), ChannelConfig.bearer(32)),
                Map.of(PwSpanOptions.REMOTE_ADDRESS, "127.0.0.1", PwSpanOptions.PORT, "9"));
        assertThat(driverA.spans()).containsExactly(spanA);
        assertThatThrownBy(() -> driverA.openSpan(beyond))
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("channels[1].timeslot")
                .hasMessageContaining("32 is beyond");
        var badOptions = SpanConfig.full("d", SpanType.T1, 0)
                .withOptions(Map.of(PwSpanOptions.MODE, "satop-ish", PwSpanOptions.FRAMES_PER_PACKET, "x"));
        assertThatThrownBy(() -> driverA.openSpan(badOptions))
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("span 'd' mode: 'satop-ish' is not satop or cesopsn")
                .hasMessageContaining("span 'd' remote-address: missing")
                .hasMessageContaining("span 'd' frames-per-packet: 'x' is not a number");
        assertThat(driverA.spans()).containsExactly(spanA);
        run(PACKETS + 40);
        assertStream(spanB, receivedB, 0, k -> false);
    }
}
