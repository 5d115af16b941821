package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/**
 * "A circuit never stays stuck": every state the real call control can put CIC 1 in (driven by messages and API
 * calls, not by the table) returns to idle by each way back, and the circuit is then hunted again (its pool entry came
 * back too). States without a call also return by their timers alone when the far end only answers REL/RSC with RLC.
 */
class NeverStuckTest {

    private static final IsupParameters IAM_WITH_CHECK = iamWithContinuity(1);

    private static IsupParameters iamWithContinuity(int indicator) {
        return ControlHarness.IAM.with(IsupParameter.of(
                ParameterCode.NATURE_OF_CONNECTION_INDICATORS,
                new NatureOfConnectionIndicators(0, indicator, false).encode()));
    }

    /** A control whose tester holds every tone test open (no result unless scripted). */
    private static final class Rig {
        final ScriptedContinuityTester tester = new ScriptedContinuityTester();
        final ControlHarness h = new ControlHarness(
                CircuitGroup.contiguous("g", ControlHarness.REMOTE_PC, 1, 3, "span0", 1),
                CallControlSettings.defaults().withHunting(HuntingStrategy.SEQUENTIAL_UP),
                tester);
    }

    private static final IsupParameters BCI =
            IsupParameters.of(IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 0, 0));

    /** How the real control gets CIC 1 into each state. */
    private static final Map<CallState, Consumer<Rig>> DRIVE = drive();

    private static Map<CallState, Consumer<Rig>> drive() {
        Map<CallState, Consumer<Rig>> m = new EnumMap<>(CallState.class);
        Consumer<Rig> incoming = r -> r.h.receive(IsupMessageType.IAM, 1);
        Consumer<Rig> answeredIn = incoming.andThen(r -> {
            r.h.control.send(1, IsupMessageType.ACM, BCI);
            r.h.control.send(1, IsupMessageType.ANM, IsupParameters.empty());
        });
        Consumer<Rig> answeredOut = r -> {
            r.h.setup();
            r.h.receive(IsupMessages.acm(1, new BackwardCallIndicators(0)));
            r.h.receive(IsupMessages.anm(1));
        };
        m.put(CallState.IDLE, r -> {});
        m.put(CallState.OUTGOING_CONTINUITY_CHECK, r -> r.h.control.setup(IAM_WITH_CHECK));
        m.put(CallState.AWAIT_ADDRESS_COMPLETE, r -> r.h.setup());
        m.put(CallState.AWAIT_ANSWER, r -> {
            r.h.setup();
            r.h.receive(IsupMessages.acm(1, new BackwardCallIndicators(0)));
        });
        m.put(CallState.AWAIT_CONTINUITY, r -> r.h.receive(IsupMessage.of(IsupMessageType.IAM, 1, IAM_WITH_CHECK)));
        m.put(
                CallState.AWAIT_CONTINUITY_PREVIOUS,
                r -> r.h.receive(IsupMessage.of(IsupMessageType.IAM, 1, iamWithContinuity(2))));
        m.put(CallState.INCOMING_SEIZED, incoming);
        m.put(CallState.AWAIT_FURTHER_ADDRESS, incoming.andThen(r -> r.h.control.awaitMoreDigits(1)));
        m.put(CallState.INCOMING_ALERTING, incoming.andThen(r -> r.h.control.send(1, IsupMessageType.ACM, BCI)));
        m.put(CallState.ANSWERED, answeredIn);
        m.put(CallState.SUSPENDED_BY_USER, answeredOut.andThen(r -> r.h.receive(suspend(0))));
        m.put(CallState.SUSPENDED_BY_NETWORK, answeredOut.andThen(r -> r.h.receive(suspend(1))));
        m.put(CallState.SUSPENDED_REMOTELY, answeredIn.andThen(r -> r.h.receive(suspend(1))));
        m.put(CallState.SUSPENDED_LOCALLY, answeredIn.andThen(r -> r.h.control.suspend(1, true)));
        m.put(CallState.AWAIT_RELEASE_COMPLETE, incoming.andThen(r -> r.h.control.release(1, 16)));
        m.put(CallState.AWAIT_RESET_ACK, r -> r.h.control.maintenance().resetCircuit(1));
        m.put(CallState.AWAIT_CONTINUITY_RECHECK, r -> {
            r.h.receive(IsupMessage.of(IsupMessageType.IAM, 1, IAM_WITH_CHECK));
            r.h.receive(IsupMessageType.COT, 1, IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 0));
        });
        m.put(CallState.CONTINUITY_RECHECK_LOOP, r -> r.h.receive(IsupMessageType.CCR, 1));
        m.put(CallState.CONTINUITY_RETEST_WAIT, r -> {
            r.tester.then(ContinuityTester.ToneResult.NOT_RECEIVED, ContinuityTester.ToneResult.RECEIVED);
            r.h.control.setup(IAM_WITH_CHECK);
        });
        m.put(CallState.CONTINUITY_RETEST, r -> r.h.control.maintenance().continuityTest(1));
        return m;
    }

    private static IsupMessage suspend(int indicator) {
        return IsupMessage.of(
                IsupMessageType.SUS,
                1,
                IsupParameters.of(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, indicator)));
    }

    /** The ways back to idle that need no call to end normally. */
    enum WayBack {
        RSC_RECEIVED {
            @Override
            void apply(Rig r) {
                r.h.receive(IsupMessageType.RSC, 1);
                r.h.receive(IsupMessageType.RLC, 1);
            }
        },
        RESET_BY_US {
            @Override
            void apply(Rig r) {
                now(r.h.control.maintenance().resetCircuit(1));
                r.h.receive(IsupMessageType.RLC, 1);
            }
        },
        GRS_RECEIVED {
            @Override
            void apply(Rig r) {
                r.h.receive(IsupMessages.range(IsupMessageType.GRS, 1, 2));
            }
        },
        LINK_LOSS_AND_RECOVERY {
            @Override
            void apply(Rig r) {
                r.h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.UNAVAILABLE);
                r.h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.AVAILABLE);
                r.h.receive(IsupMessages.gra(1, RangeAndStatus.of(2)));
            }
        };

        abstract void apply(Rig r);
    }

    static Stream<Arguments> everyStateEveryWayBack() {
        return Arrays.stream(CallState.values())
                .flatMap(s -> Arrays.stream(WayBack.values()).map(w -> Arguments.of(s, w)));
    }

    @Test
    void theRealControlReachesEveryState() {
        assertThat(DRIVE).containsOnlyKeys(EnumSet.allOf(CallState.class));
        for (CallState s : CallState.values()) {
            Rig r = new Rig();
            DRIVE.get(s).accept(r);
            assertThat(r.h.callState(1)).as("driven to %s", s).isEqualTo(s);
        }
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyStateEveryWayBack")
    void everyStateReturnsToIdleAndTheCircuitIsHuntedAgain(CallState state, WayBack way) {
        Rig r = new Rig();
        DRIVE.get(state).accept(r);
        assertThat(r.h.callState(1)).isEqualTo(state);

        way.apply(r);

        assertThat(r.h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(now(r.h.control.maintenance().blocking(1))).isEmpty();
        assertThat(r.h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    private static final Set<CallState> WITHOUT_A_CALL = EnumSet.of(
            CallState.AWAIT_CONTINUITY,
            CallState.AWAIT_CONTINUITY_PREVIOUS,
            CallState.AWAIT_RELEASE_COMPLETE,
            CallState.AWAIT_RESET_ACK,
            CallState.AWAIT_CONTINUITY_RECHECK,
            CallState.CONTINUITY_RECHECK_LOOP,
            CallState.CONTINUITY_RETEST_WAIT,
            CallState.CONTINUITY_RETEST);

    static Stream<CallState> withoutACall() {
        return WITHOUT_A_CALL.stream();
    }

    @ParameterizedTest
    @MethodSource("withoutACall")
    void aStateWithoutACallReturnsToIdleByItsTimersAlone(CallState state) {
        Rig r = new Rig();
        DRIVE.get(state).accept(r);
        r.tester.then(ContinuityTester.ToneResult.RECEIVED);
        int answered = 0;
        for (int minute = 0; minute < 30 && r.h.callState(1) != CallState.IDLE; minute++) {
            r.h.scheduler.advance(Duration.ofSeconds(1));
            for (; answered < r.h.sent.size(); answered++) {
                IsupMessage m = r.h.sent.get(answered);
                if (m.cic() == 1
                        && (m.type().equals(IsupMessageType.REL) || m.type().equals(IsupMessageType.RSC))) {
                    r.h.receive(IsupMessageType.RLC, 1);
                }
            }
            r.h.scheduler.advance(Duration.ofSeconds(59));
        }
        assertThat(r.h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(r.h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void blockingAlwaysHasAWayBackToo() {
        ControlHarness h = new ControlHarness(2);
        h.receive(IsupMessageType.BLO, 1);
        h.receive(IsupMessageType.RSC, 1);
        assertThat(now(h.control.maintenance().blocking(1))).isEmpty();

        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 1, 1, RangeAndStatus.of(1, true, true)));
        h.receive(IsupMessages.range(IsupMessageType.GRS, 1, 1));
        assertThat(now(h.control.maintenance().available())).isEqualTo(2);

        h.receive(IsupMessageType.UCIC, 2);
        now(h.control.maintenance().returnToService(2));
        now(h.control.maintenance().block(1));
        h.receive(IsupMessageType.BLA, 1);
        now(h.control.maintenance().unblock(1));
        h.receive(IsupMessageType.UBA, 1);
        assertThat(now(h.control.maintenance().available())).isEqualTo(2);
    }
}
