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
}
