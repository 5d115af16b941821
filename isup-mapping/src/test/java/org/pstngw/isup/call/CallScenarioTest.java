package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.CallAction.*;

import org.junit.jupiter.api.Test;

class CallScenarioTest {

    @Test
    void outgoingCallSetUpAndReleasedByUs() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.LOCAL_SETUP, 0);
        h.call.handle(CallEvent.LOCAL_SAM, 0);
        h.call.handle(CallEvent.ACM, 0);
        h.call.handle(CallEvent.CPG, 0);
        h.call.handle(CallEvent.ANM, 0);
        h.call.handle(CallEvent.LOCAL_RELEASE, 16);
        h.call.handle(CallEvent.RLC, 0);

        assertThat(h.actions())
                .containsExactly(SEND_IAM, SEND_SAM, NOTIFY_ADDRESS_COMPLETE, NOTIFY_PROGRESS, NOTIFY_ANSWER, SEND_REL);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
    }

    @Test
    void incomingCallReleasedByTheOtherSideCarriesItsCause() {
        CallHarness h = new CallHarness();
        h.call.handle(CallEvent.IAM_COMPLETE, 0);
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
    void releaseCollisionAnswersRlcAndGoesIdle() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_RELEASE_COMPLETE);
        h.call.handle(CallEvent.REL, 16);
        assertThat(h.actions()).containsExactly(SEND_RLC);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
    }

    @Test
    void dualSeizureWonKeepsOurCallLostBacksOffAndTakesTheIncoming() {
        CallHarness won = new CallHarness().driveTo(CallState.AWAIT_ADDRESS_COMPLETE);
        won.call.handle(CallEvent.DUAL_SEIZURE_WON, 0);
        assertThat(won.call.state()).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(won.call.runningTimers()).containsExactly(IsupTimer.T7);
        assertThat(won.performed).isEmpty();

        CallHarness lost = new CallHarness().driveTo(CallState.AWAIT_ADDRESS_COMPLETE);
        lost.call.handle(CallEvent.DUAL_SEIZURE_LOST, 0);
        assertThat(lost.call.state()).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(lost.actions()).containsExactly(NOTIFY_REATTEMPT, NOTIFY_INCOMING_CALL);
        assertThat(lost.scheduler.pending()).isZero();
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
    }

    @Test
    void unexpectedMessageInACallIsDiscardedAndLocalMisuseRefused() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        assertThat(h.call.handle(CallEvent.ACM, 0)).isEqualTo(CircuitCall.Outcome.DISCARDED);
        assertThat(h.call.handle(CallEvent.LOCAL_SETUP, 0)).isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(h.call.state()).isEqualTo(CallState.ANSWERED);
        assertThat(h.performed).isEmpty();
    }
}
