package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.sim.Behaviour;
import org.pstngw.isup.sim.IsupBytes;
import org.pstngw.isup.sim.LinkAndExchange;
import org.pstngw.isup.sim.Rules;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;

/** Call control against jSS7's ISUP stack (the simulated exchange) over real M3UA/TCP on loopback. */
@Timeout(90)
class IsupCallControlIT {

    @TempDir
    Path dir;

    private record Heard(int cic, CallAction what, int cause) {}

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> reattempts = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ExecutorScheduler timers = new ExecutorScheduler("it-timers");
    private LinkAndExchange pair;
    private IsupCallControl control;

    @BeforeEach
    void start() throws Exception {
        pair = new LinkAndExchange(
                dir,
                8,
                Rules.answerAll()
                        .on("5", new Behaviour.AnswerAfter(200))
                        .on("17", Behaviour.BUSY)
                        .on("1", Behaviour.UNALLOCATED)
                        .on("42", Behaviour.CONGESTION)
                        .on("9", new Behaviour.ReleaseAfter(300)));
        control = IsupCallControl.builder(
                        pair.link(), CircuitGroup.contiguous("sim", LinkAndExchange.EXCHANGE_PC, 1, 8, "span0", 1))
                .settings(CallControlSettings.defaults().withHunting(HuntingStrategy.CONTROLLED_FIRST))
                .scheduler(timers)
                .executor(executor)
                .listener(new IsupCallListener() {
                    @Override
                    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                        heard.add(new Heard(cic, what, cause));
                    }

                    @Override
                    public void onReattempt(int fromCic, SetupResult result) {
                        reattempts.add(fromCic + "->" + result);
                    }
                })
                .build();
        pair.listener(control).start();
        await(control::ready, "call control saw the exchange available and its group reset acknowledged");
    }

    @AfterEach
    void stop() {
        pair.close();
        executor.shutdownNow();
        timers.close();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private Heard next() throws InterruptedException {
        Heard h = heard.poll(20, TimeUnit.SECONDS);
        assertThat(h).as("an event from call control").isNotNull();
        return h;
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static IsupParameters iamTo(String called) {
        DecodeResult r = IsupCodec.decode(IsupBytes.iam(1, called), IsupVariant.ITU);
        return ((DecodeResult.Decoded) r).message().parameters();
    }

    @Test
    void outgoingCallIsAnsweredAndReleasedByUsUntilReleaseComplete() throws Exception {
        assertThat(get(control.setup(iamTo("5")))).isEqualTo(new SetupResult.Started(1));

        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ANSWER, 0));
        get(control.release(1, 16));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_RELEASE_COMPLETE, 16));
        assertThat(get(control.state(1))).isEqualTo(CallState.IDLE);
    }

    @Test
    void incomingCallReleasedByTheExchange() throws Exception {
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        pair.exchange().sendRel(3, 17);
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 17));
        assertThat(get(control.state(3))).isEqualTo(CallState.IDLE);
    }

    @Test
    void remoteBlockingIsAcknowledgedAndTheCircuitIsNotHunted() throws Exception {
        pair.exchange().sendSimple(0x13, 1);
        await(() -> pair.exchange().received(0x15) > 0, "BLA received by the exchange");

        assertThat(get(control.setup(iamTo("5")))).isEqualTo(new SetupResult.Started(3));
    }

    @Test
    void linkLossReleasesCallsRefusesNewOnesWith34AndRecoveryResetsTheGroup() throws Exception {
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next().what()).isEqualTo(CallAction.NOTIFY_INCOMING_CALL);
        long resetsBefore = pair.exchange().received(0x17);

        pair.exchange().dropAssociation();
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 38));
        assertThat(get(control.setup(iamTo("5")))).isEqualTo(new SetupResult.Refused(34));

        pair.exchange().restoreAssociation();
        await(() -> pair.exchange().received(0x17) > resetsBefore, "a new GRS received by the exchange");
        await(control::ready, "the GRA came back");
        assertThat(get(control.setup(iamTo("5")))).isInstanceOf(SetupResult.Started.class);
        assertThat(next().what()).isEqualTo(CallAction.NOTIFY_ADDRESS_COMPLETE);
    }
}
