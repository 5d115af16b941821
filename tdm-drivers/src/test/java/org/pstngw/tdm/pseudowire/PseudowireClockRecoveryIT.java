package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * The far end's clock runs off nominal: driver A's virtual clock gets one block more (or less) per
 * {@code 1e6 / ppm} blocks than driver B's. B's clock recovery must see that offset from the packets'
 * arrivals alone, and its jitter buffer must absorb the drift without loss.
 */
class PseudowireClockRecoveryIT {
    @ParameterizedTest
    @ValueSource(ints = {100, -100})
    void receiverEstimatesTheFarEndsOffset(int ppm) throws Exception {
        var clockA = new VirtualFrameClock(8);
        var clockB = new VirtualFrameClock(8);
        int[] ports = org.pstngw.tdm.FreePorts.udp(2);
        try (var a = new PseudowireDriver(DriverContext.of(clockA));
                var b = new PseudowireDriver(DriverContext.of(clockB))) {
            var spanB = b.openSpan(span("b", ports[1], ports[0]));
            a.openSpan(span("a", ports[0], ports[1]));
            a.start();
            b.start();
            int blocks = 30_000;
            int every = 1_000_000 / Math.abs(ppm);
            for (int i = 1; i <= blocks; i++) {
                boolean slip = i % every == 0;
                if (!(ppm < 0 && slip)) {
                    clockA.advanceBlocks(1);
                }
                if (ppm > 0 && slip) {
                    clockA.advanceBlocks(1);
                }
                clockB.advanceBlocks(1);
            }
            PwLinkStats s = spanB.pseudowireStats();
            // 30 s at 100 ppm is only 3 packets of drift: the estimate's resolution is about 1/30000.
            assertThat(s.arrivalPpm()).isCloseTo(ppm, within(15.0));
            assertThat(s.lost()).isZero();
            assertThat(s.late()).isZero();
            assertThat(Math.signum(s.fillPpm())).isEqualTo(Math.signum(ppm));
        }
    }

    private static SpanConfig span(String name, int local, int remote) {
        return SpanConfig.full(name, SpanType.E1, 0)
                .withOptions(Map.of(
                        PwSpanOptions.MODE,
                        "cesopsn",
                        PwSpanOptions.LOCAL_PORT,
                        Integer.toString(local),
                        PwSpanOptions.REMOTE_ADDRESS,
                        "127.0.0.1",
                        PwSpanOptions.REMOTE_PORT,
                        Integer.toString(remote)));
    }
}
