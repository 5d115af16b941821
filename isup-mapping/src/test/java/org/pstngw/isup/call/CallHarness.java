package org.pstngw.isup.call;

import static org.pstngw.isup.call.CallEvent.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pstngw.sipi.isup.IsupMessage;

/** One circuit's state machine on a manual scheduler, recording every action it performs and its occupancy. */
final class CallHarness implements CallSink {

    /** Events that lead from IDLE to each state. */
    static final Map<CallState, List<CallEvent>> PATHS = paths();

    record Performed(CallAction action, int cause) {}

    final ManualScheduler scheduler = new ManualScheduler();
    final IsupTimers timers = IsupTimers.defaults();
    final CircuitCall call = new CircuitCall(7, timers, scheduler, Runnable::run, this);
    final List<Performed> performed = new ArrayList<>();
    final List<IsupMessage> messages = new ArrayList<>();
    boolean busy;

    @Override
    public void perform(int cic, CallAction action, int cause, IsupMessage message) {
        performed.add(new Performed(action, cause));
        messages.add(message);
    }

    @Override
    public void occupancy(int cic, boolean nowBusy) {
        if (nowBusy == busy) {
            throw new AssertionError("occupancy reported twice as " + nowBusy);
        }
        busy = nowBusy;
    }

    CallHarness driveTo(CallState state) {
        for (CallEvent e : PATHS.get(state)) {
            call.handle(e, 0);
        }
        if (call.state() != state) {
            throw new AssertionError("path to " + state + " ended in " + call.state());
        }
        performed.clear();
        messages.clear();
        return this;
    }

    List<CallAction> actions() {
        return performed.stream().map(Performed::action).toList();
    }

    private static Map<CallState, List<CallEvent>> paths() {
        Map<CallState, List<CallEvent>> m = new EnumMap<>(CallState.class);
        List<CallEvent> answeredIn = List.of(IAM, LOCAL_ADDRESS_COMPLETE, LOCAL_ANSWER);
        List<CallEvent> answeredOut = List.of(LOCAL_SETUP, ACM, ANM);
        m.put(CallState.IDLE, List.of());
        m.put(CallState.OUTGOING_CONTINUITY_CHECK, List.of(LOCAL_SETUP_WITH_CONTINUITY));
        m.put(CallState.AWAIT_ADDRESS_COMPLETE, List.of(LOCAL_SETUP));
        m.put(CallState.AWAIT_ANSWER, List.of(LOCAL_SETUP, ACM));
        m.put(CallState.AWAIT_CONTINUITY, List.of(IAM_CONTINUITY_REQUIRED));
        m.put(CallState.AWAIT_CONTINUITY_PREVIOUS, List.of(IAM_CONTINUITY_PREVIOUS));
        m.put(CallState.INCOMING_SEIZED, List.of(IAM));
        m.put(CallState.AWAIT_FURTHER_ADDRESS, List.of(IAM, LOCAL_AWAIT_DIGITS));
        m.put(CallState.INCOMING_ALERTING, List.of(IAM, LOCAL_ADDRESS_COMPLETE));
        m.put(CallState.ANSWERED, answeredIn);
        m.put(CallState.SUSPENDED_BY_USER, with(answeredOut, SUS_USER));
        m.put(CallState.SUSPENDED_BY_NETWORK, with(answeredOut, SUS_NETWORK));
        m.put(CallState.SUSPENDED_REMOTELY, with(answeredIn, SUS_NOT_CONTROLLING));
        m.put(CallState.SUSPENDED_LOCALLY, with(answeredIn, LOCAL_SUSPEND));
        m.put(CallState.AWAIT_RELEASE_COMPLETE, List.of(IAM, LOCAL_RELEASE));
        m.put(CallState.AWAIT_RESET_ACK, List.of(LOCAL_RESET));
        m.put(CallState.AWAIT_CONTINUITY_RECHECK, List.of(IAM_CONTINUITY_REQUIRED, COT_FAILURE));
        m.put(CallState.CONTINUITY_RECHECK_LOOP, List.of(CCR));
        m.put(CallState.CONTINUITY_RETEST_WAIT, List.of(LOCAL_SETUP_WITH_CONTINUITY, TONE_FAILED));
        m.put(CallState.CONTINUITY_RETEST, List.of(LOCAL_CONTINUITY_TEST));
        return m;
    }

    private static List<CallEvent> with(List<CallEvent> first, CallEvent last) {
        List<CallEvent> all = new ArrayList<>(first);
        all.add(last);
        return List.copyOf(all);
    }
}
