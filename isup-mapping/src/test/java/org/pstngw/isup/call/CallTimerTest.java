package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.CallAction.*;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call-timer expiry, driven by the manual clock, against the default values (conf's ss7.isup-timers, inside
 * the Q.764 Annex A ranges) and the outcomes Annex A gives "at expiry".
 */
class CallTimerTest {

    static Stream<Arguments> expiries() {
        return Stream.of(
                Arguments.of(
                        CallState.AWAIT_ADDRESS_COMPLETE,
                        Duration.ofSeconds(20),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.AWAIT_ANSWER,
                        Duration.ofSeconds(90),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        19),
                Arguments.of(
                        CallState.AWAIT_CONTINUITY,
                        Duration.ofSeconds(10),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(DISCONNECT_LOOP, SEND_REL),
                        41),
                Arguments.of(
                        CallState.AWAIT_CONTINUITY_PREVIOUS,
                        Duration.ofSeconds(10),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL),
                        41),
                Arguments.of(
                        CallState.AWAIT_FURTHER_ADDRESS,
                        Duration.ofSeconds(15),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        28),
                Arguments.of(
                        CallState.SUSPENDED_BY_USER,
                        Duration.ofMinutes(3),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.SUSPENDED_BY_NETWORK,
                        Duration.ofSeconds(30),
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.AWAIT_RESET_ACK,
                        Duration.ofSeconds(15),
                        CallState.AWAIT_RESET_ACK,
                        List.of(SEND_RSC),
                        0),
                Arguments.of(
                        CallState.OUTGOING_CONTINUITY_CHECK,
                        Duration.ofSeconds(1),
                        CallState.CONTINUITY_RETEST_WAIT,
                        List.of(STOP_TONE_TEST, SEND_COT_FAILURE, REATTEMPT),
                        0),
                Arguments.of(
                        CallState.CONTINUITY_RETEST,
                        Duration.ofSeconds(1),
                        CallState.CONTINUITY_RETEST_WAIT,
                        List.of(STOP_TONE_TEST, SEND_COT_FAILURE, ALERT_CONTINUITY_FAILURE),
                        0),
                Arguments.of(
                        CallState.CONTINUITY_RETEST_WAIT,
                        Duration.ofSeconds(5),
                        CallState.CONTINUITY_RETEST,
                        List.of(SEND_CCR, START_TONE_TEST),
                        0),
                Arguments.of(
                        CallState.AWAIT_CONTINUITY_RECHECK,
                        Duration.ofMinutes(4),
                        CallState.AWAIT_RESET_ACK,
                        List.of(SEND_RSC),
                        0),
                Arguments.of(
                        CallState.CONTINUITY_RECHECK_LOOP,
                        Duration.ofSeconds(10),
                        CallState.AWAIT_RESET_ACK,
                        List.of(DISCONNECT_LOOP, SEND_RSC),
                        0));
    }

    @ParameterizedTest(name = "{0} after {1} -> {2} {3} cause {4}")
    @MethodSource("expiries")
    void timerExpiresExactlyOnTime(
            CallState state, Duration after, CallState next, List<CallAction> actions, int cause) {
        CallHarness h = new CallHarness().driveTo(state);

        h.scheduler.advance(after.minusMillis(1));
        assertThat(h.call.state()).isEqualTo(state);
        assertThat(h.performed).isEmpty();
        h.scheduler.advance(Duration.ofMillis(1));

        assertThat(h.call.state()).isEqualTo(next);
        assertThat(h.actions()).isEqualTo(actions);
        if (cause != 0) {
            assertThat(h.performed).allMatch(p -> p.cause() == cause);
        }
    }

    @Test
    void t1RepeatsRelWithTheSameCauseUntilT5SendsResetAlertsAndLeavesOnlyT17() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        h.call.handle(CallEvent.LOCAL_RELEASE, 17);
        h.performed.clear();

        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.performed).containsExactly(new CallHarness.Performed(SEND_REL, 17));
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.actions()).containsExactly(SEND_REL, SEND_REL);

        h.scheduler.advance(Duration.ofMinutes(5).minusSeconds(30));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.actions()).endsWith(SEND_RSC, ALERT_RELEASE_UNACKNOWLEDGED);
        assertThat(h.actions().stream().filter(a -> a == SEND_REL)).hasSize(19);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T17);

        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.actions()).endsWith(SEND_RSC, ALERT_RELEASE_UNACKNOWLEDGED, SEND_RSC, ALERT_RESET_UNACKNOWLEDGED);
        h.call.handle(CallEvent.RLC, 0);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.actions()).endsWith(NOTIFY_RELEASE_COMPLETE);
        assertThat(h.scheduler.pending()).isZero();
    }

    @Test
    void rscRepeatsEveryT16UntilT17AlertsStopsT16AndRepeatsEveryT17() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.call.runningTimers()).containsExactlyInAnyOrder(IsupTimer.T16, IsupTimer.T17);

        h.scheduler.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(h.actions()).hasSize(19).containsOnly(SEND_RSC);
        h.scheduler.advance(Duration.ofMillis(1));
        assertThat(h.actions()).endsWith(SEND_RSC, ALERT_RESET_UNACKNOWLEDGED);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T17);

        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.actions()).hasSize(23).endsWith(SEND_RSC, ALERT_RESET_UNACKNOWLEDGED);
    }

    @Test
    void answerStopsT9AndNoLateExpiryFires() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_ANSWER);
        h.call.handle(CallEvent.ANM, 0);

        h.scheduler.advance(Duration.ofMinutes(10));

        assertThat(h.call.state()).isEqualTo(CallState.ANSWERED);
        assertThat(h.actions()).containsExactly(NOTIFY_ANSWER);
    }

    @Test
    void samRestartsT35() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_FURTHER_ADDRESS);
        h.scheduler.advance(Duration.ofSeconds(10));
        h.call.handle(CallEvent.SAM_INCOMPLETE, 0);
        h.scheduler.advance(Duration.ofSeconds(10));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_FURTHER_ADDRESS);
        h.scheduler.advance(Duration.ofSeconds(5));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
    }

    @Test
    void samRestartsT7() {
        CallHarness h = new CallHarness().driveTo(CallState.AWAIT_ADDRESS_COMPLETE);
        h.scheduler.advance(Duration.ofSeconds(15));
        h.call.handle(CallEvent.LOCAL_SAM, 0);
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        h.scheduler.advance(Duration.ofSeconds(5));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
    }

    @Test
    void t2RunsWhenWeSuspendACallWeControl() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        h.call.handle(CallEvent.LOCAL_SUSPEND_CONTROLLING, 0);
        h.scheduler.advance(Duration.ofMinutes(3));
        assertThat(h.actions()).containsExactly(SEND_SUS, SEND_REL, NOTIFY_RELEASED);
        assertThat(h.performed.get(1).cause()).isEqualTo(102);
    }

    @Test
    void configuredValueIsUsed() {
        ManualScheduler scheduler = new ManualScheduler();
        CircuitCall call = new CircuitCall(
                1,
                IsupTimers.defaults().with(IsupTimer.T7, Duration.ofSeconds(30)),
                scheduler,
                Runnable::run,
                (cic, a, c, m) -> {});
        call.handle(CallEvent.LOCAL_SETUP, 0);
        scheduler.advance(Duration.ofSeconds(29));
        assertThat(call.state()).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(call.state()).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
    }
}
