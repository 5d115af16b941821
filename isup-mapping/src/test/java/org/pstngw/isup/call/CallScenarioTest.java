package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.CallAction.*;

import org.junit.jupiter.api.Test;

/** Whole call scenarios through one circuit's state machine, action by action. */
class CallScenarioTest {

    @Test
    void outgoingCallSetUpAndReleasedByUsEndsWithReleaseComplete() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.LOCAL_SETUP, 0);
        h.call.handle(CallEvent.LOCAL_SAM, 0);
        h.call.handle(CallEvent.ACM, 0);
        h.call.handle(CallEvent.CPG, 0);
        h.call.handle(CallEvent.ANM, 0);
        h.call.handle(CallEvent.LOCAL_RELEASE, 16);
        h.call.handle(CallEvent.RLC, 0);

        assertThat(h.actions())
                .containsExactly(
                        SEND_IAM,
                        SEND_SAM,
                        NOTIFY_ADDRESS_COMPLETE,
                        NOTIFY_PROGRESS,
                        NOTIFY_ANSWER,
                        SEND_REL,
                        NOTIFY_RELEASE_COMPLETE);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
        assertThat(h.busy).isFalse();
    }

    @Test
    void incomingCallReleasedByTheOtherSideCarriesItsCause() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.IAM, 0);
        h.call.handle(CallEvent.LOCAL_ADDRESS_COMPLETE, 0);
        h.call.handle(CallEvent.LOCAL_ANSWER, 0);
        h.call.handle(CallEvent.REL, 17);

        assertThat(h.performed)
                .containsExactly(
                        new CallHarness.Performed(NOTIFY_INCOMING_CALL, 0),
                        new CallHarness.Performed(SEND_ACM, 0),
                        new CallHarness.Performed(SEND_ANM, 0),
                        new CallHarness.Performed(SEND_RLC, 17),
                        new CallHarness.Performed(NOTIFY_RELEASED, 17));
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void answerWithoutAddressCompleteIsCon() {
        CallHarness h = new CallHarness().driveTo(CallState.INCOMING_SEIZED);
        assertThat(h.call.handle(CallEvent.LOCAL_ANSWER, 0)).isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(h.call.handle(CallEvent.LOCAL_CONNECT, 0)).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(h.actions()).containsExactly(SEND_CON);
        assertThat(h.call.state()).isEqualTo(CallState.ANSWERED);
    }

    @Test
    void progressIsSentWhileAlertingAndAfterAnswer() {
        CallHarness h = new CallHarness().driveTo(CallState.INCOMING_ALERTING);
        h.call.handle(CallEvent.LOCAL_PROGRESS, 0);
        h.call.handle(CallEvent.LOCAL_ANSWER, 0);
        h.call.handle(CallEvent.LOCAL_PROGRESS, 0);
        assertThat(h.actions()).containsExactly(SEND_CPG, SEND_ANM, SEND_CPG);
    }

    @Test
    void releaseCollisionAnswersRlcAndGoesIdle() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        h.call.handle(CallEvent.LOCAL_RELEASE, 16);
        h.call.handle(CallEvent.REL, 16);
        assertThat(h.actions()).containsExactly(SEND_REL, SEND_RLC, NOTIFY_RELEASE_COMPLETE);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
    }

    @Test
    void dualSeizureWonKeepsOurCallLostBacksOffToIdleAndReattempts() {
        CallHarness won = new CallHarness().driveTo(CallState.AWAIT_ADDRESS_COMPLETE);
        won.call.handle(CallEvent.DUAL_SEIZURE_WON, 0);
        assertThat(won.call.state()).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(won.call.runningTimers()).containsExactly(IsupTimer.T7);
        assertThat(won.performed).isEmpty();

        CallHarness lost = new CallHarness().driveTo(CallState.AWAIT_ADDRESS_COMPLETE);
        lost.call.handle(CallEvent.DUAL_SEIZURE_LOST, 0);
        assertThat(lost.call.state()).isEqualTo(CallState.IDLE);
        assertThat(lost.actions()).containsExactly(REATTEMPT);
        assertThat(lost.scheduler.pending()).isZero();
        lost.call.handle(CallEvent.IAM, 0);
        assertThat(lost.actions()).containsExactly(REATTEMPT, NOTIFY_INCOMING_CALL);
    }

    @Test
    void reattemptCarriesTheOriginalIamAndTheOldCircuitForgetsTheCall() {
        CallHarness h = new CallHarness();
        org.pstngw.sipi.isup.IsupMessage iam =
                org.pstngw.sipi.isup.IsupMessages.bare(org.pstngw.sipi.isup.IsupMessageType.IAM, 7);
        h.call.handle(CallEvent.LOCAL_SETUP, 0, iam);
        h.call.handle(CallEvent.RSC, 0);
        assertThat(h.actions()).containsExactly(SEND_IAM, SEND_RLC, REATTEMPT);
        assertThat(h.messages.get(2)).isSameAs(iam);
        assertThat(h.call.applicationKnowsCall()).isFalse();
    }

    @Test
    void continuityCheckLoopsTheMediaPathUntilCotThenOffersTheCall() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.IAM_CONTINUITY_REQUIRED, 0);
        h.call.handle(CallEvent.COT_SUCCESS, 0);
        assertThat(h.actions()).containsExactly(CONNECT_LOOP, DISCONNECT_LOOP, NOTIFY_INCOMING_CALL);
        assertThat(h.call.state()).isEqualTo(CallState.INCOMING_SEIZED);
    }

    @Test
    void continuityOnAPreviousCircuitWaitsForCotWithoutALoop() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.IAM_CONTINUITY_PREVIOUS, 0);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T8);
        h.call.handle(CallEvent.COT_SUCCESS, 0);
        assertThat(h.actions()).containsExactly(NOTIFY_INCOMING_CALL);
    }

    @Test
    void continuityFailureWaitsForTheRecheckAndARecheckTestCallEndsWithRel() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_CONTINUITY);
        h.call.handle(CallEvent.COT_FAILURE, 0);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_CONTINUITY_RECHECK);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T27);
        h.call.handle(CallEvent.CCR, 0);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T36);
        h.call.handle(CallEvent.REL, 16);
        assertThat(h.actions()).containsExactly(DISCONNECT_LOOP, CONNECT_LOOP, SEND_LPA, DISCONNECT_LOOP, SEND_RLC);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void outgoingContinuityCheckPassesSendsCotAndKeepsT7() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.LOCAL_SETUP_WITH_CONTINUITY, 0);
        assertThat(h.call.runningTimers()).containsExactlyInAnyOrder(IsupTimer.T7, IsupTimer.T24);
        h.call.handle(CallEvent.TONE_RECEIVED, 0);
        assertThat(h.actions()).containsExactly(SEND_IAM, START_TONE_TEST, STOP_TONE_TEST, SEND_COT_SUCCESS);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T7);
    }

    @Test
    void outgoingContinuityFailureReattemptsAndRetestsUntilTheToneComesBack() {
        CallHarness h = new CallHarness().driveTo(CallState.OUTGOING_CONTINUITY_CHECK);
        h.call.handle(CallEvent.TONE_FAILED, 0);
        assertThat(h.actions()).containsExactly(STOP_TONE_TEST, SEND_COT_FAILURE, REATTEMPT);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T25);
        h.scheduler.advance(h.timers.get(IsupTimer.T25));
        assertThat(h.call.state()).isEqualTo(CallState.CONTINUITY_RETEST);
        h.call.handle(CallEvent.TONE_FAILED, 0);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T26);
        h.scheduler.advance(h.timers.get(IsupTimer.T26));
        h.call.handle(CallEvent.TONE_RECEIVED, 0);
        assertThat(h.actions())
                .containsExactly(
                        STOP_TONE_TEST,
                        SEND_COT_FAILURE,
                        REATTEMPT,
                        SEND_CCR,
                        START_TONE_TEST,
                        STOP_TONE_TEST,
                        SEND_COT_FAILURE,
                        ALERT_CONTINUITY_FAILURE,
                        SEND_CCR,
                        START_TONE_TEST,
                        STOP_TONE_TEST,
                        SEND_REL);
        h.call.handle(CallEvent.RLC, 0);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void overlapReceivingForwardsEverySamAndEndsOnStOrOnTheAnalysis() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.IAM, 0);
        h.call.handle(CallEvent.SAM_INCOMPLETE, 0);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_FURTHER_ADDRESS);
        h.call.handle(CallEvent.SAM_INCOMPLETE, 0);
        h.call.handle(CallEvent.SAM_COMPLETE, 0);
        assertThat(h.call.state()).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(h.call.runningTimers()).isEmpty();
        h.call.handle(CallEvent.LOCAL_AWAIT_DIGITS, 0);
        h.call.handle(CallEvent.LOCAL_DIGITS_COMPLETE, 0);
        h.call.handle(CallEvent.LOCAL_ADDRESS_COMPLETE, 0);
        assertThat(h.actions())
                .containsExactly(
                        NOTIFY_INCOMING_CALL, NOTIFY_MORE_DIGITS, NOTIFY_MORE_DIGITS, NOTIFY_MORE_DIGITS, SEND_ACM);
    }

    @Test
    void suspendOnlyRunsATimerAtTheControllingSide() {
        CallHarness remote = new CallHarness().driveTo(CallState.SUSPENDED_REMOTELY);
        assertThat(remote.call.runningTimers()).isEmpty();
        remote.call.handle(CallEvent.RES, 0);
        assertThat(remote.call.state()).isEqualTo(CallState.ANSWERED);

        CallHarness local = new CallHarness().driveTo(CallState.ANSWERED);
        local.call.handle(CallEvent.LOCAL_SUSPEND_CONTROLLING, 0);
        assertThat(local.call.runningTimers()).containsExactly(IsupTimer.T2);
        local.call.handle(CallEvent.LOCAL_RESUME, 0);
        assertThat(local.actions()).containsExactly(SEND_SUS, SEND_RES);
        assertThat(local.call.runningTimers()).isEmpty();
    }

    @Test
    void continuityRecheckAnswersLpaAndEndsOnRel() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.CCR, 0);
        h.call.handle(CallEvent.REL, 16);
        assertThat(h.actions()).containsExactly(CONNECT_LOOP, SEND_LPA, DISCONNECT_LOOP, SEND_RLC);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
    }

    @Test
    void unexpectedMessageOnIdleCircuitResetsItButRlcIsIgnored() {
        CallHarness h = new CallHarness();
        assertThat(h.call.handle(CallEvent.RLC, 0)).isEqualTo(CircuitCall.Outcome.DISCARDED);
        assertThat(h.performed).isEmpty();
        assertThat(h.call.handle(CallEvent.ANM, 0)).isEqualTo(CircuitCall.Outcome.RESET);
        assertThat(h.actions()).containsExactly(SEND_RSC);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.busy).isTrue();
    }

    @Test
    void unexpectedMessageInACallIsDiscardedLocalMisuseRefusedAndStaleIndicationsIgnored() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        assertThat(h.call.handle(CallEvent.ACM, 0)).isEqualTo(CircuitCall.Outcome.DISCARDED);
        assertThat(h.call.handle(CallEvent.LOCAL_SETUP, 0)).isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(h.call.handle(CallEvent.TONE_RECEIVED, 0)).isEqualTo(CircuitCall.Outcome.IGNORED);
        assertThat(h.call.state()).isEqualTo(CallState.ANSWERED);
        assertThat(h.performed).isEmpty();
    }

    @Test
    void aResetOfACircuitNobodyCalledOnNeverTellsTheApplication() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_CONTINUITY);
        h.call.handle(CallEvent.T8_EXPIRED, 0);
        h.call.handle(CallEvent.RLC, 0);
        assertThat(h.actions()).containsExactly(DISCONNECT_LOOP, SEND_REL);
    }
}
