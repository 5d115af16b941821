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

/** Every timer expiry, driven by the manual clock, against values and outcomes written out from Q.764. */
class CallTimerTest {

    static Stream<Arguments> expiries() {
        return Stream.of(
                Arguments.of(
                        CallState.AWAIT_ADDRESS_COMPLETE,
                        30,
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.AWAIT_ANSWER,
                        90,
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        19),
                Arguments.of(
                        CallState.AWAIT_CONTINUITY,
                        15,
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(DISCONNECT_LOOP, SEND_REL),
                        41),
                Arguments.of(
                        CallState.AWAIT_FURTHER_ADDRESS, 15, CallState.AWAIT_RELEASE_COMPLETE, List.of(SEND_REL), 28),
                Arguments.of(
                        CallState.SUSPENDED_BY_USER,
                        180,
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.SUSPENDED_BY_NETWORK,
                        60,
                        CallState.AWAIT_RELEASE_COMPLETE,
                        List.of(SEND_REL, NOTIFY_RELEASED),
                        102),
                Arguments.of(
                        CallState.AWAIT_RESET_ACK,
                        15,
                        CallState.AWAIT_RESET_ACK,
                        List.of(SEND_RSC, ALERT_MAINTENANCE),
                        0));
    }

    @ParameterizedTest(name = "{0} after {1}s -> {2} {3} cause {4}")
    @MethodSource("expiries")
    void timerExpiresExactlyOnTime(CallState state, int seconds, CallState next, List<CallAction> actions, int cause) {
        CallHarness h = new CallHarness().driveTo(state);

        h.scheduler.advance(Duration.ofSeconds(seconds).minusMillis(1));
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
    void t1RepeatsRelWithTheSameCauseUntilT5SendsResetAndAlerts() {
        CallHarness h = new CallHarness().driveTo(CallState.ANSWERED);
        h.call.handle(CallEvent.LOCAL_RELEASE, 17);
        h.performed.clear();

        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.performed).containsExactly(new CallHarness.Performed(SEND_REL, 17));
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.actions()).containsExactly(SEND_REL, SEND_REL);

        h.scheduler.advance(Duration.ofMinutes(5).minusSeconds(30));
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.actions()).endsWith(SEND_RSC, ALERT_MAINTENANCE);
        assertThat(h.actions().stream().filter(a -> a == SEND_REL)).hasSize(19);
        assertThat(h.call.runningTimers()).containsExactly(IsupTimer.T17);

        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.actions()).endsWith(SEND_RSC, ALERT_MAINTENANCE, SEND_RSC, ALERT_MAINTENANCE);
        h.call.handle(CallEvent.RLC, 0);
        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
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
    void configuredValueIsUsed() {
        ManualScheduler scheduler = new ManualScheduler();
        CircuitCall call = new CircuitCall(
                1,
                IsupTimers.q764Defaults().with(IsupTimer.T7, Duration.ofSeconds(20)),
                scheduler,
                Runnable::run,
                (cic, a, c) -> {});
        call.handle(CallEvent.LOCAL_SETUP, 0);
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(call.state()).isEqualTo(CallState.AWAIT_RELEASE_COMPLETE);
    }
}
