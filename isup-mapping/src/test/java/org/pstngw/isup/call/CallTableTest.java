package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CallTableTest {

    static Stream<Arguments> everyRow() {
        return CallTable.table().entrySet().stream()
                .flatMap(byState -> byState.getValue().entrySet().stream()
                        .map(row -> Arguments.of(byState.getKey(), row.getKey(), row.getValue())));
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("everyRow")
    void everyTransitionChangesStateRunsActionsAndTimers(CallState from, CallEvent event, Transition row) {
        CallHarness h = new CallHarness().driveTo(from);

        assertThat(h.call.handle(event, 31)).isEqualTo(CircuitCall.Outcome.APPLIED);

        assertThat(h.call.state()).isEqualTo(row.next());
        assertThat(h.actions()).containsExactlyElementsOf(row.actions());
        if (row.next() != from) {
            assertThat(h.call.runningTimers()).isEqualTo(row.timers());
        } else {
            assertThat(h.call.runningTimers()).containsAll(row.timers());
        }
        assertThat(h.scheduler.pending()).isEqualTo(h.call.runningTimers().size());
    }

    @Test
    void everyStateIsReachableAndHasTheResetRows() {
        for (CallState s : CallState.values()) {
            Map<CallEvent, Transition> row = CallTable.table().get(s);
            assertThat(CallHarness.PATHS).containsKey(s);
            assertThat(row).containsKeys(CallEvent.RSC, CallEvent.LOCAL_RESET, CallEvent.LINK_LOST);
        }
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void receivedResetReturnsEveryStateToIdleWithRlcAndNoTimerLeft(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.RSC, 0);

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.actions()).contains(CallAction.SEND_RLC);
        assertThat(h.actions().contains(CallAction.NOTIFY_RELEASED)).isEqualTo(state.hasCall());
        assertThat(h.scheduler.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void destinationLossClearsEveryStateLocallyWithCause38AndSendsNothing(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.LINK_LOST, CallTable.NETWORK_OUT_OF_ORDER);

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.actions()).noneMatch(a -> a.name().startsWith("SEND_"));
        assertThat(h.actions().contains(CallAction.NOTIFY_RELEASED)).isEqualTo(state.hasCall());
        assertThat(h.performed).allMatch(p -> p.cause() == CallTable.NETWORK_OUT_OF_ORDER);
        assertThat(h.scheduler.pending()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void localResetReturnsEveryStateToIdleOnceRlcArrives(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.LOCAL_RESET, 0);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.actions()).contains(CallAction.SEND_RSC);
        h.call.handle(CallEvent.RLC, 0);

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
        if (state == CallState.AWAIT_CONTINUITY || state == CallState.CONTINUITY_RECHECK_LOOP) {
            assertThat(h.actions()).contains(CallAction.DISCONNECT_LOOP);
        }
    }
}
