package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/** Call control over a capturing link, on the calling thread and a manual clock. */
class IsupCallControlTest {

    private final ControlHarness h = new ControlHarness(2);

    @Test
    void aCircuitBusyWithoutACallIsNotHuntedAndEverySetupSendsItsOwnIam() {
        h.receive(IsupMessageType.CCR, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.CONTINUITY_RECHECK_LOOP);

        assertThat(h.setup()).isEqualTo(new SetupResult.Started(2));
        assertThat(h.setup()).isEqualTo(new SetupResult.Refused(34));

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.LPA, IsupMessageType.IAM);
        assertThat(h.lastSent(IsupMessageType.IAM).cic()).isEqualTo(2);
    }

    @Test
    void anUnexpectedMessageResetsAnIdleCircuitWhichThenIsNotHuntedUntilRlc() {
        h.receive(IsupMessageType.ANM, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(2));
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void dualSeizureOnAnOddCicIsWonByTheLowerPointCode() {
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
        h.receive(IsupMessageType.IAM, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(h.heard).isEmpty();
    }

    @Test
    void dualSeizureLostReattemptsTheOriginalIamElsewhereAndTellsTheApplicationFirst() {
        ControlHarness three = new ControlHarness(3);
        three.setup();
        assertThat(three.setup()).isEqualTo(new SetupResult.Started(2));
        three.sent.clear();

        three.receive(IsupMessageType.IAM, 2);

        assertThat(three.callState(2)).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(three.callState(3)).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(three.heard)
                .containsExactly("2:REATTEMPT:" + new SetupResult.Started(3), "2:NOTIFY_INCOMING_CALL:0");
        assertThat(three.sentTypes()).containsExactly(IsupMessageType.IAM);
        assertThat(three.sent.get(0).cic()).isEqualTo(3);
        assertThat(three.sent.get(0).parameters()).isEqualTo(ControlHarness.IAM);
    }

    @Test
    void dualSeizureLostWithNoOtherCircuitFailsTheReattemptWith34() {
        h.setup();
        h.setup();
        h.receive(IsupMessageType.IAM, 2);
        assertThat(h.heard).containsExactly("2:REATTEMPT:" + new SetupResult.Refused(34), "2:NOTIFY_INCOMING_CALL:0");
    }

    @Test
    void glareControlFromSettingsOverridesThePointCodes() {
        ControlHarness all = new ControlHarness(
                CircuitGroup.contiguous("g", ControlHarness.REMOTE_PC, 1, 2, "span0", 1),
                CallControlSettings.defaults()
                        .withHunting(HuntingStrategy.SEQUENTIAL_UP)
                        .withGlare(DualSeizure.Control.ALL),
                null);
        all.setup();
        all.setup();
        all.receive(IsupMessageType.IAM, 2);
        assertThat(all.callState(2)).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(all.heard).isEmpty();
    }

    @Test
    void noFreeCircuitOrUnreachableDestinationIsRefusedWith34AndRecoveryResetsTheGroup() {
        h.setup();
        h.setup();
        assertThat(h.setup()).isEqualTo(new SetupResult.Refused(34));

        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.UNAVAILABLE);
        assertThat(h.heard).containsExactly("1:NOTIFY_RELEASED:38", "2:NOTIFY_RELEASED:38");
        assertThat(h.setup()).isEqualTo(new SetupResult.Refused(34));

        h.sent.clear();
        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.AVAILABLE);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.GRS);
        assertThat(h.control.ready()).isFalse();
        assertThat(h.setup()).isEqualTo(new SetupResult.Refused(34));

        h.receive(IsupMessages.gra(1, RangeAndStatus.of(1)));
        assertThat(h.control.ready()).isTrue();
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void unequippedCicGetsUcicButAUcicIsNeverAnsweredWithUcic() {
        h.receive(IsupMessageType.IAM, 9);
        h.receive(IsupMessageType.UCIC, 9);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.UCIC);
        assertThat(h.sent.get(0).cic()).isEqualTo(9);
    }

    @Test
    void receivedUcicReleasesTheCallTakesTheCircuitOutOfServiceAndAlerts() {
        h.receive(IsupMessageType.IAM, 1);
        h.receive(IsupMessageType.UCIC, 1);

        assertThat(h.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_RELEASED:41");
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.UNEQUIPPED_REMOTELY);
        assertThat(h.sent).isEmpty();
        assertThat(now(h.control.maintenance().blocking(1))).containsExactly(Blocking.UNEQUIPPED_REMOTELY);
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(2));

        now(h.control.maintenance().returnToService(1));
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void ucicInAnswerToOurIamReattemptsOnAnotherCircuit() {
        h.setup();
        h.receive(IsupMessageType.UCIC, 1);
        assertThat(h.heard).containsExactly("1:REATTEMPT:" + new SetupResult.Started(2));
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
    }

    @Test
    void groupResetIsAcknowledgedWithRangeAndTheStatusOfOurMaintenanceBlocking() {
        ControlHarness four = new ControlHarness(4);
        now(four.control.maintenance().block(2));
        four.receive(IsupMessageType.BLA, 2);
        four.receive(IsupMessageType.IAM, 1);
        four.sent.clear();

        four.receive(IsupMessages.range(IsupMessageType.GRS, 1, 3));

        IsupMessage gra = four.lastSent(IsupMessageType.GRA);
        assertThat(gra.cic()).isEqualTo(1);
        assertThat(gra.rangeAndStatus()).contains(RangeAndStatus.of(3, false, true, false, false));
        assertThat(four.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_RELEASED:41");
        assertThat(four.callState(1)).isEqualTo(CallState.IDLE);
    }

    @Test
    void groupResetReachingBeyondTheGroupResetsOurCircuitsAndReportsTheOthersUnblocked() {
        h.receive(IsupMessageType.IAM, 2);
        h.receive(IsupMessages.range(IsupMessageType.GRS, 2, 3));
        assertThat(h.callState(2)).isEqualTo(CallState.IDLE);
        assertThat(h.lastSent(IsupMessageType.GRA).rangeAndStatus()).contains(RangeAndStatus.of(3));
    }

    @Test
    void groupResetOfAGroupOver32CircuitsIsSplitAndCircuitsWaitForTheirGra() {
        ControlHarness big = new ControlHarness(40);
        now(big.control.resetGroup());
        assertThat(big.sentTypes()).containsExactly(IsupMessageType.GRS, IsupMessageType.GRS);
        assertThat(big.sent.get(0).cic()).isEqualTo(1);
        assertThat(big.sent.get(0).rangeAndStatus().orElseThrow().range()).isEqualTo(31);
        assertThat(big.sent.get(1).cic()).isEqualTo(33);
        assertThat(big.sent.get(1).rangeAndStatus().orElseThrow().range()).isEqualTo(7);
        assertThat(big.setup()).isEqualTo(new SetupResult.Refused(34));

        big.receive(IsupMessages.gra(33, RangeAndStatus.of(7, true)));
        assertThat(big.setup()).isEqualTo(new SetupResult.Started(34));
        assertThat(now(big.control.maintenance().blocking(33))).containsExactly(Blocking.REMOTELY_MAINTENANCE);
    }

    @Test
    void unansweredGroupResetIsRepeatedAtT22AndAlertedAtT23() {
        now(h.control.resetGroup());
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.GRS, IsupMessageType.GRS);
        h.scheduler.advance(Duration.ofMinutes(5).minusSeconds(15));
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.NO_GROUP_RESET_ACKNOWLEDGEMENT);
        h.receive(IsupMessages.gra(1, RangeAndStatus.of(1)));
        int sent = h.sent.size();
        h.scheduler.advance(Duration.ofHours(1));
        assertThat(h.sent).hasSize(sent);
    }

    @Test
    void receivedRscClearsRemoteBlockingAndAnnouncesOurBlockingAgainBeforeRlc() {
        h.receive(IsupMessageType.BLO, 1);
        now(h.control.maintenance().block(2));
        h.receive(IsupMessageType.BLA, 2);
        h.sent.clear();

        h.receive(IsupMessageType.RSC, 1);
        h.receive(IsupMessageType.RSC, 2);

        assertThat(now(h.control.maintenance().blocking(1))).isEmpty();
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.RLC, IsupMessageType.BLO, IsupMessageType.RLC);
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void unrecognisedMessageIsAnsweredWithConfusionCause97() {
        h.control.onPdu(new org.pstngw.isup.link.IsupPdu(2, 1, 0, 2, new byte[] {1, 0, (byte) 0xE5, 0}));

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CFN);
        assertThat(h.sent.get(0).causeIndicators().orElseThrow().cause().code()).isEqualTo(97);
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
    }

    @Test
    void iamTheCodecCannotEncodeIsRefusedWithoutSeizingACircuit() {
        assertThat(now(h.control.setup(IsupParameters.empty())))
                .isEqualTo(new SetupResult.Refused(SetupResult.PROTOCOL_ERROR));
        assertThat(h.sent).isEmpty();
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void t7ExpirySendsRel102TheApplicationHearsNoStaleMessageAndTheCycleEndsWithReleaseComplete() {
        h.setup();
        h.scheduler.advance(Duration.ofSeconds(20));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.IAM, IsupMessageType.REL);
        assertThat(h.sent.get(1).causeIndicators().orElseThrow().cause().code()).isEqualTo(102);
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.heard).containsExactly("1:NOTIFY_RELEASED:102", "1:NOTIFY_RELEASE_COMPLETE:102");
        assertThat(h.heardMessages.get(0)).isNull();
        assertThat(h.heardMessages.get(1)).isNotNull();
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void aTimerAfterAReceivedMessageCarriesNoMessage() {
        h.setup();
        h.receive(IsupMessages.acm(1, new org.pstngw.sipi.isup.BackwardCallIndicators(0)));
        h.scheduler.advance(Duration.ofSeconds(90));
        assertThat(h.heard).containsExactly("1:NOTIFY_ADDRESS_COMPLETE:0", "1:NOTIFY_RELEASED:19");
        assertThat(h.heardMessages.get(0).type()).isEqualTo(IsupMessageType.ACM);
        assertThat(h.heardMessages.get(1)).isNull();
    }

    @Test
    void sendValidatesTheTypeAndSupportsConAndCpg() {
        assertThatThrownBy(() -> h.control.send(1, IsupMessageType.REL, IsupParameters.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        h.receive(IsupMessageType.IAM, 1);
        h.receive(IsupMessageType.IAM, 2);
        IsupParameters bci = IsupParameters.of(IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 0, 0));

        assertThat(now(h.control.send(1, IsupMessageType.CON, bci))).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(now(h.control.send(2, IsupMessageType.ANM, IsupParameters.empty())))
                .isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(now(h.control.send(2, IsupMessageType.ACM, bci))).isEqualTo(CircuitCall.Outcome.APPLIED);
        IsupParameters alerting = IsupParameters.of(IsupParameter.of(ParameterCode.EVENT_INFORMATION, 1));
        assertThat(now(h.control.send(2, IsupMessageType.CPG, alerting))).isEqualTo(CircuitCall.Outcome.APPLIED);

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CON, IsupMessageType.ACM, IsupMessageType.CPG);
        assertThat(h.callState(1)).isEqualTo(CallState.ANSWERED);
        assertThat(h.callState(2)).isEqualTo(CallState.INCOMING_ALERTING);
    }

    @Test
    void localSuspendAndResumeOfACallWeOriginatedRunsT2() {
        h.setup();
        h.receive(IsupMessageType.CON, 1, IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 0, 0));
        assertThat(now(h.control.suspend(1, false))).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(h.lastSent(IsupMessageType.SUS).parameters().get(ParameterCode.SUSPEND_RESUME_INDICATORS))
                .contains(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, 0));
        assertThat(now(h.control.resume(1, false))).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(h.callState(1)).isEqualTo(CallState.ANSWERED);

        now(h.control.suspend(1, false));
        h.scheduler.advance(Duration.ofMinutes(3));
        assertThat(h.lastSent(IsupMessageType.REL)
                        .causeIndicators()
                        .orElseThrow()
                        .cause()
                        .code())
                .isEqualTo(102);
    }

    @Test
    void suspendReceivedOnACallTheOtherSideControlsRunsNoTimer() {
        h.receive(IsupMessageType.IAM, 1);
        h.control.send(
                1,
                IsupMessageType.CON,
                IsupParameters.of(IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 0, 0)));
        h.receive(IsupMessageType.SUS, 1, IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, 1));
        assertThat(h.callState(1)).isEqualTo(CallState.SUSPENDED_REMOTELY);
        h.scheduler.advance(Duration.ofHours(1));
        assertThat(h.callState(1)).isEqualTo(CallState.SUSPENDED_REMOTELY);
    }

    @Test
    void theListenerMayCallBackInAndItsRequestRunsAfterTheCurrentTransition() {
        h.onEvent = () -> {
            if (h.heard.getLast().startsWith("1:NOTIFY_ANSWER")) {
                boolean ranInside =
                        h.control.release(1, 16).toCompletableFuture().isDone();
                h.heard.add("release ran inside the listener: " + ranInside);
            }
        };
        h.setup();
        h.receive(IsupMessageType.ANM, 1);
        assertThat(h.heard).containsExactly("1:NOTIFY_ANSWER:0", "release ran inside the listener: false");
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.heard).endsWith("1:NOTIFY_RELEASE_COMPLETE:16");
    }

    @Test
    void theLinksNetworkIndicatorAndPointCodeGoOnTheWire() {
        ControlHarness international = new ControlHarness(2);
        international.networkIndicator = 0;
        international.setup();
        assertThat(international.pdus.getFirst().networkIndicator()).isZero();
        assertThat(international.pdus.getFirst().opc()).isEqualTo(ControlHarness.OWN_PC);
        assertThat(international.pdus.getFirst().dpc()).isEqualTo(ControlHarness.REMOTE_PC);
    }

    @Test
    void anOutgoingOnlyGroupRefusesIncomingCallsAndAnIncomingOnlyGroupHuntsNothing() {
        ControlHarness out = new ControlHarness(
                new CircuitGroup(
                        "o",
                        ControlHarness.REMOTE_PC,
                        1,
                        "span0",
                        java.util.List.of(1, 2),
                        CircuitGroup.Direction.OUTGOING),
                CallControlSettings.defaults(),
                null);
        out.receive(IsupMessageType.IAM, 1);
        assertThat(out.lastSent(IsupMessageType.REL)
                        .causeIndicators()
                        .orElseThrow()
                        .cause()
                        .code())
                .isEqualTo(63);
        assertThat(out.heard).isEmpty();

        ControlHarness in = new ControlHarness(
                new CircuitGroup(
                        "i",
                        ControlHarness.REMOTE_PC,
                        1,
                        "span0",
                        java.util.List.of(1, 2),
                        CircuitGroup.Direction.INCOMING),
                CallControlSettings.defaults(),
                null);
        assertThat(in.setup()).isEqualTo(new SetupResult.Refused(34));
    }
}
