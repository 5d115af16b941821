package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hashed timing wheel on a manual clock: never early, at most a tick late, rounds, cancellation, order. */
class TimingWheelTest {

    private static final long MS = 1_000_000L;
    /** 8 slots of 10 ms: one turn is 80 ms. */
    private final TimingWheel wheel = new TimingWheel(0, Duration.ofMillis(10), 8);

    private final List<String> ran = new ArrayList<>();

    private Scheduler.Cancellable at(long ms, String name) {
        return wheel.schedule(ms * MS, () -> ran.add(name));
    }

    @Test
    void aTimerRunsAtTheFirstTickAtOrAfterItsDeadlineNeverBefore() {
        at(25, "a");
        wheel.advance(29 * MS);
        assertThat(ran).isEmpty();
        assertThat(wheel.pending()).isOne();
        wheel.advance(30 * MS);
        assertThat(ran).containsExactly("a");
        assertThat(wheel.pending()).isZero();
        wheel.advance(200 * MS);
        assertThat(ran).as("once").containsExactly("a");
    }

    @Test
    void aTimerOnATickBoundaryRunsAtThatTick() {
        at(30, "a");
        wheel.advance(30 * MS - 1);
        assertThat(ran).isEmpty();
        wheel.advance(30 * MS);
        assertThat(ran).containsExactly("a");
    }

    @Test
    void timersDueTurnsLaterShareASlotAndWaitTheirTurn() {
        at(35, "first turn");
        at(115, "second turn");
        at(275, "fourth turn");
        wheel.advance(40 * MS);
        assertThat(ran).containsExactly("first turn");
        wheel.advance(119 * MS);
        assertThat(ran).containsExactly("first turn");
        wheel.advance(120 * MS);
        assertThat(ran).containsExactly("first turn", "second turn");
        wheel.advance(279 * MS);
        assertThat(ran).hasSize(2);
        wheel.advance(280 * MS);
        assertThat(ran).containsExactly("first turn", "second turn", "fourth turn");
    }

    @Test
    void aLongJumpRunsEveryTimerDueInTickOrder() {
        at(500, "e");
        at(70, "b");
        at(5, "a");
        at(160, "c");
        at(161, "d");
        wheel.advance(Duration.ofSeconds(1).toNanos());
        assertThat(ran).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aCancelledTimerNeverRunsAndIsUnlinkedAtTheNextTick() {
        Scheduler.Cancellable a = at(50, "a");
        at(50, "b");
        wheel.advance(10 * MS);
        assertThat(wheel.linked()).isEqualTo(2);
        a.cancel();
        a.cancel();
        assertThat(wheel.pending()).as("counted out at once, idempotent").isOne();
        wheel.advance(20 * MS);
        assertThat(wheel.linked()).as("unlinked at the next tick").isOne();
        wheel.advance(100 * MS);
        assertThat(ran).containsExactly("b");
    }

    @Test
    void aTimerCancelledBeforeTheWheelSawItIsNeverLinked() {
        at(50, "a").cancel();
        wheel.advance(100 * MS);
        assertThat(ran).isEmpty();
        assertThat(wheel.linked()).isZero();
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void cancellingAfterTheRunChangesNothing() {
        Scheduler.Cancellable a = at(10, "a");
        wheel.advance(10 * MS);
        a.cancel();
        assertThat(ran).containsExactly("a");
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void aDeadlineAlreadyPastRunsAtTheNextTickProcessed() {
        wheel.advance(100 * MS);
        at(20, "late");
        wheel.advance(105 * MS);
        assertThat(ran).isEmpty();
        wheel.advance(110 * MS);
        assertThat(ran).containsExactly("late");
    }

    @Test
    void aTimerScheduledByATimerTaskRunsLaterNotInsideIt() {
        wheel.schedule(10 * MS, () -> {
            ran.add("outer");
            wheel.schedule(10 * MS, () -> ran.add("inner"));
        });
        wheel.advance(10 * MS);
        assertThat(ran).containsExactly("outer");
        wheel.advance(20 * MS);
        assertThat(ran).containsExactly("outer", "inner");
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        wheel.schedule(10 * MS, () -> {
            throw new IllegalStateException("test");
        });
        at(10, "after");
        wheel.advance(10 * MS);
        assertThat(ran).containsExactly("after");
    }

    @Test
    void manySchedulesAndCancellationsLeaveNothingBehind() {
        List<Scheduler.Cancellable> handles = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            handles.add(at(1_000 + i % 5_000, "x"));
            if (i % 1_000 == 0) {
                wheel.advance(i / 1_000 * MS);
            }
        }
        handles.forEach(Scheduler.Cancellable::cancel);
        assertThat(wheel.pending()).isZero();
        wheel.advance(200 * MS);
        assertThat(wheel.linked()).isZero();
        wheel.advance(Duration.ofSeconds(10).toNanos());
        assertThat(ran).isEmpty();
    }

    @Test
    void theShapeIsChecked() {
        assertThatThrownBy(() -> new TimingWheel(0, Duration.ofMillis(10), 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingWheel(0, Duration.ZERO, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSchedulersThreadRunsTimersOnTimeAndStopsOnClose() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        long[] firedAt = new long[1];
        Thread worker;
        try (WheelScheduler scheduler = new WheelScheduler("wheel-test", Duration.ofMillis(5), 64)) {
            long start = System.nanoTime();
            scheduler.schedule(Duration.ofMillis(50), () -> {
                firedAt[0] = System.nanoTime() - start;
                fired.countDown();
            });
            Scheduler.Cancellable never = scheduler.schedule(Duration.ofMillis(50), () -> ran.add("never"));
            never.cancel();
            assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(firedAt[0])).isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(scheduler.pending()).isZero();
            worker = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("wheel-test"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(worker.isAlive()).as("the wheel's thread ended with close").isFalse();
        assertThat(ran).isEmpty();
    }
}
