package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.sim.Behaviour;
import org.pstngw.isup.sim.IsupBytes;
import org.pstngw.isup.sim.LinkAndExchange;
import org.pstngw.isup.sim.Rules;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;

/** Call control against jSS7's ISUP stack (the simulated exchange) over real M3UA/TCP on loopback. */
@Timeout(90)
class IsupCallControlIT {

    @TempDir
    Path dir;

    private record Heard(int cic, CallAction what, int cause) {}

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private LinkAndExchange pair;
    private IsupCallControl control;

    @BeforeEach
    void start() throws Exception {
        pair = new LinkAndExchange(dir, 8, Rules.answerAll().on("5", new Behaviour.AnswerAfter(200)));
        CircuitPool pool = new CircuitPool(
                new CircuitGroup("sim", LinkAndExchange.EXCHANGE_PC, 1, 8, 0, 1), LinkAndExchange.GATEWAY_PC);
        control = new IsupCallControl(
                pair.link(),
                pool,
                HuntingStrategy.CONTROLLED_FIRST,
                IsupTimers.q764Defaults(),
                new ExecutorScheduler(timers),
                executor,
                (cic, what, cause, message) -> heard.add(new Heard(cic, what, cause)));
        pair.listener(control).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onExecutor(control::destinationReachable) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(control.destinationReachable())
                .as("call control saw the exchange available")
                .isTrue();
    }

    @AfterEach
    void stop() {
        pair.close();
        executor.shutdownNow();
        timers.shutdownNow();
    }

    private Heard next() throws InterruptedException {
        Heard h = heard.poll(20, TimeUnit.SECONDS);
        assertThat(h).as("an event from call control").isNotNull();
        return h;
    }

    private <T> T onExecutor(java.util.concurrent.Callable<T> task) throws Exception {
        return executor.submit(task).get(20, TimeUnit.SECONDS);
    }

    private static IsupParameters iamTo(String called) {
        DecodeResult r = IsupCodec.decode(IsupBytes.iam(1, called), IsupVariant.ITU);
        return ((DecodeResult.Decoded) r).message().parameters();
    }

    @Test
    void outgoingCallIsAnsweredAndReleasedByUs() throws Exception {
        IsupCallControl.SetupResult r = onExecutor(() -> control.setup(iamTo("5")));
        assertThat(r).isEqualTo(new IsupCallControl.SetupResult.Started(1));

        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ANSWER, 0));
        onExecutor(() -> control.release(1, 16));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onExecutor(() -> control.state(1)) != CallState.IDLE && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(onExecutor(() -> control.state(1))).isEqualTo(CallState.IDLE);
    }

    @Test
    void incomingCallReleasedByTheExchange() throws Exception {
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        pair.exchange().sendRel(3, 17);
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 17));
        assertThat(onExecutor(() -> control.state(3))).isEqualTo(CallState.IDLE);
    }

    @Test
    void remoteBlockingIsAcknowledgedAndTheCircuitIsNotHunted() throws Exception {
        pair.exchange().sendSimple(0x13, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pair.exchange().received(0x15) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pair.exchange().received(0x15))
                .as("BLA received by the exchange")
                .isPositive();

        assertThat(onExecutor(() -> control.setup(iamTo("5")))).isEqualTo(new IsupCallControl.SetupResult.Started(3));
    }

    @Test
    void linkLossReleasesCallsRefusesNewOnesWith34AndRecoveryResetsTheGroup() throws Exception {
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next().what()).isEqualTo(CallAction.NOTIFY_INCOMING_CALL);

        pair.exchange().dropAssociation();
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 38));
        assertThat(onExecutor(() -> control.setup(iamTo("5")))).isEqualTo(new IsupCallControl.SetupResult.Refused(34));

        pair.exchange().restoreAssociation();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pair.exchange().received(0x17) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pair.exchange().received(0x17))
                .as("GRS received by the exchange")
                .isPositive();
    }
}
