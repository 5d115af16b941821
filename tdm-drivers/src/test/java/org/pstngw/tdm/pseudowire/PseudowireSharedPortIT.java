package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pstngw.tdm.FreePorts;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.InvalidSpanConfigException;
import org.pstngw.tdm.spi.SpanConfigError;

/**
 * Spans sharing one local UDP port, told apart by the far end's port: side B (the gateway) puts {@value #SPANS} spans
 * on one port, side A (a TDM-over-IP device) gives each span its own, as such devices do. Both drivers run on one
 * virtual frame clock over loopback, once with the batched transport ({@code recvmmsg}/{@code sendmmsg}) and once with
 * the NIO fallback: every span's bytes arrive at its own peer and nowhere else, a stranger's datagrams are counted and
 * not heard, and a far end configured twice on one port is refused. Every sender starts at sequence number 65528, so
 * every receiver plays across the wrap to 0.
 */
class PseudowireSharedPortIT {
    private static final int SPANS = 5;
    private static final int FRAMES = 8;

    private final VirtualFrameClock clock = new VirtualFrameClock(FRAMES);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables.reversed()) {
            c.close();
        }
    }

    private PseudowireDriver driver(boolean batched) {
        PseudowireDriver d = new PseudowireDriver(DriverContext.of(clock), batched, () -> 0xFFFF_FFF0_0000_FFF8L);
        closeables.add(d);
        return d;
    }

    /** The value every timeslot of span {@code i} on side {@code side} carries. */
    private static byte mark(int side, int i) {
        return (byte) (0x11 + 16 * side + i);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void spansOnOneLocalPortHearOnlyTheirOwnFarEnd(boolean batched) throws IOException {
        int[] ports = FreePorts.udp(SPANS + 1);
        int shared = ports[SPANS];
        PseudowireDriver a = driver(batched);
        PseudowireDriver b = driver(batched);
        List<PseudowireSpan> spansA = new ArrayList<>();
        List<PseudowireSpan> spansB = new ArrayList<>();
        for (int i = 0; i < SPANS; i++) {
            PwMode mode = i % 2 == 0 ? PwMode.CESOPSN : PwMode.SATOP;
            spansA.add(a.openSpan(LoopbackE1Spans.e1("a" + i, ClockSource.INTERNAL, mode, ports[i], shared)));
            spansB.add(b.openSpan(LoopbackE1Spans.e1("b" + i, ClockSource.INTERNAL, mode, shared, ports[i])));
        }
        assertThat(a.batched()).isEqualTo(batched && MmsgTransport.available());
        assertThat(spansB)
                .allSatisfy(s -> assertThat(s.localAddress().getPort()).isEqualTo(shared));
        a.start();
        b.start();
        try (DatagramChannel stranger = DatagramChannel.open()) {
            stranger.bind(new InetSocketAddress("127.0.0.1", 0));
            ByteBuffer packet = ByteBuffer.allocate(4 + 248);
            new PwPacketCodec(PwMode.CESOPSN, 248, false, 96).encodeHeader(packet, false, false, 0, 0, 0, 0, false);
            for (int blk = 0; blk < 200; blk++) {
                for (int i = 0; i < SPANS; i++) {
                    feed(spansA.get(i), mark(0, i));
                    feed(spansB.get(i), mark(1, i));
                }
                if (blk % 20 == 0) {
                    stranger.send(
                            packet.clear().position(packet.capacity()).flip(),
                            new InetSocketAddress("127.0.0.1", shared));
                }
                clock.advanceBlocks(1);
                for (int i = 0; i < SPANS; i++) {
                    drain(spansA.get(i), blk > 60 ? mark(1, i) : null);
                    drain(spansB.get(i), blk > 60 ? mark(0, i) : null);
                }
            }
        }
        // every span started at sequence number 65528 (the random source here): the receivers played across the wrap
        assertThat(spansA).allSatisfy(s -> assertThat(s.link().nextSequence()).isBetween(150, 250));
        assertThat(b.unknownSources()).isEqualTo(10);
        assertThat(a.unknownSources()).isZero();
        // the kernel says what it dropped at a full receive queue where it can (SO_MEMINFO): nothing here
        assertThat(b.socketQueueDrops()).isEqualTo(a.batched() ? 0 : -1);
        for (PseudowireSpan s : spansA) {
            assertNoLoss(s.pseudowireStats());
        }
        for (PseudowireSpan s : spansB) {
            assertNoLoss(s.pseudowireStats());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFarEndTwiceOnOnePortIsRefusedAndThePortOutlivesAClosedSpan(boolean batched) throws IOException {
        int[] ports = FreePorts.udp(3);
        PseudowireDriver b = driver(batched);
        PseudowireSpan first =
                b.openSpan(LoopbackE1Spans.e1("b0", ClockSource.INTERNAL, PwMode.CESOPSN, ports[0], ports[1]));
        PseudowireSpan second =
                b.openSpan(LoopbackE1Spans.e1("b1", ClockSource.INTERNAL, PwMode.CESOPSN, ports[0], ports[2]));
        assertThatThrownBy(() ->
                        b.openSpan(LoopbackE1Spans.e1("b2", ClockSource.INTERNAL, PwMode.SATOP, ports[0], ports[1])))
                .isInstanceOfSatisfying(
                        InvalidSpanConfigException.class,
                        e -> assertThat(e.errors())
                                .extracting(SpanConfigError::field)
                                .containsExactly(PwSpanOptions.REMOTE_PORT));
        first.close();
        assertThat(second.isOpen()).isTrue();
        assertThat(second.localAddress().getPort()).isEqualTo(ports[0]);
        // the far end of the closed span may come back on the shared port
        PseudowireSpan again =
                b.openSpan(LoopbackE1Spans.e1("b0", ClockSource.INTERNAL, PwMode.CESOPSN, ports[0], ports[1]));
        assertThat(again.localAddress().getPort()).isEqualTo(ports[0]);
        again.close();
        second.close();
        // the port closed with its last span: it can be bound again
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(new InetSocketAddress("127.0.0.1", ports[0]));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSpanAloneOnItsPortHearsOfARefusedFarEndWhereBatched(boolean batched) throws IOException {
        int[] ports = FreePorts.udp(2);
        PseudowireDriver a = driver(batched);
        PseudowireSpan span =
                a.openSpan(LoopbackE1Spans.e1("a0", ClockSource.INTERNAL, PwMode.CESOPSN, ports[0], ports[1]));
        a.start();
        clock.advanceBlocks(50);
        PwLinkStats s = span.pseudowireStats();
        // the stats are published in each block before its packets leave: the last block's packet is not in them yet
        assertThat(s.packetsSent() + s.sendFailures()).isBetween(49L, 50L);
        if (a.batched()) {
            // connected to its one far end: the kernel reports the ICMP port unreachable on the socket
            assertThat(s.receiveFailures() + s.sendFailures()).isPositive();
        } else {
            assertThat(s.receiveFailures()).isZero();
        }
    }

    private static void assertNoLoss(PwLinkStats s) {
        assertThat(s.played()).isGreaterThan(150);
        assertThat(s.lost()).isZero();
        assertThat(s.late()).isZero();
        assertThat(s.sendFailures()).isZero();
        assertThat(s.strays()).isZero();
        assertThat(s.rebuffers()).isZero();
    }

    private static void feed(PseudowireSpan span, byte value) {
        byte[] chunk = new byte[FRAMES];
        java.util.Arrays.fill(chunk, value);
        for (int ts = 1; ts <= 31; ts++) {
            assertThat(span.channel(ts).orElseThrow().write(chunk, 0, FRAMES)).isEqualTo(FRAMES);
        }
    }

    /** Reads the block each channel received; when {@code expected} is given, every byte must be it. */
    private static void drain(PseudowireSpan span, Byte expected) {
        byte[] got = new byte[FRAMES];
        for (int ts = 1; ts <= 31; ts++) {
            assertThat(span.channel(ts).orElseThrow().read(got, 0, FRAMES)).isEqualTo(FRAMES);
            if (expected != null) {
                for (byte g : got) {
                    assertThat(g).as("%s ts %d", span.name(), ts).isEqualTo(expected);
                }
            }
        }
    }
}
