package org.pstngw.isup.call;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the call-control table: the next state, the actions in order, the timers started, stopped and kept, and
 * the cause a SEND_REL/NOTIFY_RELEASED uses ({@link #CAUSE_FROM_EVENT} = the cause that came with the event).
 *
 * <p>Timer rule: moving to another state cancels every running timer except the {@code kept} ones (T7 survives the
 * COT that follows a continuity check); staying in the same state cancels the {@code stopped} ones and leaves the
 * others running (T1 repeats while T5 keeps counting). The {@code started} timers are (re)started last.
 */
public record Transition(
        CallState next,
        int cause,
        List<CallAction> actions,
        Set<IsupTimer> started,
        Set<IsupTimer> stopped,
        Set<IsupTimer> kept) {

    public static final int CAUSE_FROM_EVENT = 0;

    public Transition {
        actions = List.copyOf(actions);
        started = copy(started);
        stopped = copy(stopped);
        kept = copy(kept);
    }

    private static Set<IsupTimer> copy(Set<IsupTimer> timers) {
        return timers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(timers));
    }

    static Transition to(CallState next, CallAction... actions) {
        return new Transition(next, CAUSE_FROM_EVENT, List.of(actions), Set.of(), Set.of(), Set.of());
    }

    static Transition to(CallState next, List<CallAction> actions) {
        return new Transition(next, CAUSE_FROM_EVENT, actions, Set.of(), Set.of(), Set.of());
    }

    Transition cause(int value) {
        return new Transition(next, value, actions, started, stopped, kept);
    }

    Transition start(IsupTimer... timers) {
        return new Transition(next, cause, actions, Set.of(timers), stopped, kept);
    }

    Transition stop(IsupTimer... timers) {
        return new Transition(next, cause, actions, started, Set.of(timers), kept);
    }

    Transition keep(IsupTimer... timers) {
        return new Transition(next, cause, actions, started, stopped, Set.of(timers));
    }
}
