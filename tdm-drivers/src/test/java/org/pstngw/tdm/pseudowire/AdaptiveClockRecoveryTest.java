package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdaptiveClockRecoveryTest {
    private static final long INTERVAL = 1_000_000L;

    /**
     * Virtual time, as in the driver: the far end sends one packet per nominal interval scaled by its
     * offset, each delayed by up to 2 ms of random jitter; the local side plays one packet per nominal
     * interval (its clock cannot be steered) and feeds the buffer's fill level to the controller, which
     * closes its loop on a virtual clock.
     */
    @ParameterizedTest
    @ValueSource(ints = {100, -100, 0, 37})
    void convergesTowardTheFarEndsOffset(int farPpm) {
        int depth = 32;
        var jb = new JitterBuffer(4, depth, 256, FillPolicy.ALL_ONES, (byte) 0xFF, 3, 3);
        var acr = AdaptiveClockRecovery.forInterval(INTERVAL);
        var rnd = new SplittableRandom(42);
        var payload = java.nio.ByteBuffer.allocate(4);
        byte[] out = new byte[4];
        double farInterval = INTERVAL / (1 + farPpm * 1e-6);
        long sent = 0;
        double nextPlay = 10 * INTERVAL;
        long jitterMax = 2 * INTERVAL;
        long[] pendingArrival = new long[64];
        int[] pendingSeq = new int[64];
        int pending = 0;
        long end = 200L * 1_000_000_000L;
        double now = 0;
        while (now < end) {
            double nextSend = sent * farInterval;
            long earliestArrival = Long.MAX_VALUE;
            int idx = -1;
            for (int i = 0; i < pending; i++) {
                if (pendingArrival[i] < earliestArrival) {
                    earliestArrival = pendingArrival[i];
                    idx = i;
                }
            }
            if (nextSend <= earliestArrival && nextSend <= nextPlay) {
                now = nextSend;
                pendingArrival[pending] = (long) nextSend + rnd.nextLong(jitterMax);
                pendingSeq[pending++] = (int) (sent & 0xFFFF);
                sent++;
            } else if (idx >= 0 && earliestArrival <= nextPlay) {
                now = earliestArrival;
                int seq = pendingSeq[idx];
                pendingArrival[idx] = pendingArrival[pending - 1];
                pendingSeq[idx] = pendingSeq[--pending];
                jb.offer(seq, false, payload, 0, 4);
                acr.onArrival(unwrap(seq, sent), (long) now);
            } else {
                now = nextPlay;
                jb.playout(out, 0);
                acr.onPlayout(jb.fillLevel(), (long) now);
                nextPlay += INTERVAL;
            }
        }
        assertThat(acr.arrivalPpm()).isCloseTo(farPpm, within(2.0));
        assertThat(acr.fillPpm()).isCloseTo(farPpm, within(10.0));
        assertThat(jb.lost()).isZero();
        assertThat(jb.late()).isZero();
    }

    private static long unwrap(int seq, long sent) {
        long base = (sent - 1) & ~0xFFFFL;
        long n = base | seq;
        return n > sent - 1 ? n - 0x10000 : n;
    }
}
