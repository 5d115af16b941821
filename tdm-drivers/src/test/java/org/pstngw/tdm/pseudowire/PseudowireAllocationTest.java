package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pstngw.tdm.FreePorts;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;

/**
 * The real-time path allocates nothing: two pseudowire drivers on one virtual frame clock, four E1 spans each paired
 * over loopback UDP, one packet per span per block each way; once the spans play, a further 2,000 blocks (16,000
 * packets sent and as many received) allocate no heap memory per block on the frame thread (here the test thread,
 * which advances the clock): less in all than one small object every fourth block. Side B's spans have a port each,
 * or 32 of them share one (its batched reads then fill a batch and end on an empty read every block).
 */
class PseudowireAllocationTest {
    private static final int SPANS = 4;
    private static final int BLOCKS = 2000;

    @ParameterizedTest
    @CsvSource({"SATOP, false", "CESOPSN, false", "SATOP, true", "CESOPSN, true"})
    void blocksAllocateNothingOnceTheSpansPlay(PwMode mode, boolean sharedPort) {
        var clock = new VirtualFrameClock(8);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<PseudowireSpan> spans = new ArrayList<>();
        // a shared port of a full batch of spans: every block's reads fill one batch, then end on an empty read
        int spanCount = sharedPort ? MmsgTransport.SLOTS : SPANS;
        int[] ports = FreePorts.udp(2 * spanCount);
        try (var a = new PseudowireDriver(DriverContext.of(clock));
                var b = new PseudowireDriver(DriverContext.of(clock))) {
            for (int i = 0; i < spanCount; i++) {
                int portB = sharedPort ? ports[1] : ports[2 * i + 1];
                spans.add(a.openSpan(LoopbackE1Spans.e1("a" + i, ClockSource.INTERNAL, mode, ports[2 * i], portB)));
                spans.add(b.openSpan(LoopbackE1Spans.e1("b" + i, ClockSource.LINE, mode, portB, ports[2 * i])));
            }
            a.start();
            b.start();
            clock.advanceBlocks(3000);
            long[] received = new long[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                received[i] = spans.get(i).pseudowireStats().packetsReceived();
            }

            long before = mx.getCurrentThreadAllocatedBytes();
            clock.advanceBlocks(BLOCKS);
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;

            for (int i = 0; i < spans.size(); i++) {
                PwLinkStats st = spans.get(i).pseudowireStats();
                assertThat(st.packetsReceived() - received[i])
                        .as("packets received")
                        .isEqualTo(BLOCKS);
                assertThat(st.lost()).isZero();
            }
            assertThat(allocated)
                    // The smallest object, 16 bytes, once every fourth block would be twice this; an alarm change
                    // (its event, the new snapshot) may allocate once.
                    .as("bytes allocated by %d blocks of %d spans", BLOCKS, 2 * spanCount)
                    .isLessThan(4L * BLOCKS);
        }
    }
}
