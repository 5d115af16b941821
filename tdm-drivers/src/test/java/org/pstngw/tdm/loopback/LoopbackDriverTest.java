package org.pstngw.tdm.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.Channel;
import org.pstngw.tdm.spi.ChannelConfig;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.HdlcChannel;
import org.pstngw.tdm.spi.InvalidSpanConfigException;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanEvent;
import org.pstngw.tdm.spi.SpanType;
import org.pstngw.tdm.spi.TdmDriver;
import org.pstngw.tdm.spi.TdmDrivers;

class LoopbackDriverTest {
    private final VirtualFrameClock clock = new VirtualFrameClock(8);
    private final TdmDriver driver = TdmDrivers.open("loopback", DriverContext.of(clock));

    @AfterEach
    void close() {
        driver.close();
    }

    private Span[] pair(SpanType type, int hdlcTimeslot) {
        Span a = driver.openSpan(SpanConfig.full("a", type, hdlcTimeslot).withOptions(Map.of("peer", "b")));
        Span b = driver.openSpan(SpanConfig.full("b", type, hdlcTimeslot).withOptions(Map.of("peer", "a")));
        driver.start();
        return new Span[] {a, b};
    }

    @Test
    void e1PairCarriesAudioBothWaysBitExact() {
        Span[] s = pair(SpanType.E1, 16);
        clock.advance(80);
        assertThat(s[0].alarms()).isEmpty();
        assertThat(s[1].alarms()).isEmpty();
        audioBothWaysExact(s[0], s[1], 16);
        audioBothWaysExact(s[1], s[0], 16);
        assertThat(s[0].counters().crcErrors()).isZero();
        assertThat(s[0].counters().framesReceived()).isEqualTo(s[0].counters().framesSent());
    }

    @Test
    void t1PairCarriesAudioBothWaysBitExact() {
        Span[] s = pair(SpanType.T1, 0);
        clock.advance(80);
        assertThat(s[0].alarms()).isEmpty();
        audioBothWaysExact(s[0], s[1], 0);
        audioBothWaysExact(s[1], s[0], 0);
        assertThat(s[1].counters().crcErrors()).isZero();
    }

    private void audioBothWaysExact(Span from, Span to, int skipTs) {
        Random random = new Random(from.name().hashCode());
        SpanType type = from.config().type();
        byte[][] sent = new byte[type.lastTimeslot() + 1][];
        for (int ts = type.firstTimeslot(); ts <= type.lastTimeslot(); ts++) {
            if (ts == skipTs) {
                continue;
            }
            to.channel(ts).orElseThrow().read(new byte[4096], 0, 4096);
            sent[ts] = new byte[160];
            random.nextBytes(sent[ts]);
            assertThat(from.channel(ts).orElseThrow().write(sent[ts], 0, 160)).isEqualTo(160);
        }
        clock.advance(160);
        for (int ts = type.firstTimeslot(); ts <= type.lastTimeslot(); ts++) {
            if (ts == skipTs) {
                continue;
            }
            Channel rx = to.channel(ts).orElseThrow();
            byte[] got = new byte[160];
            assertThat(rx.read(got, 0, 160)).isEqualTo(160);
            assertThat(got).as("%s timeslot %d", to.name(), ts).isEqualTo(sent[ts]);
        }
    }

    @Test
    void hdlcFramesCrossTs16() {
        Span[] s = pair(SpanType.E1, 16);
        clock.advance(80);
        HdlcChannel a16 = s[0].hdlcChannel(16).orElseThrow();
        HdlcChannel b16 = s[1].hdlcChannel(16).orElseThrow();
        List<byte[]> frames = new ArrayList<>();
        Random random = new Random(9);
        for (int i = 0; i < 20; i++) {
            byte[] f = new byte[3 + random.nextInt(100)];
            random.nextBytes(f);
            frames.add(f);
            assertThat(a16.send(f, 0, f.length)).isTrue();
        }
        clock.advance(8000);
        byte[] buf = new byte[a16.maxFrameLength()];
        for (byte[] f : frames) {
            int len = b16.receive(buf, 0);
            assertThat(Arrays.copyOf(buf, Math.max(len, 0))).isEqualTo(f);
        }
        assertThat(b16.receive(buf, 0)).isEqualTo(-1);
        assertThat(b16.fcsErrors()).isZero();
    }

    @Test
    void selfLoopedSpanHearsItself() {
        Span loop = driver.openSpan(SpanConfig.full("self", SpanType.E1, 0));
        driver.start();
        clock.advance(80);
        assertThat(loop.alarms()).isEmpty();
        Channel ts1 = loop.channel(1).orElseThrow();
        ts1.read(new byte[160], 0, 160);
        ts1.write(new byte[] {1, 2, 3, 4}, 0, 4);
        clock.advance(8);
        byte[] got = new byte[8];
        assertThat(ts1.read(got, 0, 8)).isEqualTo(8);
        assertThat(Arrays.copyOf(got, 4)).containsExactly(1, 2, 3, 4);
        assertThat(got[4]).isEqualTo((byte) 0xD5);
    }

