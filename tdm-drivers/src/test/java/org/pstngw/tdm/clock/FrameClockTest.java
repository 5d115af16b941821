package org.pstngw.tdm.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameClockTest {
    @Test
    void virtualClockDeliversWholeBlocksOnlyWhenAdvanced() {
        VirtualFrameClock clock = new VirtualFrameClock(80);
        List<Long> starts = new ArrayList<>();
        FrameListener listener = (first, frames) -> {
            assertThat(frames).isEqualTo(80);
            starts.add(first);
        };
        clock.addListener(listener);
        clock.advance(79);
        assertThat(starts).isEmpty();
        clock.advance(1);
        clock.advanceBlocks(2);
        assertThat(starts).containsExactly(0L, 80L, 160L);
        clock.removeListener(listener);
        clock.advance(80);
        assertThat(starts).hasSize(3);
        assertThat(clock.frames()).isEqualTo(320);
    }

    @Test
    void aListenerThatThrowsLeavesTheOthersRunning() {
        VirtualFrameClock clock = new VirtualFrameClock(8);
        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        clock.addListener((first, frames) -> before.add(first));
        clock.addListener((first, frames) -> {
            throw new IllegalStateException("broken listener at frame " + first);
        });
        clock.addListener((first, frames) -> after.add(first));
        clock.advanceBlocks(3);
        assertThat(before).containsExactly(0L, 8L, 16L);
        assertThat(after).containsExactly(0L, 8L, 16L);
        assertThat(clock.listenerFailures()).isEqualTo(3);
        assertThat(clock.frames()).isEqualTo(24);
    }

    @Test
    void realClockKeepsTickingPastAListenerThatThrows() throws InterruptedException {
        try (RealFrameClock clock = new RealFrameClock(8, "test-frame-clock-throwing")) {
            CountDownLatch blocks = new CountDownLatch(20);
            clock.addListener((first, frames) -> {
                throw new IllegalStateException("broken");
            });
            clock.addListener((first, frames) -> blocks.countDown());
            clock.start();
            assertThat(blocks.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(clock.listenerFailures()).isGreaterThanOrEqualTo(19);
        }
    }

    @Test
    void realClockNeverDeliversABlockBeforeItsTimeAndKeepsTheLongRunRate() throws InterruptedException {
        try (RealFrameClock clock = new RealFrameClock(8, "test-frame-clock")) {
            int blocks = 200;
            long[] at = new long[blocks];
            long[] first = new long[blocks];
            CountDownLatch done = new CountDownLatch(blocks);
            List<String> threads = new ArrayList<>();
            clock.addListener((firstFrame, frames) -> {
                int k = (int) (firstFrame / 8);
                if (k < blocks) {
                    at[k] = System.nanoTime();
                    first[k] = firstFrame;
                    if (threads.isEmpty()) {
                        threads.add(Thread.currentThread().getName());
                    }
                    done.countDown();
                }
            });
            long start = System.nanoTime();
            clock.start();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            for (int k = 0; k < blocks; k++) {
                // Deadlines are absolute: block k is due (k + 1) ms after start, never earlier, whatever the load.
                assertThat(at[k] - start).as("block %d", k).isGreaterThanOrEqualTo((k + 1) * 1_000_000L);
                assertThat(first[k]).isEqualTo(8L * k);
            }
            assertThat(threads).containsExactly("test-frame-clock");
            // Late blocks are delivered at once to catch up: over a longer run the rate is 8,000 frames a second.
            long t0 = System.nanoTime();
            long f0 = clock.frames();
            Thread.sleep(1000);
            long frames = clock.frames() - f0;
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(frames / seconds).isBetween(7000.0, 8100.0);
        }
    }

    @Test
    void realClockReportsHowLateItsLatestStallMadeABlock() throws InterruptedException {
        RealFrameClock clock = new RealFrameClock(8, "test-frame-clock-stall");
        try (clock) {
            CountDownLatch afterStall = new CountDownLatch(5);
            clock.addListener((first, frames) -> {
                if (first == 80) {
                    try {
                        Thread.sleep(30); // the clock thread kept from running for 30 blocks
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (first > 80) {
                    afterStall.countDown();
                }
            });
            clock.start();
            assertThat(afterStall.await(10, TimeUnit.SECONDS)).isTrue();
            // The block after the stall was due 1 ms after the stalled one began and came about 29 ms later.
            assertThat(clock.takeMaxLatenessNanos()).isGreaterThanOrEqualTo(25_000_000L);
        }
        // Stopped: what is left of the window is taken once, then nothing is late any more.
        clock.takeMaxLatenessNanos();
        assertThat(clock.takeMaxLatenessNanos()).isZero();
    }
}
