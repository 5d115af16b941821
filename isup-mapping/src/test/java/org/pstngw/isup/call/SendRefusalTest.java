package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.SendResult;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;

/**
 * What the link refuses is retried or reported, never silently lost: held in order and retried while M3UA has no route,
 * reported and left to the procedure's own timer after {@link Transmitter#PATIENCE}, dropped and covered by the reset on
 * recovery when the destination is down.
 */
class SendRefusalTest {

    private final ControlHarness h = new ControlHarness(3);

    @Test
    void aRefusedReleaseIsHeldAndRetriedAndWhatFollowsKeepsItsOrder() {
        h.receive(IsupMessageType.IAM, 1);
        h.receive(IsupMessageType.IAM, 2);
        h.refusals = 3;

        now(h.control.release(1, 16));
        now(h.control.release(2, 16));
        assertThat(h.sent).isEmpty();
        assertThat(h.control.heldMessages()).isEqualTo(2);

        h.scheduler.advance(Duration.ofMillis(10 + 20));
        assertThat(h.sent).isEmpty();
        h.scheduler.advance(Duration.ofMillis(40));

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.REL, IsupMessageType.REL);
        assertThat(h.sent).extracting(m -> m.cic()).containsExactly(1, 2);
        assertThat(h.control.heldMessages()).isZero();
        assertThat(h.control.droppedMessages()).isZero();
        assertThat(h.alerts).isEmpty();
    }

    @Test
    void aReleaseRefusedBeyondThePatienceIsReportedAndRepeatedByT1() {
        h.receive(IsupMessageType.IAM, 1);
        h.refusals = Integer.MAX_VALUE;
        now(h.control.release(1, 16));

        h.scheduler.advance(Transmitter.PATIENCE.plus(Transmitter.MAX_RETRY));
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.MESSAGE_NOT_SENT);
        assertThat(h.control.heldMessages()).isZero();
        assertThat(h.control.droppedMessages()).isEqualTo(1);
        assertThat(h.sent).isEmpty();

        h.refusals = 0;
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.REL);
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
    }

    @Test
    void aRefusedGroupResetIsRetriedUntilTheLinkTakesIt() {
        h.refusals = 2;
        h.refuseWith = SendResult.Reason.TRANSPORT_FAILED;
        now(h.control.maintenance().resetGroup(1, 3));
        assertThat(h.sent).isEmpty();
        h.scheduler.advance(Duration.ofMillis(30));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.GRS);
        assertThat(h.control.ready()).isFalse();
    }

    @Test
    void aMessageRefusedForAnUnavailableDestinationClearsTheCallsTheControlHadNotHeardAboutAndRecoveryResets() {
        h.receive(IsupMessageType.IAM, 1);
        h.destination = DestinationState.UNAVAILABLE;

        now(h.control.send(
                1,
                IsupMessageType.ACM,
                IsupParameters.of(IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 0, 0))));

        assertThat(h.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_RELEASED:38");
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(now(h.control.setup(ControlHarness.IAM))).isEqualTo(new SetupResult.Refused(34));
        assertThat(h.control.droppedMessages()).isEqualTo(1);

        h.destination = DestinationState.AVAILABLE;
        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.AVAILABLE);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.GRS);
    }

    @Test
    void heldMessagesAreDroppedWhenTheDestinationGoesDownTheResetCoversThem() {
        h.receive(IsupMessageType.IAM, 1);
        h.refusals = Integer.MAX_VALUE;
        now(h.control.release(1, 16));
        assertThat(h.control.heldMessages()).isEqualTo(1);

        h.destination = DestinationState.UNAVAILABLE;
        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.UNAVAILABLE);

        assertThat(h.control.heldMessages()).isZero();
        assertThat(h.scheduler.pending()).as("no retry left behind").isZero();
        assertThat(h.alerts).isEmpty();
    }

    @Test
    void aControlWhoseExecutorIsShutDownFailsItsStagesInsteadOfLeavingThemPending() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        IsupCallControl control = IsupCallControl.builder(
                        h, CircuitGroup.contiguous("late", ControlHarness.REMOTE_PC, 10, 2, "span1", 1))
                .scheduler(h.scheduler)
                .executor(executor)
                .listener(h)
                .build();
        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<SetupResult> setup = control.setup(ControlHarness.IAM).toCompletableFuture();

        assertThat(setup).isCompletedExceptionally();
        try {
            setup.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RejectedExecutionException.class);
        }
    }
}
