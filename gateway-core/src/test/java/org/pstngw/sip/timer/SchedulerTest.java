package org.pstngw.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void manualSchedulerDeliversInDueOrderIncludingEventsScheduledOnTheWayAndHonoursCancel() {
        ManualScheduler s = new ManualScheduler();
        List<String> log = new ArrayList<>();
        s.schedule(Duration.ofMillis(30), Runnable::run, () -> log.add("30@" + s.nanoTime() / 1_000_000));
        s.schedule(Duration.ofMillis(10), Runnable::run, () -> {
            log.add("10@" + s.nanoTime() / 1_000_000);
            s.schedule(Duration.ofMillis(5), Runnable::run, () -> log.add("15@" + s.nanoTime() / 1_000_000));
        });
        Timeout cancelled = s.schedule(Duration.ofMillis(20), Runnable::run, () -> log.add("never"));
        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.cancel()).isFalse();
        s.advance(Duration.ofMillis(29));
        assertThat(log).containsExactly("10@10", "15@15");
        s.advance(Duration.ofMillis(1));
        assertThat(log).containsExactly("10@10", "15@15", "30@30");
        assertThat(s.pending()).isZero();
        assertThat(s.clock().nanoTime()).isEqualTo(30_000_000L);
    }

    @Test
    void wheelDeliversTheEventOnTheOwnersExecutorNotTheTimerThread() throws Exception {
        ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "owner-lane"));
        try (WheelScheduler wheel = new WheelScheduler()) {
            CompletableFuture<String> thread = new CompletableFuture<>();
            long start = System.nanoTime();
            wheel.schedule(
                    Duration.ofMillis(50),
                    owner,
                    () -> thread.complete(Thread.currentThread().getName()));
            assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("owner-lane");
            assertThat(System.nanoTime() - start)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
            CompletableFuture<String> never = new CompletableFuture<>();
            Timeout t = wheel.schedule(Duration.ofMillis(30), owner, () -> never.complete("fired"));
            assertThat(t.cancel()).isTrue();
            CompletableFuture<String> later = new CompletableFuture<>();
            wheel.schedule(Duration.ofMillis(100), owner, () -> later.complete("later"));
            assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo("later");
            assertThat(never).isNotDone();
        } finally {
            owner.shutdownNow();
        }
    }
}
