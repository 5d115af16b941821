package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pstngw.tdm.FreePorts;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.CompandingLaw;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.LineCode;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanTiming;
import org.pstngw.tdm.spi.SpanType;

/**
 * Two boxes whose clocks disagree, for minutes of virtual time: A (the TDM-over-IP edge, clock source internal: the
 * master) runs {@code ppm} fast or slow against B (the gateway); A's virtual clock gets one block more or fewer per
 * {@code 1e6 / ppm} blocks than B's. With clock source line B must follow A: its jitter buffer stays centred, no
 * packet is lost, its latency does not grow, and A, which never steers, sees B's packets at its own rate (B's
 * transmit follows too). B's controlled slips are exactly the frames of drift. Without line timing the same drift
 * fills or drains B's buffer: the test of the test.
 */
class PseudowireClockRecoveryIT {
    private static final int SECONDS = 240;
    private static final int BLOCKS = SECONDS * 1000;

    private static SpanConfig span(String name, ClockSource clock, int local, int remote) {
        return new SpanConfig(
                        name,
                        SpanType.E1,
                        Framing.E1_CCS_CRC4,
                        LineCode.HDB3,
                        clock,
                        CompandingLaw.A_LAW,
                        SpanConfig.full(name, SpanType.E1, 0).channels(),
                        Map.of())
                .withOptions(Map.of(
                        PwSpanOptions.MODE,
                        "satop",
                        PwSpanOptions.LOCAL_PORT,
                        Integer.toString(local),
                        PwSpanOptions.REMOTE_ADDRESS,
                        "127.0.0.1",
                        PwSpanOptions.REMOTE_PORT,
                        Integer.toString(remote),
                        PwSpanOptions.JITTER_BUFFER_MS,
                        "16"));
    }

    /** The two spans after the run: what each one's pseudowire saw. */
    private record Run(
            PwLinkStats a,
            PwLinkStats b,
            PseudowireSpan spanB,
            int fillAtOneMinuteA,
            int fillAtOneMinuteB,
            long listenedFrames,
            long oddBlocks) {}

    private static Run run(int ppm, ClockSource bClock) throws Exception {
        var clockA = new VirtualFrameClock(8);
        var clockB = new VirtualFrameClock(8);
        int[] ports = FreePorts.udp(2);
        try (var a = new PseudowireDriver(DriverContext.of(clockA));
                var b = new PseudowireDriver(DriverContext.of(clockB))) {
            var spanA = a.openSpan(span("a", ClockSource.INTERNAL, ports[0], ports[1]));
            var spanB = b.openSpan(span("b", bClock, ports[1], ports[0]));
            long[] listened = new long[2];
            spanB.setFrameListener((first, frames) -> {
                listened[0] += frames;
                if (frames != 8) {
                    listened[1]++;
                }
            });
            a.start();
            b.start();
            int every = 1_000_000 / Math.abs(ppm);
            int fillAtOneMinuteA = -1;
            int fillAtOneMinuteB = -1;
            for (int i = 1; i <= BLOCKS; i++) {
                boolean extra = i % every == 0;
                if (!(ppm < 0 && extra)) {
                    clockA.advanceBlocks(1);
                }
                if (ppm > 0 && extra) {
                    clockA.advanceBlocks(1);
                }
                clockB.advanceBlocks(1);
                if (i == 60_000) {
                    fillAtOneMinuteA = spanA.pseudowireStats().fillLevel();
                    fillAtOneMinuteB = spanB.pseudowireStats().fillLevel();
                }
            }
            return new Run(
                    spanA.pseudowireStats(),
                    spanB.pseudowireStats(),
                    spanB,
                    fillAtOneMinuteA,
                    fillAtOneMinuteB,
                    listened[0],
                    listened[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, -50, 100, -100})
    void aLineTimedSpanFollowsTheFarEndsClockWithoutLossOrGrowingLatency(int ppm) throws Exception {
        Run r = run(ppm, ClockSource.LINE);
        assertThat(r.spanB().timing()).isEqualTo(SpanTiming.RECOVERED);
        PwLinkStats b = r.b();
        assertThat(b.lost()).isZero();
        assertThat(b.late()).isZero();
        assertThat(b.underruns()).isZero();
        assertThat(b.overflows()).isZero();
        // The fill stays where it was after a minute: latency does not grow (it moves in whole packets).
        assertThat(Math.abs(b.fillLevel() - r.fillAtOneMinuteB())).isLessThanOrEqualTo(3);
        assertThat(b.arrivalPpm()).isCloseTo(ppm, within(2.0));
        assertThat(b.correctionPpm()).isCloseTo(ppm, within(Math.abs(ppm) * 0.25));
        // The drift in frames, taken up one controlled slip at a time, and no hunting back and forth.
        double drift = ppm * 1e-6 * 8000 * SECONDS;
        assertThat((double) b.slipFrames()).isCloseTo(drift, within(32.0));
        assertThat(b.slips()).isLessThanOrEqualTo(Math.abs(b.slipFrames()) + 10);
        // The media loop, run from the span's frame listener, is told each block's true length.
        assertThat(r.listenedFrames()).isEqualTo(r.spanB().counters().framesReceived());
        assertThat(r.oddBlocks()).isEqualTo(b.slips());
        // B's packets follow the far end's clock too: A, which never steers, sees its fill hold as well.
        PwLinkStats a = r.a();
        assertThat(a.lost()).isZero();
        assertThat(a.underruns()).isZero();
        assertThat(Math.abs(a.fillLevel() - r.fillAtOneMinuteA())).isLessThanOrEqualTo(3);
        assertThat(a.slips()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"100, grows", "-100, drains"})
    void withoutLineTimingTheSameDriftFillsOrDrainsTheJitterBuffer(int ppm, String what) throws Exception {
        Run r = run(ppm, ClockSource.INTERNAL);
        PwLinkStats b = r.b();
        assertThat(b.slips()).isZero();
        if (ppm > 0) {
            // 24 packets of drift in 240 s: the latency grows by as much.
            assertThat(b.fillLevel()).as(what).isGreaterThan(r.fillAtOneMinuteB() + 12);
        } else {
            // 16 packets of depth drained in 160 s: the buffer underruns and packets are lost.
            assertThat(b.lost() + b.underruns()).as(what).isPositive();
        }
    }
}
