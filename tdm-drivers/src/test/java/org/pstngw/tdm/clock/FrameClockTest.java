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
    void realClockRunsAt8000FramesPerSecond() throws InterruptedException {
        try (RealFrameClock clock = new RealFrameClock(8, "test-frame-clock")) {
            CountDownLatch blocks = new CountDownLatch(200);
            List<String> threads = new ArrayList<>();
            clock.addListener((first, frames) -> {
                if (threads.isEmpty()) {
                    threads.add(Thread.currentThread().getName());
                }
                blocks.countDown();
            });
            long start = System.nanoTime();
            clock.start();
            assertThat(blocks.await(10, TimeUnit.SECONDS)).isTrue();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMs).as("200 blocks of 1 ms").isBetween(150L, 5_000L);
            assertThat(clock.frames()).isGreaterThanOrEqualTo(1592);
            assertThat(threads).containsExactly("test-frame-clock");
        }
    }
}
