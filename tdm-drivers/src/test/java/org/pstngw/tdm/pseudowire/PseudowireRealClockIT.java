package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.FreePorts;
import org.pstngw.tdm.clock.RealFrameClock;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;

/** Two pseudowire drivers, each on its own real frame clock, closed while their clock threads run. */
class PseudowireRealClockIT {
    @Test
    void spansAlignInRealTimeAndClosingUnderTheClockThreadIsClean() throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            int[] ports = FreePorts.udp(2);
            try (RealFrameClock clockA = new RealFrameClock(8, "pw-it-a");
                    RealFrameClock clockB = new RealFrameClock(8, "pw-it-b")) {
                var a = new PseudowireDriver(DriverContext.of(clockA));
                var b = new PseudowireDriver(DriverContext.of(clockB));
                var spanA = a.openSpan(LoopbackE1Spans.e1("a", ClockSource.LINE, PwMode.SATOP, ports[0], ports[1]));
                var spanB = b.openSpan(LoopbackE1Spans.e1("b", ClockSource.LINE, PwMode.SATOP, ports[1], ports[0]));
                a.start();
                b.start();
                assertThat(spanA.isRunning()).isTrue();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!(spanA.alarms().isEmpty() && spanB.alarms().isEmpty())) {
                    assertThat(System.nanoTime()).as("aligned within 10 s").isLessThan(deadline);
                    Thread.sleep(2);
                }
                // Aligned, the line is clean, except where a loaded machine held a clock thread past the jitter
                // buffer: a packet lost or late is played as all ones, at most two errored CRC-4 sub-multiframes.
                long crcErrors = spanB.counters().crcErrors();
                PwLinkStats statsB = spanB.pseudowireStats(); // read after: it holds every loss behind those errors
                assertThat(crcErrors)
                        .as("CRC-4 errors at B (lost %d, late %d)", statsB.lost(), statsB.late())
                        .isLessThanOrEqualTo(2 * (statsB.lost() + statsB.late()));
                // Closed from this thread while both clock threads are in their blocks.
                a.close();
                b.stop();
                assertThat(spanA.isOpen()).isFalse();
                assertThat(spanB.isOpen()).isTrue();
                assertThat(spanB.isRunning()).isFalse();
                b.close();
                Thread.sleep(3);
                assertThat(clockA.listenerFailures()).as("round %d", round).isZero();
                assertThat(clockB.listenerFailures()).as("round %d", round).isZero();
            }
        }
    }
}
