package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pstngw.tdm.FreePorts;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * A far end that stalls for longer than the jitter buffer, through a hand-pumped relay on one virtual frame clock: the
 * packets held up arrive together, those past their playout time are late, and the buffer rebuffers once (counted in
 * the span's {@link PwLinkStats#rebuffers()}) instead of running on without margin, so nothing is lost after it.
 */
class PseudowireRebufferIT {
    private static final int FRAMES = 8;

    @Test
    void aStalledFarEndCostsOneRebufferAndNoLossAfterIt() throws IOException {
        VirtualFrameClock clock = new VirtualFrameClock(FRAMES);
        try (UdpRelay relay = new UdpRelay();
                PseudowireDriver a = new PseudowireDriver(DriverContext.of(clock));
                PseudowireDriver b = new PseudowireDriver(DriverContext.of(clock))) {
            PseudowireSpan spanA = a.openSpan(span("a", relay.addressForA().getPort()));
            PseudowireSpan spanB = b.openSpan(span("b", relay.addressForB().getPort()));
            relay.spans(spanA.localAddress(), spanB.localAddress());
            a.start();
            b.start();
            run(clock, relay, 100, true);
            PwLinkStats before = spanB.pseudowireStats();
            assertThat(before.played()).isGreaterThan(50);
            assertThat(before.rebuffers()).isZero();
            // A's packets wait in the relay for 40 ms, more than the 16 ms buffer: B plays 24 fills, then 40 packets
            // come at once, 24 of them after their time
            run(clock, relay, 40, false);
            run(clock, relay, 50, true);
            PwLinkStats stalled = spanB.pseudowireStats();
            assertThat(stalled.late()).isPositive();
            assertThat(stalled.rebuffers()).isEqualTo(1);
            run(clock, relay, 150, true);
            PwLinkStats after = spanB.pseudowireStats();
            assertThat(after.rebuffers()).isEqualTo(1);
            assertThat(after.lost()).isEqualTo(stalled.lost());
            assertThat(after.late()).isEqualTo(stalled.late());
            assertThat(after.played() - stalled.played()).isEqualTo(150);
            assertThat(after.overflows() + after.underruns()).isZero();
            assertThat(spanA.pseudowireStats().rebuffers()).isZero();
        }
    }

    @Test
    void sequenceNumbersStartAtRandom() throws IOException {
        VirtualFrameClock clock = new VirtualFrameClock(FRAMES);
        int[] ports = FreePorts.udp(8);
        Set<Integer> starts = new HashSet<>();
        try (PseudowireDriver d = new PseudowireDriver(DriverContext.of(clock))) {
            for (int i = 0; i < 8; i++) {
                starts.add(d.openSpan(span("s" + i, ports[i])).link().nextSequence());
            }
        }
        // eight draws of 16 bits: all equal once in 2^112
        assertThat(starts).hasSizeGreaterThan(1);
    }

    private static void run(VirtualFrameClock clock, UdpRelay relay, int blocks, boolean aToB) throws IOException {
        for (int i = 0; i < blocks; i++) {
            clock.advanceBlocks(1);
            if (aToB) {
                relay.aToB().pump();
            }
            relay.bToA().pump();
        }
    }

    private static SpanConfig span(String name, int remotePort) {
        return SpanConfig.full(name, SpanType.E1, 0)
                .withOptions(Map.of(
                        PwSpanOptions.MODE, "cesopsn",
                        PwSpanOptions.REMOTE_ADDRESS, "127.0.0.1",
                        PwSpanOptions.REMOTE_PORT, Integer.toString(remotePort),
                        PwSpanOptions.JITTER_BUFFER_MS, "16"));
    }
}
