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

    /**
     * The steered loop as a line-timed span runs it, in virtual time with microsecond packet times: the far end sends
     * 1 ms packets at its own rate, each delayed by up to 2 ms; they are seen once per 1 ms block (as the driver
     * drains its socket); each block the span moves 8 frames, one more or fewer when the correction has added up to a
     * frame, and plays a packet whenever its frame queue runs short. Half an hour: nothing lost, the fill held within
     * two packets of where it settled, the correction equal to the far end's offset, the net slips equal to the drift.
     */
    @ParameterizedTest
    @ValueSource(ints = {50, -50, 100, -100, 0, 7})
    void steeredPlayoutFollowsTheFarEndsClock(int farPpm) {
        int depth = 16;
        var jb = new JitterBuffer(4, depth, 256, FillPolicy.ALL_ONES, (byte) 0xFF, 3, 3);
        var acr = AdaptiveClockRecovery.forInterval(INTERVAL, true);
        var rnd = new SplittableRandom(7);
        var payload = java.nio.ByteBuffer.allocate(4);
        byte[] out = new byte[4];
        double farInterval = INTERVAL / (1 + farPpm * 1e-6);
        long[] arrivalAt = new long[64];
        int[] arrivalSeq = new int[64];
        int pending = 0;
        long sent = 0;
        int queue = 0;
        double steer = 0;
        long netFrames = 0;
        double correctionSum = 0;
        int correctionSamples = 0;
        double worstFill = 0;
        int blocks = 30 * 60 * 1000;
        for (int blk = 1; blk <= blocks; blk++) {
            long now = blk * INTERVAL;
            while (sent * farInterval <= now) {
                arrivalAt[pending] = (long) (sent * farInterval) + rnd.nextLong(2 * INTERVAL);
                arrivalSeq[pending++] = (int) (sent++ & 0xFFFF);
            }
            for (int i = 0; i < pending; ) {
                if (arrivalAt[i] <= now) {
                    jb.offer(arrivalSeq[i], false, payload, 0, 4);
                    acr.onArrival(unwrap(arrivalSeq[i], sent), now);
                    arrivalAt[i] = arrivalAt[--pending];
                    arrivalSeq[i] = arrivalSeq[pending];
                } else {
                    i++;
                }
            }
            steer += 8 * acr.correctionPpm() * 1e-6;
            int frames = 8;
            if (steer >= 1) {
                steer--;
                frames++;
                netFrames++;
            } else if (steer <= -1) {
                steer++;
                frames--;
                netFrames--;
            }
            while (queue < frames) {
                jb.playout(out, 0);
                acr.onPlayout(jb.fillLevel(), now);
                queue += 8;
            }
            queue -= frames;
            if (blk > 10 * 60 * 1000) {
                worstFill = Math.max(worstFill, Math.abs(acr.filteredFill() - acr.targetFill()));
            }
            if (blk > 20 * 60 * 1000) {
                correctionSum += acr.correctionPpm();
                correctionSamples++;
            }
        }
        assertThat(jb.lost()).isZero();
        assertThat(jb.late()).isZero();
        assertThat(jb.underruns() + jb.overflows()).isZero();
        assertThat(worstFill).as("fill error after 10 minutes, packets").isLessThan(2.0);
        assertThat(correctionSum / correctionSamples).isCloseTo(farPpm, within(2.5));
        double drift = farPpm * 1e-6 * 8000 * blocks / 1000.0;
        assertThat((double) netFrames).isCloseTo(drift, within(24.0));
    }

    private static long unwrap(int seq, long sent) {
        long base = (sent - 1) & ~0xFFFFL;
        long n = base | seq;
        return n > sent - 1 ? n - 0x10000 : n;
    }
}
