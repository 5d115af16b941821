package org.pstngw.tdm.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RealtimeSchedulingTest {
    @Test
    void aThreadIsMadeRealtimeOrToldExactlyWhyNotAndCanGoBack() throws InterruptedException {
        AtomicReference<Optional<String>> result = new AtomicReference<>();
        AtomicReference<Boolean> realtimeAfter = new AtomicReference<>();
        AtomicReference<Boolean> normalAgain = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            result.set(RealtimeScheduling.makeCurrentThreadRealtime(10));
            realtimeAfter.set(RealtimeScheduling.isCurrentThreadRealtime());
            RealtimeScheduling.makeCurrentThreadNormal();
            normalAgain.set(!RealtimeScheduling.isCurrentThreadRealtime());
        });
        t.join(10_000);
        if (result.get().isEmpty()) {
            assertThat(realtimeAfter.get()).as("SCHED_FIFO granted and visible").isTrue();
        } else {
            assertThat(result.get().get()).containsAnyOf("EPERM", "errno", "Linux");
            assertThat(realtimeAfter.get()).isFalse();
        }
        assertThat(normalAgain.get()).isTrue();
    }

    @Test
    void aThreadsNiceValueIsSetOrTheRefusalSaid() throws InterruptedException {
        AtomicReference<Optional<String>> result = new AtomicReference<>();
        AtomicReference<Integer> after = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            result.set(RealtimeScheduling.setCurrentThreadNice(-5));
            after.set(RealtimeScheduling.currentThreadNice());
        });
        t.join(10_000);
        if (result.get().isEmpty()) {
            assertThat(after.get()).isEqualTo(-5);
        } else {
            assertThat(result.get().get()).contains("setpriority");
        }
    }

    @Test
    void theRealClockThreadAsksForItAndRunsEitherWay() throws InterruptedException {
        try (RealFrameClock clock = new RealFrameClock(8, "test-rt-clock", 10, 0)) {
            CountDownLatch blocks = new CountDownLatch(20);
            AtomicReference<Boolean> seen = new AtomicReference<>();
            clock.addListener((first, frames) -> {
                seen.compareAndSet(null, RealtimeScheduling.isCurrentThreadRealtime());
                blocks.countDown();
            });
            clock.start();
            assertThat(blocks.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get()).isEqualTo(clock.realtime());
        }
    }
}
