package org.pstngw.isup.call;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the call-control table: the next state, the actions in order, the timers started on the way in, and the
 * cause a SEND_REL/NOTIFY_RELEASED uses ({@link #CAUSE_FROM_EVENT} = the cause that came with the event).
 *
 * <p>Timer rule: moving to another state cancels every running timer; a transition back into the same state
 * restarts only the timers it names and leaves the others running (T1 repeats while T5 keeps counting).
 */
public record Transition(CallState next, int cause, List<CallAction> actions, Set<IsupTimer> timers) {

    public static final int CAUSE_FROM_EVENT = 0;

    public Transition {
        actions = List.copyOf(actions);
        timers = timers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(timers));
    }

    static Transition to(CallState next, CallAction... actions) {
        return new Transition(next, CAUSE_FROM_EVENT, List.of(actions), Set.of());
    }

    Transition cause(int value) {
        return new Transition(next, value, actions, timers);
    }

    Transition start(IsupTimer... started) {
        return new Transition(next, cause, actions, Set.of(started));
    }
}
