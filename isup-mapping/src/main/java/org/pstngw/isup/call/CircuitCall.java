package org.pstngw.isup.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.pstngw.sipi.isup.IsupMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call-control state machine of one circuit. Every event (message, local request, timer expiry) is run on the
 * call control's serial executor, looked up in {@link CallTable}, and applied: state and timers first, then the
 * actions, handed to the {@link CallSink} (which defers what leaves the machine until the event is done). No locks.
 */
public final class CircuitCall {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitCall.class);

    /** What became of one event. */
    public enum Outcome {
        /** A table row was applied. */
        APPLIED,
        /** A received message with no row in a busy state: discarded (Q.764 2.9.5.3). */
        DISCARDED,
        /** An unexpected message on an idle circuit: the circuit is reset (Q.764 2.9.5.1 a)). */
        RESET,
        /** A local request not valid in this state. */
        REFUSED,
        /** An indication (timer, tester result) with no row in this state. */
        IGNORED
    }

    /** Which side originated what the circuit carries. */
    public enum Direction {
        NONE,
        OUTGOING,
        INCOMING
    }

    private final int cic;
    private final IsupTimers timers;
    private final Scheduler scheduler;
    private final Executor executor;
    private final CallSink sink;
    private final Map<IsupTimer, Scheduler.Cancellable> running = new EnumMap<>(IsupTimer.class);
    private final Map<IsupTimer, Long> generation = new EnumMap<>(IsupTimer.class);
    private CallState state = CallState.IDLE;
    private Direction direction = Direction.NONE;
    private IsupMessage setupMessage;
    private boolean known;
    private int lastCause;

    /**
     * @param executor where timer expiries are delivered: the call control's serial executor
     */
    public CircuitCall(int cic, IsupTimers timers, Scheduler scheduler, Executor executor, CallSink sink) {
        this.cic = cic;
        this.timers = timers;
        this.scheduler = scheduler;
        this.executor = executor;
        this.sink = sink;
    }

    public int cic() {
        return cic;
    }

    /** Current state; read it on the call control's executor. */
    public CallState state() {
        return state;
    }

    /** Who originated the call, test or reset now on the circuit ({@link Direction#NONE} when idle). */
    public Direction direction() {
        return direction;
    }

    /** Whether the application knows a call on this circuit (it set it up, or heard NOTIFY_INCOMING_CALL). */
    public boolean applicationKnowsCall() {
        return known;
    }

    /** Cause of the last release sent or received. */
    public int lastCause() {
        return lastCause;
    }

    /** Timers now running, for tests and the CQM answer. */
    public Set<IsupTimer> runningTimers() {
        return Set.copyOf(running.keySet());
    }

    /** Applies an event without a message. */
    public Outcome handle(CallEvent event, int cause) {
        return handle(event, cause, null);
    }

    /**
     * Applies an event now; call only on the call control's executor. {@code message} is the received message, or
     * for a local request the message to send.
     */
    public Outcome handle(CallEvent event, int cause, IsupMessage message) {
        Optional<Transition> row = CallTable.lookup(state, event);
        if (row.isPresent()) {
            apply(event, row.get(), cause, message);
            return Outcome.APPLIED;
        }
        return switch (event.kind()) {
            case LOCAL -> {
                LOG.debug("CIC {}: {} not valid in {}", cic, event, state);
                yield Outcome.REFUSED;
            }
            case INDICATION -> Outcome.IGNORED;
            case RECEIVED -> {
                if (state == CallState.IDLE && event != CallEvent.RLC) {
                    LOG.info("CIC {}: unexpected {} on idle circuit: reset", cic, event);
                    apply(
                            CallEvent.LOCAL_RESET,
                            CallTable.lookup(state, CallEvent.LOCAL_RESET).orElseThrow(),
                            0,
                            null);
                    yield Outcome.RESET;
                }
                LOG.debug("CIC {}: unexpected {} in {}: discarded", cic, event, state);
                yield Outcome.DISCARDED;
            }
        };
    }

    private void apply(CallEvent event, Transition t, int eventCause, IsupMessage message) {
        CallState from = state;
        retime(t, from);
        state = t.next();
        if (from == CallState.IDLE && state != CallState.IDLE) {
            direction = event == CallEvent.LOCAL_SETUP
                            || event == CallEvent.LOCAL_SETUP_WITH_CONTINUITY
                            || event == CallEvent.LOCAL_CONTINUITY_TEST
                            || event == CallEvent.LOCAL_RESET
                    ? Direction.OUTGOING
                    : Direction.INCOMING;
            sink.occupancy(cic, true);
        }
        if (event == CallEvent.LOCAL_SETUP || event == CallEvent.LOCAL_SETUP_WITH_CONTINUITY) {
            setupMessage = message;
            known = true;
        }
        int cause = t.cause() != Transition.CAUSE_FROM_EVENT ? t.cause() : eventCause;
        if (t.actions().contains(CallAction.SEND_REL) || t.actions().contains(CallAction.NOTIFY_RELEASED)) {
            if (cause == 0) {
                cause = lastCause != 0 && event == CallEvent.T1_EXPIRED ? lastCause : CallTable.NORMAL_CLEARING;
            }
            lastCause = cause;
        } else if (t.actions().contains(CallAction.NOTIFY_RELEASE_COMPLETE) && cause == 0) {
            cause = lastCause;
        }
        IsupMessage original = setupMessage;
        if (!state.awaitsFirstBackwardMessage()) {
            setupMessage = null;
        }
        if (state == CallState.IDLE && from != CallState.IDLE) {
            sink.occupancy(cic, false);
        }
        LOG.debug("CIC {}: {} --{}--> {}", cic, from, event, state);
        for (CallAction action : t.actions()) {
            perform(action, cause, message, original);
        }
        if (state == CallState.IDLE) {
            direction = Direction.NONE;
            known = false;
            lastCause = 0;
        }
    }

    private void perform(CallAction action, int cause, IsupMessage message, IsupMessage original) {
        switch (action) {
            case NOTIFY_RELEASED, NOTIFY_RELEASE_COMPLETE -> {
                if (known) {
                    sink.perform(cic, action, cause, message);
                }
            }
            case NOTIFY_INCOMING_CALL -> {
                known = true;
                sink.perform(cic, action, cause, message);
            }
            case REATTEMPT -> {
                known = false;
                sink.perform(cic, action, cause, original);
            }
            default -> sink.perform(cic, action, cause, message);
        }
    }

    private void retime(Transition t, CallState from) {
        if (t.next() != from) {
            running.entrySet().removeIf(e -> {
                if (t.kept().contains(e.getKey())) {
                    return false;
                }
                e.getValue().cancel();
                return true;
            });
        }
        for (IsupTimer timer : t.stopped()) {
            Scheduler.Cancellable old = running.remove(timer);
            if (old != null) {
                old.cancel();
            }
        }
        for (IsupTimer timer : t.started()) {
            Scheduler.Cancellable old = running.remove(timer);
            if (old != null) {
                old.cancel();
            }
            long gen = generation.merge(timer, 1L, Long::sum);
            running.put(timer, scheduler.schedule(timers.get(timer), () -> executor.execute(() -> expire(timer, gen))));
        }
    }

    private void expire(IsupTimer timer, long gen) {
        Long current = generation.get(timer);
        if (current == null || current != gen || !running.containsKey(timer)) {
            return;
        }
        running.remove(timer);
        handle(CallEvent.expiryOf(timer), 0);
    }
}
