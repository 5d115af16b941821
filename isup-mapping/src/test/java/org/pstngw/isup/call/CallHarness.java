package org.pstngw.isup.call;

import static org.pstngw.isup.call.CallEvent.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One circuit's state machine on a manual scheduler, recording every action it performs. */
final class CallHarness implements CallSink {

    /** Events that lead from IDLE to each state. */
    static final Map<CallState, List<CallEvent>> PATHS = paths();

    record Performed(CallAction action, int cause) {}

    final ManualScheduler scheduler = new ManualScheduler();
    final CircuitCall call = new CircuitCall(7, IsupTimers.q764Defaults(), scheduler, Runnable::run, this);
    final List<Performed> performed = new ArrayList<>();

    @Override
    public void perform(int cic, CallAction action, int cause) {
        performed.add(new Performed(action, cause));
    }

    CallHarness driveTo(CallState state) {
        for (CallEvent e : PATHS.get(state)) {
            call.handle(e, 0);
        }
        if (call.state() != state) {
            throw new AssertionError("path to " + state + " ended in " + call.state());
        }
        performed.clear();
        return this;
    }

    List<CallAction> actions() {
        return performed.stream().map(Performed::action).toList();
    }

    private static Map<CallState, List<CallEvent>> paths() {
        Map<CallState, List<CallEvent>> m = new EnumMap<>(CallState.class);
        m.put(CallState.IDLE, List.of());
        m.put(CallState.AWAIT_ADDRESS_COMPLETE, List.of(LOCAL_SETUP));
        m.put(CallState.AWAIT_ANSWER, List.of(LOCAL_SETUP, ACM));
        m.put(CallState.AWAIT_FURTHER_ADDRESS, List.of(IAM_INCOMPLETE));
        m.put(CallState.AWAIT_CONTINUITY, List.of(IAM_CONTINUITY_REQUIRED));
        m.put(CallState.INCOMING_SEIZED, List.of(IAM_COMPLETE));
        m.put(CallState.INCOMING_ALERTING, List.of(IAM_COMPLETE, LOCAL_ADDRESS_COMPLETE));
        m.put(CallState.ANSWERED, List.of(IAM_COMPLETE, LOCAL_ANSWER));
        m.put(CallState.SUSPENDED_BY_USER, List.of(IAM_COMPLETE, LOCAL_ANSWER, SUS_USER));
        m.put(CallState.SUSPENDED_BY_NETWORK, List.of(IAM_COMPLETE, LOCAL_ANSWER, SUS_NETWORK));
        m.put(CallState.AWAIT_RELEASE_COMPLETE, List.of(IAM_COMPLETE, LOCAL_RELEASE));
        m.put(CallState.AWAIT_RESET_ACK, List.of(LOCAL_RESET));
        m.put(CallState.CONTINUITY_RECHECK_LOOP, List.of(CCR));
        return m;
    }
}
