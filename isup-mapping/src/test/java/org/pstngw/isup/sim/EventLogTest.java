package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.IsupMessageType;

class EventLogTest {

    private final EventLog log = new EventLog(3);

    @Test
    void awaitFindsAnEventAlreadyLoggedAfterTheMark() throws Exception {
        log.add(SimEvent.Kind.SENT, IsupMessageType.ACM, 1, -1, "");
        long mark = log.mark();
        log.add(SimEvent.Kind.SENT, IsupMessageType.ANM, 1, -1, "");
        assertThat(log.awaitSent(0, IsupMessageType.ACM, 1, Duration.ZERO)).isPresent();
        assertThat(log.awaitSent(mark, IsupMessageType.ACM, 1, Duration.ZERO)).isEmpty();
        assertThat(log.awaitSent(mark, IsupMessageType.ANM, 1, Duration.ZERO))
                .hasValueSatisfying(e -> assertThat(e.seq()).isEqualTo(2));
    }

    @Test
    void awaitReturnsAsSoonAsTheEventIsLogged() throws Exception {
        CompletableFuture<SimEvent> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitReceived(0, IsupMessageType.REL, 7, Duration.ofSeconds(10))
                        .orElseThrow();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        log.add(SimEvent.Kind.RECEIVED, IsupMessageType.RLC, 7, -1, "");
        log.add(SimEvent.Kind.RECEIVED, IsupMessageType.REL, 7, 16, "");
        SimEvent rel = waiting.get(5, TimeUnit.SECONDS);
        assertThat(rel.cause()).isEqualTo(16);
        assertThat(rel).hasToString("#2 RECEIVED REL CIC 7 cause 16");
    }

    @Test
    void awaitIsBoundedAndTheLogKeepsOnlyTheNewest() throws Exception {
        long start = System.nanoTime();
        assertThat(log.await(e -> true, Duration.ofMillis(100))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        for (int cic = 1; cic <= 5; cic++) {
            log.add(SimEvent.Kind.SENT, IsupMessageType.IAM, cic, -1, "");
        }
        assertThat(log.snapshot()).extracting(SimEvent::cic).containsExactly(3, 4, 5);
        assertThat(log.mark()).isEqualTo(5);
    }
}
