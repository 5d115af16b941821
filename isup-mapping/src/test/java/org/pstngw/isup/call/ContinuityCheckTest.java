package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;

/**
 * Continuity check (Q.764 2.1.8) through call control and the ContinuityTester SPI, on a manual clock. The tester here
 * is scripted; the real loop and tone check come with the media engine.
 */
class ContinuityCheckTest {

    private static final IsupParameters IAM_WITH_CHECK = ControlHarness.IAM.with(IsupParameter.of(
            ParameterCode.NATURE_OF_CONNECTION_INDICATORS, new NatureOfConnectionIndicators(0, 1, false).encode()));

    private final ScriptedContinuityTester tester = new ScriptedContinuityTester();
    private final ControlHarness h = new ControlHarness(
            CircuitGroup.contiguous("g", ControlHarness.REMOTE_PC, 1, 3, "span0", 1),
            CallControlSettings.defaults().withHunting(HuntingStrategy.SEQUENTIAL_UP),
            tester);

    private static int continuityIndicator(IsupMessage cot) {
        return cot.parameters()
                .get(ParameterCode.CONTINUITY_INDICATORS)
                .orElseThrow()
                .value()[0];
    }

    @Test
    void aPassedCheckSendsCotSuccessAndTheCallGoesOn() {
        tester.then(ContinuityTester.ToneResult.RECEIVED);
        assertThat(now(h.control.setup(IAM_WITH_CHECK))).isEqualTo(new SetupResult.Started(1));

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.IAM, IsupMessageType.COT);
        assertThat(continuityIndicator(h.sent.get(1))).isEqualTo(1);
        assertThat(tester.calls).containsExactly("tone+1", "tone-1");
        h.receive(IsupMessages.acm(1, new BackwardCallIndicators(0)));
        assertThat(h.heard).containsExactly("1:NOTIFY_ADDRESS_COMPLETE:0");
    }

    @Test
    void aFailedCheckReattemptsTheCallAndRetestsTheCircuitUntilItPasses() {
        tester.then(ContinuityTester.ToneResult.NOT_RECEIVED, ContinuityTester.ToneResult.RECEIVED);
        now(h.control.setup(IAM_WITH_CHECK));

        assertThat(h.sentTypes())
                .containsExactly(IsupMessageType.IAM, IsupMessageType.COT, IsupMessageType.IAM, IsupMessageType.COT);
        assertThat(continuityIndicator(h.sent.get(1))).isZero();
        assertThat(h.sent.get(2).cic()).isEqualTo(2);
        assertThat(continuityIndicator(h.sent.get(3))).isEqualTo(1);
        assertThat(h.heard).containsExactly("1:REATTEMPT:" + new SetupResult.Started(2));
        assertThat(h.callState(1)).isEqualTo(CallState.CONTINUITY_RETEST_WAIT);

        tester.then(ContinuityTester.ToneResult.RECEIVED);
        h.scheduler.advance(Duration.ofSeconds(5));
        assertThat(h.sentTypes()).endsWith(IsupMessageType.CCR, IsupMessageType.REL);
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(h.heard).hasSize(1);
    }

    @Test
    void noToneWithinT24IsAFailureAndALateResultIsIgnored() {
        now(h.control.setup(IAM_WITH_CHECK));
        h.scheduler.advance(Duration.ofSeconds(1));
        assertThat(h.callState(1)).isEqualTo(CallState.CONTINUITY_RETEST_WAIT);
        tester.answer(ContinuityTester.ToneResult.RECEIVED);
        assertThat(h.callState(1)).isEqualTo(CallState.CONTINUITY_RETEST_WAIT);
        assertThat(tester.calls).startsWith("tone+1", "tone-1", "tone+2");
    }

    @Test
    void repeatedFailuresAlertMaintenanceAndRetestEveryT26() {
        tester.then(ContinuityTester.ToneResult.NOT_RECEIVED, ContinuityTester.ToneResult.RECEIVED);
        now(h.control.setup(IAM_WITH_CHECK));
        tester.then(ContinuityTester.ToneResult.NOT_RECEIVED);
        h.scheduler.advance(Duration.ofSeconds(5));
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.CONTINUITY_FAILURE);
        tester.then(ContinuityTester.ToneResult.NOT_RECEIVED);
        h.scheduler.advance(Duration.ofMinutes(2));
        assertThat(h.alerts).hasSize(2);
        assertThat(h.sentTypes().stream().filter(IsupMessageType.CCR::equals)).hasSize(2);
    }

    @Test
    void withoutATesterACheckIsRefusedWith79() {
        ControlHarness plain = new ControlHarness(2);
        assertThat(now(plain.control.setup(IAM_WITH_CHECK))).isEqualTo(new SetupResult.Refused(79));
        assertThat(now(plain.control.maintenance().continuityTest(1))).isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(plain.sent).isEmpty();
    }

    @Test
    void anIncomingCheckLoopsTheCircuitAndOffersTheCallAfterCot() {
        h.receive(IsupMessage.of(IsupMessageType.IAM, 1, IAM_WITH_CHECK));
        assertThat(tester.calls).containsExactly("loop+1");
        assertThat(h.heard).isEmpty();
        h.receive(IsupMessageType.COT, 1, IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 1));
        assertThat(tester.calls).containsExactly("loop+1", "loop-1");
        assertThat(h.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0");
    }

    @Test
    void aFailedIncomingCheckWaitsForTheRecheckAndResetsAfterT27() {
        h.receive(IsupMessage.of(IsupMessageType.IAM, 1, IAM_WITH_CHECK));
        h.receive(IsupMessageType.COT, 1, IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 0));
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_CONTINUITY_RECHECK);
        h.scheduler.advance(Duration.ofMinutes(4));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.RSC);
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(h.heard).isEmpty();
    }

    @Test
    void aContinuityTestCallSendsCcrAndEndsWithRelWhenTheTonePasses() {
        tester.then(ContinuityTester.ToneResult.RECEIVED);
        assertThat(now(h.control.maintenance().continuityTest(3))).isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CCR, IsupMessageType.REL);
        h.receive(IsupMessageType.RLC, 3);
        assertThat(h.callState(3)).isEqualTo(CallState.IDLE);
    }

    @Test
    void aCcrFromTheOtherSideThatNeverEndsIsResetAfterT36() {
        h.receive(IsupMessageType.CCR, 2);
        assertThat(tester.calls).containsExactly("loop+2");
        h.scheduler.advance(Duration.ofSeconds(10));
        assertThat(tester.calls).containsExactly("loop+2", "loop-2");
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.LPA, IsupMessageType.RSC);
    }
}
