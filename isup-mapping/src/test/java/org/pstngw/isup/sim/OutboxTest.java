package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean routable = new AtomicBoolean();
    private final List<String> out = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    private Outbox.Send message(String name, CountDownLatch done) {
        return new Outbox.Send() {
            @Override
            public void go() {
                out.add(name);
                done.countDown();
            }

            @Override
            public void drop(String reason) {
                out.add(name + " dropped: " + reason);
                done.countDown();
            }
        };
    }

    @Test
    void messagesWaitInOrderUntilThereIsARoute() throws Exception {
        Outbox outbox = new Outbox(routable::get, loop, Duration.ofSeconds(5));
        CountDownLatch done = new CountDownLatch(3);
        loop.submit(() -> {
                    outbox.send(message("ACM", done));
                    outbox.send(message("ANM", done));
                })
                .get();
        routable.set(true);
        loop.submit(() -> outbox.send(message("REL", done))).get();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsExactly("ACM", "ANM", "REL");
    }

    @Test
    void withoutARouteForThePatienceTheyAreDroppedAndReported() throws Exception {
        Outbox outbox = new Outbox(routable::get, loop, Duration.ofMillis(100));
        CountDownLatch done = new CountDownLatch(1);
        loop.submit(() -> outbox.send(message("IAM", done))).get();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsExactly("IAM dropped: no route to the gateway for PT0.1S");
    }
}
