package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.isup.sim.Behaviour;
import org.pstngw.isup.sim.CallPhase;
import org.pstngw.isup.sim.IsupBytes;
import org.pstngw.isup.sim.LinkAndExchange;
import org.pstngw.isup.sim.Rules;
import org.pstngw.isup.sim.SimEvent;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * Our T1 and T5 (Q.764 2.9.6) over real M3UA/TCP on loopback: the simulated exchange is told to leave our RELs
 * unanswered ({@link org.pstngw.isup.sim.SimulatedExchange#ignoreReleases}), so what it receives is what our timers
 * sent: the REL repeated at each T1, and at T5 an RSC (maintenance alerted) that it answers, returning the circuit to
 * idle on both sides. T1 and T5 are shortened for the test (the state machine's use of them is the same).
 */
@Timeout(120)
@ExtendWith(CleanShutdown.class)
class ReleaseTimersIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Eventually EVENTUALLY = new Eventually(WAIT);

    @TempDir
    Path dir;

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final WheelScheduler timers = new WheelScheduler("release-it-timers");
    private LinkAndExchange pair;
    private IsupCallControl control;

    private void start(Duration t1, Duration t5) throws Exception {
        pair = new LinkAndExchange(dir, 4, Rules.answerAll().on("6", new Behaviour.RingForever()));
        IsupTimers values = IsupTimers.defaults().with(IsupTimer.T1, t1).with(IsupTimer.T5, t5);
        control = IsupCallControl.builder(
                        pair.link(), CircuitGroup.contiguous("sim", LinkAndExchange.EXCHANGE_PC, 1, 4, "span0", 1))
                .settings(CallControlSettings.defaults().withTimers(values))
                .scheduler(timers)
                .executor(executor)
                .listener(new IsupCallListener() {
                    @Override
                    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                        heard.add(cic + ":" + what);
                    }

                    @Override
                    public void onReattempt(int fromCic, SetupResult result) {}

                    @Override
                    public void onMaintenanceAlert(int cic, MaintenanceAlert alert) {
                        heard.add(cic + ":" + alert);
                    }
                })
                .build();
        pair.listener(control).start();
        EVENTUALLY.until(control::ready, "call control saw the exchange available and its group reset acknowledged");
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

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A call to a number that rings for ever, alerting: its CIC. */
    private int ringingCall() throws Exception {
        DecodeResult r = IsupCodec.decode(IsupBytes.iam(1, "6"), IsupVariant.ITU);
        IsupParameters iam = ((DecodeResult.Decoded) r).message().parameters();
        SetupResult started = get(control.setup(iam));
        assertThat(started).isInstanceOf(SetupResult.Started.class);
        int cic = ((SetupResult.Started) started).cic();
        assertThat(next()).isEqualTo(cic + ":" + CallAction.NOTIFY_ADDRESS_COMPLETE);
        return cic;
    }

    private List<SimEvent> received(IsupMessageType type, int cic, long mark) {
        return pair.exchange().events().snapshot().stream()
                .filter(e -> e.seq() > mark && e.is(SimEvent.Kind.RECEIVED, type, cic))
                .toList();
    }

    @Test
    void aRelLeftUnansweredIsRepeatedAtT1AndTheRepeatsRlcEndsTheCall() throws Exception {
        Duration t1 = Duration.ofMillis(600);
        start(t1, Duration.ofMinutes(5));
        int cic = ringingCall();
        pair.exchange().ignoreReleases(cic, 1);
        long mark = pair.exchange().events().mark();
        long released = System.nanoTime();

        get(control.release(cic, 16));

        assertThat(next()).isEqualTo(cic + ":" + CallAction.NOTIFY_RELEASE_COMPLETE);
        assertThat(Duration.ofNanos(System.nanoTime() - released))
                .as("the RLC answered the repeat, not the first REL")
                .isGreaterThanOrEqualTo(t1);
        List<SimEvent> rels = received(IsupMessageType.REL, cic, mark);
        assertThat(rels).as("the REL and its repeat at T1").hasSize(2).allMatch(e -> e.cause() == 16);
        assertThat(received(IsupMessageType.RSC, cic, mark)).isEmpty();
        assertThat(get(control.state(cic))).isEqualTo(CallState.IDLE);
        assertThat(pair.exchange().phase(cic)).isEqualTo(CallPhase.IDLE);
        Thread.sleep(2 * t1.toMillis());
        assertThat(received(IsupMessageType.REL, cic, mark))
                .as("T1 stopped by the RLC")
                .hasSize(2);
        assertThat(heard).isEmpty();
    }

    @Test
    void relsNeverAnsweredEndInAResetAtT5WhoseRlcReturnsTheCircuitToIdle() throws Exception {
        Duration t1 = Duration.ofMillis(200);
        Duration t5 = Duration.ofSeconds(2);
        start(t1, t5);
        int cic = ringingCall();
        pair.exchange().ignoreReleases(cic, 1_000);
        long mark = pair.exchange().events().mark();
        long released = System.nanoTime();

        get(control.release(cic, 16));

        assertThat(next()).isEqualTo(cic + ":" + MaintenanceAlert.NO_RELEASE_COMPLETE);
        assertThat(Duration.ofNanos(System.nanoTime() - released)).isGreaterThanOrEqualTo(t5);
        assertThat(next()).isEqualTo(cic + ":" + CallAction.NOTIFY_RELEASE_COMPLETE);
        assertThat(received(IsupMessageType.RSC, cic, mark))
                .as("one RSC at T5, answered")
                .hasSize(1);
        int rels = received(IsupMessageType.REL, cic, mark).size();
        assertThat(rels).as("the REL and its repeats at T1 until T5").isGreaterThanOrEqualTo(3);
        assertThat(pair.exchange().events().snapshot())
                .filteredOn(e -> e.seq() > mark && e.cic() == cic && e.kind() == SimEvent.Kind.SENT)
                .extracting(SimEvent::type)
                .as("the exchange answered only the RSC")
                .containsExactly(IsupMessageType.RLC);
        assertThat(get(control.state(cic))).isEqualTo(CallState.IDLE);
        assertThat(pair.exchange().phase(cic)).isEqualTo(CallPhase.IDLE);
        assertThat(get(control.maintenance().available())).isEqualTo(4);
        Thread.sleep(3 * t1.toMillis());
        assertThat(received(IsupMessageType.REL, cic, mark))
                .as("T1 stopped at T5")
                .hasSize(rels);
        assertThat(received(IsupMessageType.RSC, cic, mark))
                .as("T16/T17 stopped by the RLC")
                .hasSize(1);
    }
}
