package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.isup.sim.LinkAndExchange;
import org.pstngw.isup.sim.Rules;
import org.pstngw.isup.sim.SimEvent;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;

/**
 * Two circuit groups (CICs 1-8 and 9-16) on one M3UA link behind a {@link CicDispatcher}, against the simulated exchange
 * (CICs 1-16) over M3UA/TCP on loopback: the exchange's group messages over both groups get one answer each.
 */
@Timeout(120)
@ExtendWith(CleanShutdown.class)
class CircuitGroupsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Eventually EVENTUALLY = new Eventually(WAIT);

    @TempDir
    Path dir;

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final WheelScheduler timers = new WheelScheduler("groups-it-timers");
    private LinkAndExchange pair;
    private CicDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        pair = new LinkAndExchange(dir, 16, Rules.answerAll());
        dispatcher = new CicDispatcher(pair.link(), org.pstngw.sipi.isup.IsupVariant.ITU);
        for (CircuitGroup g : List.of(
                CircuitGroup.contiguous("a", LinkAndExchange.EXCHANGE_PC, 1, 8, "span0", 1),
                CircuitGroup.contiguous("b", LinkAndExchange.EXCHANGE_PC, 9, 8, "span0", 9))) {
            dispatcher.add(IsupCallControl.builder(pair.link(), g)
                    .scheduler(timers)
                    .executor(executor)
                    .listener(new IsupCallListener() {
                        @Override
                        public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                            heard.add(g.name() + ":" + cic + ":" + what + ":" + cause);
                        }

                        @Override
                        public void onReattempt(int fromCic, SetupResult result) {}
                    })
                    .build());
        }
        pair.listener(dispatcher).start();
        EVENTUALLY.until(
                () -> dispatcher.controls().stream().allMatch(IsupCallControl::ready), "both groups reset and ready");
    }

    @AfterEach
    void stop() {
        if (pair != null) {
            pair.close();
        }
        executor.shutdownNow();
        timers.close();
    }

    private String next() throws InterruptedException {
        String h = heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(h).as("an event from call control").isNotNull();
        return h;
    }

    @Test
    void aGroupResetOverBothGroupsClearsTheirCallsAndGetsOneGra() throws Exception {
        pair.exchange().sendIam(6, "123", "456");
        pair.exchange().sendIam(10, "123", "456");
        assertThat(List.of(next(), next()))
                .containsExactlyInAnyOrder("a:6:NOTIFY_INCOMING_CALL:0", "b:10:NOTIFY_INCOMING_CALL:0");
        long mark = pair.exchange().events().mark();
        long grasBefore = pair.exchange().received(IsupMessageType.GRA);

        pair.exchange().sendGrs(5, 7);

        assertThat(pair.exchange().events().awaitReceived(mark, IsupMessageType.GRA, 5, WAIT))
                .isPresent();
        assertThat(List.of(next(), next()))
                .containsExactlyInAnyOrder("a:6:NOTIFY_RELEASED:41", "b:10:NOTIFY_RELEASED:41");
        Thread.sleep(300);
        assertThat(pair.exchange().received(IsupMessageType.GRA)).as("one GRA").isEqualTo(grasBefore + 1);
        assertThat(pair.exchange().events().snapshot())
                .filteredOn(e -> e.seq() > mark && e.kind() == SimEvent.Kind.RECEIVED)
                .extracting(SimEvent::type)
                .containsOnly(IsupMessageType.GRA);
        for (IsupCallControl c : dispatcher.controls()) {
            assertThat(c.maintenance().available().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo(8);
        }
    }

    @Test
    void aQueryAndAGroupBlockingOverBothGroupsGetOneAnswerEach() throws Exception {
        long mark = pair.exchange().events().mark();
        pair.exchange().sendCqm(7, 3);
        assertThat(pair.exchange().events().awaitReceived(mark, IsupMessageType.CQR, 7, WAIT))
                .isPresent();

        pair.exchange().sendCgb(7, 3, false);
        assertThat(pair.exchange().events().awaitReceived(mark, IsupMessageType.CGBA, 7, WAIT))
                .isPresent();
        Thread.sleep(300);
        assertThat(pair.exchange().received(IsupMessageType.CQR)).isEqualTo(1);
        assertThat(pair.exchange().received(IsupMessageType.CGBA)).isEqualTo(1);
        assertThat(pair.exchange().received(IsupMessageType.UCIC)).isZero();
        assertThat(dispatcher
                        .control("a")
                        .maintenance()
                        .available()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo(6);
        assertThat(dispatcher
                        .control("b")
                        .maintenance()
                        .available()
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo(6);
    }
}
