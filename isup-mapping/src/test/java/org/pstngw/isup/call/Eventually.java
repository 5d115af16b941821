package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, polling every 20 ms, until a condition holds or a time limit passes; then asserts it, naming what it is. */
final class Eventually {
    private final Duration limit;

    Eventually(Duration limit) {
        this.limit = limit;
    }

    void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