    @Test
    void cutLineIsLosAtTheFarEndAndRaiComesBack() {
        pair(SpanType.E1, 0);
        List<SpanEvent> aEvents = Collections.synchronizedList(new ArrayList<>());
        List<SpanEvent> bEvents = Collections.synchronizedList(new ArrayList<>());
        Span a = driver.span("a").orElseThrow();
        Span b = driver.span("b").orElseThrow();
        a.setEventListener(aEvents::add);
        b.setEventListener(bEvents::add);
        clock.advance(80);
        LoopbackDriver loopback = (LoopbackDriver) driver;
        loopback.loopbackSpan("a").orElseThrow().setLineCondition(LineCondition.CUT);
        clock.advance(80);
        assertThat(b.alarms()).contains(Alarm.LOS, Alarm.LOF);
        assertThat(a.alarms()).containsExactly(Alarm.RAI);
        loopback.loopbackSpan("a").orElseThrow().setLineCondition(LineCondition.AIS);
        clock.advance(80);
        assertThat(b.alarms()).contains(Alarm.AIS).doesNotContain(Alarm.LOS);
        loopback.loopbackSpan("a").orElseThrow().setLineCondition(LineCondition.NORMAL);
        clock.advance(160);
        assertThat(a.alarms()).isEmpty();
        assertThat(b.alarms()).isEmpty();
        assertThat(bEvents)
                .contains(
                        new SpanEvent.AlarmRaised("b", Alarm.LOS),
                        new SpanEvent.AlarmCleared("b", Alarm.LOS),
                        new SpanEvent.AlarmRaised("b", Alarm.AIS),
                        new SpanEvent.AlarmCleared("b", Alarm.AIS),
                        new SpanEvent.InSync("b"));
        assertThat(aEvents)
                .contains(new SpanEvent.AlarmRaised("a", Alarm.RAI), new SpanEvent.AlarmCleared("a", Alarm.RAI));
    }

    @Test
    void aThrowingEventListenerOnOneSpanLeavesThatSpanAndTheOthersRunning() {
        Span a = driver.openSpan(SpanConfig.full("a", SpanType.E1, 0).withOptions(Map.of("peer", "b")));
        Span b = driver.openSpan(SpanConfig.full("b", SpanType.E1, 0).withOptions(Map.of("peer", "a")));
        Span c = driver.openSpan(SpanConfig.full("c", SpanType.E1, 0).withOptions(Map.of("peer", "d")));
        Span d = driver.openSpan(SpanConfig.full("d", SpanType.E1, 0).withOptions(Map.of("peer", "c")));
        List<SpanEvent> dEvents = Collections.synchronizedList(new ArrayList<>());
        a.setEventListener(event -> {
            throw new IllegalStateException("listener bug on " + event);
        });
        d.setEventListener(dEvents::add);
        driver.start();
        clock.advance(80);
        LoopbackDriver loopback = (LoopbackDriver) driver;
        loopback.loopbackSpan("b").orElseThrow().setLineCondition(LineCondition.CUT);
        loopback.loopbackSpan("c").orElseThrow().setLineCondition(LineCondition.CUT);
        clock.advance(80);
        loopback.loopbackSpan("b").orElseThrow().setLineCondition(LineCondition.NORMAL);
        loopback.loopbackSpan("c").orElseThrow().setLineCondition(LineCondition.NORMAL);
        clock.advance(160);
        // a's listener threw on every alarm change (LOS, LOF, ...): a still tracked them and carries audio.
        assertThat(a.alarms()).isEmpty();
        audioBothWaysExact(a, b, 0);
        audioBothWaysExact(c, d, 0);
        assertThat(dEvents)
                .contains(new SpanEvent.AlarmRaised("d", Alarm.LOS), new SpanEvent.AlarmCleared("d", Alarm.LOS));
        assertThat(loopback.spanFailures()).isZero();
    }

    @Test
    void theFrameListenerHearsEveryBlockAfterTheChannelsWereServedAndStopStopsTheSpans() {
        Span[] s = pair(SpanType.E1, 0);
        List<long[]> blocks = new ArrayList<>();
        s[1].setFrameListener((first, frames) -> {
            // The block's bytes are already in the channel when the listener runs.
            blocks.add(new long[] {first, frames, s[1].channel(1).orElseThrow().readable()});
        });
        assertThat(s[1].timing()).isEqualTo(org.pstngw.tdm.spi.SpanTiming.FRAME_CLOCK);
        clock.advanceBlocks(3);
        assertThat(blocks).extracting(b -> b[0]).containsExactly(0L, 8L, 16L);
        assertThat(blocks).extracting(b -> b[1]).containsOnly(8L);
        assertThat(blocks).extracting(b -> b[2]).containsExactly(8L, 16L, 24L);
        assertThat(s[0].isRunning()).isTrue();
        driver.stop();
        assertThat(s[0].isOpen()).isTrue();
        assertThat(s[0].isRunning()).isFalse();
        clock.advanceBlocks(1);
        assertThat(blocks).hasSize(3);
    }

    @Test
    void closedPeerLeavesADeadLine() {
        Span[] s = pair(SpanType.T1, 0);
        clock.advance(80);
        s[1].close();
        clock.advance(80);
        assertThat(s[0].alarms()).contains(Alarm.LOS, Alarm.LOF);
        assertThat(driver.spans()).containsExactly(s[0]);
    }

    @Test
    void invalidSpanIsRefusedWhileOthersKeepRunning() {
        Span[] s = pair(SpanType.E1, 0);
        clock.advance(80);
        assertThatThrownBy(() -> driver.openSpan(SpanConfig.e1("bad", List.of(ChannelConfig.bearer(32)))))
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("span 'bad' channels[0].timeslot: 32 is beyond");
        assertThatThrownBy(() -> driver.openSpan(SpanConfig.full("a", SpanType.E1, 0)))
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("span 'a' name: a span with this name is already open");
        assertThatThrownBy(() ->
                        driver.openSpan(SpanConfig.full("t", SpanType.T1, 0).withOptions(Map.of("peer", "a"))))
                .isInstanceOf(InvalidSpanConfigException.class)
                .hasMessageContaining("options.peer");
        audioBothWaysExact(s[0], s[1], 0);
        assertThat(s[0].alarms()).isEmpty();
    }
}
