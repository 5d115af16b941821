package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every row of the table must have (the expectations from Q.764 itself are in Q764TransitionsTest). */
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
        Set<IsupTimer> before = h.call.runningTimers();

        assertThat(h.call.handle(event, 31)).isEqualTo(CircuitCall.Outcome.APPLIED);

        assertThat(h.call.state()).isEqualTo(row.next());
        Set<IsupTimer> expected = EnumSet.noneOf(IsupTimer.class);
        if (row.next() == from) {
            expected.addAll(before);
            expected.removeAll(row.stopped());
        } else {
            before.stream().filter(row.kept()::contains).forEach(expected::add);
        }
        expected.addAll(row.started());
        assertThat(h.call.runningTimers()).isEqualTo(expected);
        assertThat(h.scheduler.pending()).isEqualTo(h.call.runningTimers().size());
        assertThat(h.busy).isEqualTo(row.next() != CallState.IDLE);
    }

    @Test
    void everyStateIsReachableAndHasAWayBackToIdle() {
        for (CallState s : CallState.values()) {
            Map<CallEvent, Transition> row = CallTable.table().get(s);
            assertThat(CallHarness.PATHS).containsKey(s);
            assertThat(row).containsKeys(CallEvent.RSC, CallEvent.LOCAL_RESET, CallEvent.CLEAR_LOCALLY, CallEvent.REL);
        }
    }

    @Test
    void leavingACheckLoopOrAToneTestAlwaysUndoesItOnTheMediaPath() {
        CallTable.table()
                .forEach((from, rows) -> rows.forEach((event, row) -> {
                    if (row.next() != from
                            && !from.cleanup().isEmpty()
                            && !row.next().cleanup().equals(from.cleanup())) {
                        assertThat(row.actions())
                                .as("%s --%s--> %s", from, event, row.next())
                                .containsAll(from.cleanup());
                    }
                }));
    }

    @Test
    void theApplicationIsOnlyToldOfReleasesOfCallsItKnows() {
        CallTable.table()
                .forEach((from, rows) -> rows.forEach((event, row) -> {
                    if (row.actions().contains(CallAction.NOTIFY_RELEASED)) {
                        assertThat(from.hasCall()).as("%s --%s-->", from, event).isTrue();
                    }
                }));
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void receivedResetReturnsEveryStateToIdleWithRlcAndNoTimerLeft(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.RSC, 0);
        if (state == CallState.AWAIT_RESET_ACK) {
            assertThat(h.actions()).containsExactly(CallAction.SEND_RLC);
            h.call.handle(CallEvent.RLC, 0);
        }

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.actions()).contains(CallAction.SEND_RLC);
        assertThat(h.scheduler.pending()).isZero();
        assertThat(h.busy).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void destinationLossClearsEveryStateLocallyWithCause38AndSendsNothing(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.CLEAR_LOCALLY, CallTable.NETWORK_OUT_OF_ORDER);

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.actions()).noneMatch(a -> a.name().startsWith("SEND_"));
        assertThat(h.actions().contains(CallAction.NOTIFY_RELEASED)).isEqualTo(state.hasCall());
        assertThat(h.scheduler.pending()).isZero();
        assertThat(h.busy).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CallState.class)
    void localResetReturnsEveryStateToIdleOnceRlcArrives(CallState state) {
        CallHarness h = new CallHarness().driveTo(state);

        h.call.handle(CallEvent.LOCAL_RESET, 0);
        assertThat(h.call.state()).isEqualTo(CallState.AWAIT_RESET_ACK);
        assertThat(h.actions()).contains(CallAction.SEND_RSC);
        assertThat(h.call.runningTimers()).containsExactlyInAnyOrder(IsupTimer.T16, IsupTimer.T17);
        h.call.handle(CallEvent.RLC, 0);

        assertThat(h.call.state()).isEqualTo(CallState.IDLE);
        assertThat(h.scheduler.pending()).isZero();
        assertThat(h.actions()).containsAll(state.cleanup());
    }
}
