package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.maintenance.CircuitReport;
import org.pstngw.isup.maintenance.LocalBlocking;
import org.pstngw.isup.maintenance.QueryResult;
import org.pstngw.isup.sim.Behaviour;
import org.pstngw.isup.sim.IsupBytes;
import org.pstngw.isup.sim.LinkAndExchange;
import org.pstngw.isup.sim.Rules;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * Call control against the simulated exchange (jSS7's ISUP messages on its own jSS7 M3UA node, point code 2, which controls the even CICs on
 * dual seizure) over real M3UA/TCP on loopback: calls both ways and released both ways, glare with both outcomes,
 * blocking and group blocking both ways, resets, circuit queries both ways, continuity re-check from the exchange,
 * link loss mid-call and calls after recovery. Threads and ports left behind fail the class ({@link CleanShutdown}).
 */
@Timeout(120)
@ExtendWith(CleanShutdown.class)
class IsupCallControlIT {
    private static final Eventually EVENTUALLY = new Eventually(Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private record Heard(int cic, CallAction what, int cause) {}

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> reattempts = new LinkedBlockingQueue<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final WheelScheduler timers = new WheelScheduler("it-timers");
    private LinkAndExchange pair;
    private IsupCallControl control;

    /** Starts the exchange (CICs 1-8) and our control, with the link's PDUs passing through {@code tap} first. */
    private void start(HuntingStrategy hunting, Tap tap) throws Exception {
        pair = new LinkAndExchange(
                dir,
                8,
                Rules.answerAll()
                        .on("5", new Behaviour.AnswerAfter(200))
                        .on("6", new Behaviour.RingForever())
                        .on("17", Behaviour.BUSY)
                        .on("1", Behaviour.UNALLOCATED)
                        .on("42", Behaviour.CONGESTION)
                        .on("9", new Behaviour.ReleaseAfter(300)));
        control = IsupCallControl.builder(
                        pair.link(), CircuitGroup.contiguous("sim", LinkAndExchange.EXCHANGE_PC, 1, 8, "span0", 1))
                .settings(CallControlSettings.defaults().withHunting(hunting))
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
        pair.listener(new IsupLink.Listener() {
                    @Override
                    public void onPdu(IsupPdu pdu) {
                        tap.before(pdu);
                        control.onPdu(pdu);
                    }

                    @Override
                    public void onDestinationState(int dpc, DestinationState state) {
                        control.onDestinationState(dpc, state);
                    }
                })
                .start();
        EVENTUALLY.until(control::ready, "call control saw the exchange available and its group reset acknowledged");
    }

    private void start() throws Exception {
        start(HuntingStrategy.CONTROLLED_FIRST, pdu -> {});
    }

    /** Sees each PDU from the exchange before call control does (on the link's thread). */
    @FunctionalInterface
    private interface Tap {
        void before(IsupPdu pdu);
    }

    @AfterEach
    void stop() {
        if (pair != null) {
            pair.close();
        }
        executor.shutdownNow();
        timers.close();
    }

    private Heard next() throws InterruptedException {
        Heard h = heard.poll(20, TimeUnit.SECONDS);
        assertThat(h).as("an event from call control").isNotNull();
        return h;
    }

    private static <T> T get(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static IsupParameters iamTo(String called) {
        DecodeResult r = IsupCodec.decode(IsupBytes.iam(1, called), IsupVariant.ITU);
        return ((DecodeResult.Decoded) r).message().parameters();
    }

    private static final IsupParameters BCI =
            IsupMessages.acm(0, new BackwardCallIndicators(0)).parameters();

    private int startedCic(String called) throws Exception {
        SetupResult r = get(control.setup(iamTo(called)));
        assertThat(r).isInstanceOf(SetupResult.Started.class);
        return ((SetupResult.Started) r).cic();
    }

    @Test
    void outgoingCallIsAnsweredAndReleasedByUsUntilReleaseComplete() throws Exception {
        start();
        assertThat(get(control.setup(iamTo("5")))).isEqualTo(new SetupResult.Started(1));

        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ANSWER, 0));
        get(control.release(1, 16));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_RELEASE_COMPLETE, 16));
        assertThat(get(control.state(1))).isEqualTo(CallState.IDLE);
    }

    @Test
    void outgoingCallsReleasedByTheExchangeCarryItsCause() throws Exception {
        start();
        for (String called : new String[] {"17", "1", "42"}) {
            int cic = startedCic(called);
            assertThat(next())
                    .as("called %s", called)
                    .isEqualTo(new Heard(cic, CallAction.NOTIFY_RELEASED, Integer.parseInt(called)));
            assertThat(get(control.state(cic))).isEqualTo(CallState.IDLE);
        }
        long rlcBefore = pair.exchange().received(0x10);
        int cic = startedCic("9");
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ANSWER, 0));
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_RELEASED, 16));
        EVENTUALLY.until(() -> pair.exchange().received(0x10) > rlcBefore, "our RLC reached the exchange");
        assertThat(get(control.maintenance().available())).isEqualTo(8);
    }

    @Test
    void anUnansweredCallIsReleasedByUsAfterRinging() throws Exception {
        start();
        int cic = startedCic("6");
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        get(control.release(cic, 16));
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_RELEASE_COMPLETE, 16));
    }

    @Test
    void incomingCallAnsweredAndReleasedByUs() throws Exception {
        start();
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        assertThat(get(control.send(3, IsupMessageType.ACM, BCI))).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(get(control.send(3, IsupMessageType.ANM, IsupParameters.empty())))
                .isEqualTo(CircuitCall.Outcome.APPLIED);
        EVENTUALLY.until(() -> pair.exchange().received(0x09) > 0, "ANM reached the exchange");
        get(control.release(3, 16));
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASE_COMPLETE, 16));
        assertThat(pair.exchange().received(0x06)).isEqualTo(1);
    }

    @Test
    void incomingCallReleasedByTheExchange() throws Exception {
        start();
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        pair.exchange().sendRel(3, 17);
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 17));
        assertThat(get(control.state(3))).isEqualTo(CallState.IDLE);
    }

    /** Our IAM goes out on the CIC the exchange's IAM names, just before call control sees the exchange's IAM. */
    private Tap glareOn(int cic) {
        AtomicBoolean once = new AtomicBoolean();
        return pdu -> {
            if (pdu.messageType() == IsupMessageType.IAM.code()
                    && pdu.cic(IsupVariant.ITU) == cic
                    && once.compareAndSet(false, true)) {
                control.setup(iamTo("5"));
            }
        };
    }

    @Test
    void dualSeizureOnAnOddCicWeControlKeepsOurCall() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_UP, glareOn(1));
        pair.exchange().sendIam(1, "123", "456");

        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(1, CallAction.NOTIFY_ANSWER, 0));
        assertThat(reattempts).isEmpty();
        assertThat(pair.exchange().received(0x01)).isEqualTo(1);
    }

    @Test
    void dualSeizureOnAnEvenCicTheExchangeControlsReattemptsElsewhereAndTakesItsCall() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_DOWN, glareOn(8));
        pair.exchange().sendIam(8, "123", "456");

        assertThat(reattempts.poll(20, TimeUnit.SECONDS)).isEqualTo("8->" + new SetupResult.Started(7));
        assertThat(next()).isEqualTo(new Heard(8, CallAction.NOTIFY_INCOMING_CALL, 0));
        assertThat(next()).isEqualTo(new Heard(7, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(7, CallAction.NOTIFY_ANSWER, 0));
        assertThat(get(control.state(8))).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(pair.exchange().received(0x01)).isEqualTo(2);
    }

    @Test
    void remoteBlockingIsAcknowledgedTheCircuitNotHuntedUntilUnblocked() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_UP, pdu -> {});
        pair.exchange().sendSimple(0x13, 1);
        EVENTUALLY.until(() -> pair.exchange().received(0x15) > 0, "BLA received by the exchange");
        assertThat(startedCic("6")).isEqualTo(2);

        pair.exchange().sendSimple(0x14, 1);
        EVENTUALLY.until(() -> pair.exchange().received(0x16) > 0, "UBA received by the exchange");
        assertThat(startedCic("6")).isEqualTo(1);
    }

    @Test
    void localBlockingIsAcknowledgedByTheExchangeAndLifted() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_UP, pdu -> {});
        assertThat(get(control.maintenance().block(1))).isTrue();
        EVENTUALLY.until(
                () -> state(control.maintenance().localBlockingState(1)) == LocalBlocking.State.BLOCKED,
                "BLA from the exchange");
        assertThat(pair.exchange().received(0x13)).isEqualTo(1);
        assertThat(startedCic("6")).isEqualTo(2);

        assertThat(get(control.maintenance().unblock(1))).isTrue();
        EVENTUALLY.until(
                () -> state(control.maintenance().localBlockingState(1)) == LocalBlocking.State.UNBLOCKED,
                "UBA from the exchange");
        assertThat(startedCic("6")).isEqualTo(1);
    }

    private static <T> T state(CompletionStage<T> stage) {
        try {
            return get(stage);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void groupBlockingFromTheExchangeIsAcknowledgedAndHardwareBlockingReleasesTheCall() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_UP, pdu -> {});
        pair.exchange().sendIam(2, "123", "456");
        assertThat(next()).isEqualTo(new Heard(2, CallAction.NOTIFY_INCOMING_CALL, 0));

        pair.exchange().sendCgb(1, 2, false);
        EVENTUALLY.until(
                () -> pair.exchange().received(IsupMessageType.CGBA) == 1, "CGBA (maintenance) at the exchange");
        assertThat(get(control.maintenance().available())).isEqualTo(5);
        assertThat(get(control.state(2))).isEqualTo(CallState.INCOMING_SEIZED);

        pair.exchange().sendCgb(2, 1, true);
        assertThat(next()).isEqualTo(new Heard(2, CallAction.NOTIFY_RELEASED, 41));
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.CGBA) == 2, "CGBA (hardware) at the exchange");

        pair.exchange().sendCgu(1, 2, false);
        pair.exchange().sendCgu(2, 1, true);
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.CGUA) == 2, "both CGUA at the exchange");
        assertThat(get(control.maintenance().available())).isEqualTo(8);
        assertThat(startedCic("6")).isEqualTo(1);
    }

    @Test
    void groupBlockingByUsIsAcknowledgedByTheExchangeAndLifted() throws Exception {
        start(HuntingStrategy.SEQUENTIAL_UP, pdu -> {});
        assertThat(get(control.maintenance().blockGroup(1, 4, false))).isEqualTo(4);
        EVENTUALLY.until(
                () -> state(control.maintenance().localBlockingState(4)) == LocalBlocking.State.BLOCKED,
                "CGBA from the exchange");
        assertThat(startedCic("6")).isEqualTo(5);

        assertThat(get(control.maintenance().unblockGroup(1, 4, false))).isEqualTo(4);
        EVENTUALLY.until(
                () -> state(control.maintenance().localBlockingState(1)) == LocalBlocking.State.UNBLOCKED,
                "CGUA from the exchange");
        assertThat(startedCic("6")).isEqualTo(1);
    }

    @Test
    void circuitQueryFromTheExchangeIsAnsweredWithCqr() throws Exception {
        start();
        pair.exchange().sendCqm(1, 7);
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.CQR) == 1, "CQR at the exchange");
    }

    @Test
    void ourCircuitQueryGetsTheExchangesStatesOverTheWire() throws Exception {
        start();
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        pair.exchange().sendBlo(5);
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.BLA) > 0, "BLA at the exchange");

        QueryResult result = get(control.maintenance().query(1, 8));

        assertThat(result).isInstanceOf(QueryResult.Answered.class);
        java.util.List<CircuitReport> reports = ((QueryResult.Answered) result).circuits();
        assertThat(reports).extracting(CircuitReport::cic).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(reports.get(2).callProcessing())
                .as("the exchange's own call on CIC 3")
                .isEqualTo(CircuitReport.CallProcessing.OUTGOING_BUSY);
        assertThat(reports.get(4).maintenanceBlocking())
                .as("the exchange blocks CIC 5")
                .isEqualTo(CircuitReport.BlockingState.LOCAL);
        assertThat(reports)
                .filteredOn(r -> r.cic() != 3)
                .allMatch(r -> r.callProcessing() == CircuitReport.CallProcessing.IDLE);
        assertThat(reports)
                .filteredOn(r -> r.cic() != 5)
                .allMatch(r -> r.maintenanceBlocking() == CircuitReport.BlockingState.NONE
                        && r.hardwareBlocking() == CircuitReport.BlockingState.NONE);
        assertThat(pair.exchange().received(IsupMessageType.CQM)).isEqualTo(1);
    }

    @Test
    void continuityRecheckFromTheExchangeIsLoopedAndEndsWithItsRelease() throws Exception {
        start();
        pair.exchange().sendCcr(5);
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.LPA) == 1, "LPA at the exchange");
        assertThat(get(control.state(5))).isEqualTo(CallState.CONTINUITY_RECHECK_LOOP);
        long rlcBefore = pair.exchange().received(IsupMessageType.RLC);
        pair.exchange().sendRel(5, 16);
        EVENTUALLY.until(() -> pair.exchange().received(IsupMessageType.RLC) > rlcBefore, "RLC at the exchange");
        assertThat(get(control.state(5))).isEqualTo(CallState.IDLE);
        assertThat(heard).isEmpty();
    }

    @Test
    void groupResetFromTheExchangeClearsCallsIsAcknowledgedAndTheCircuitsAreUsable() throws Exception {
        start();
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_INCOMING_CALL, 0));
        long graBefore = pair.exchange().received(0x29);

        pair.exchange().sendGrs(1, 7);

        assertThat(next()).isEqualTo(new Heard(3, CallAction.NOTIFY_RELEASED, 41));
        EVENTUALLY.until(() -> pair.exchange().received(0x29) > graBefore, "GRA received by the exchange");
        assertThat(get(control.maintenance().available())).isEqualTo(8);
        int cic = startedCic("5");
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
    }

    @Test
    void circuitResetFromTheExchangeReleasesTheCallAndIsAnsweredWithRlc() throws Exception {
        start();
        pair.exchange().sendIam(4, "123", "456");
        assertThat(next()).isEqualTo(new Heard(4, CallAction.NOTIFY_INCOMING_CALL, 0));
        long rlcBefore = pair.exchange().received(0x10);

        pair.exchange().sendSimple(0x12, 4);

        assertThat(next()).isEqualTo(new Heard(4, CallAction.NOTIFY_RELEASED, 41));
        EVENTUALLY.until(() -> pair.exchange().received(0x10) > rlcBefore, "RLC received by the exchange");
        assertThat(get(control.state(4))).isEqualTo(CallState.IDLE);
    }

    @Test
    void linkLossReleasesCallsRefusesNewOnesWith34AndCallsResumeAfterTheRecoveryReset() throws Exception {
        start();
        pair.exchange().sendIam(3, "123", "456");
        assertThat(next().what()).isEqualTo(CallAction.NOTIFY_INCOMING_CALL);
        int out = startedCic("6");
        assertThat(next()).isEqualTo(new Heard(out, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        long resetsBefore = pair.exchange().received(0x17);

        pair.exchange().dropAssociation();
        Heard first = next();
        Heard second = next();
        assertThat(java.util.List.of(first, second))
                .containsExactlyInAnyOrder(
                        new Heard(3, CallAction.NOTIFY_RELEASED, 38), new Heard(out, CallAction.NOTIFY_RELEASED, 38));
        assertThat(get(control.setup(iamTo("5")))).isEqualTo(new SetupResult.Refused(34));

        pair.exchange().restoreAssociation();
        EVENTUALLY.until(() -> pair.exchange().received(0x17) > resetsBefore, "a new GRS received by the exchange");
        EVENTUALLY.until(control::ready, "the GRA came back");
        int cic = startedCic("5");
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ADDRESS_COMPLETE, 0));
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_ANSWER, 0));
        get(control.release(cic, 16));
        assertThat(next()).isEqualTo(new Heard(cic, CallAction.NOTIFY_RELEASE_COMPLETE, 16));
    }
}
