package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallExecutorsTest {

    @Test
    void aTaskThatThrowsDoesNotKillItsLane() throws Exception {
        try (CallExecutors lanes = new CallExecutors(1)) {
            CompletableFuture<Thread> before = new CompletableFuture<>();
            CompletableFuture<Thread> after = new CompletableFuture<>();
            lanes.forCall("c").execute(() -> before.complete(Thread.currentThread()));
            lanes.forCall("c").execute(() -> {
                throw new IllegalStateException("a bug in call logic");
            });
            lanes.forCall("c").execute(() -> after.complete(Thread.currentThread()));
            assertThat(after.get(10, TimeUnit.SECONDS))
                    .as("the same worker thread still runs the lane")
                    .isSameAs(before.get(10, TimeUnit.SECONDS));
        }
    }

    /** M7: a lane whose backlog reached its limit says so (the inbound edge then answers 503); the others do not. */
    @Test
    void aLaneWithAFullBacklogIsBusyAndTheOthersAreNot() throws Exception {
        try (CallExecutors lanes = new CallExecutors(2, 3)) {
            String other = "c";
            for (int i = 0; lanes.forCall(other) == lanes.forCall("a"); i++) {
                other = "c" + i;
            }
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Void> running = new CompletableFuture<>();
            lanes.forCall("a").execute(() -> {
                running.complete(null);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            running.get(10, TimeUnit.SECONDS);
            CompletableFuture<Void> last = new CompletableFuture<>();
            lanes.forCall("a").execute(() -> {});
            lanes.forCall("a").execute(() -> {});
            assertThat(lanes.busy("a")).as("2 waiting, limit 3").isFalse();
            lanes.forCall("a").execute(() -> last.complete(null));
            assertThat(lanes.busy("a")).as("3 waiting").isTrue();
            assertThat(lanes.busy(other)).isFalse();
            release.countDown();
            last.get(10, TimeUnit.SECONDS);
            assertThat(lanes.busy("a")).isFalse();
        }
    }
}
