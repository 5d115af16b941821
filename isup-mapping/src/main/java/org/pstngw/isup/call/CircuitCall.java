package org.pstngw.isup.call;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The call-control state machine of one circuit. Every event (message, local request, timer expiry) is run on the
 * circuit's serial executor, looked up in {@link CallTable}, and applied: state, timers, then actions. No locks.
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
        REFUSED
    }

    private final int cic;
    private final IsupTimers timers;
    private final Scheduler scheduler;
    private final Executor executor;
    private final CallSink sink;
    private final Map<IsupTimer, Scheduler.Cancellable> running = new EnumMap<>(IsupTimer.class);
    private final Map<IsupTimer, Long> generation = new EnumMap<>(IsupTimer.class);
    private CallState state = CallState.IDLE;
    private Runnable idleObserver = () -> {};
    private int lastCause;

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

    /** Current state; read it on the circuit's executor (or in single-threaded tests). */
    public CallState state() {
        return state;
    }

    /** Cause of the last release sent or received. */
    public int lastCause() {
        return lastCause;
    }

    /** Timers now running, for tests and the CQM answer. */
    public Set<IsupTimer> runningTimers() {
        return Set.copyOf(running.keySet());
    }

    /** Runs {@code observer} (on the executor) each time the circuit returns to IDLE. */
    public void onIdle(Runnable observer) {
        this.idleObserver = observer;
    }

    /** Queues an event on the circuit's executor. */
    public void fire(CallEvent event, int cause) {
        executor.execute(() -> handle(event, cause));
    }

    /** Applies an event now; call only on the circuit's executor. */
    public Outcome handle(CallEvent event, int cause) {
        MDC.put("cic", Integer.toString(cic));
        try {
            Optional<Transition> row = CallTable.lookup(state, event);
            if (row.isPresent()) {
                apply(event, row.get(), cause);
                return Outcome.APPLIED;
            }
            if (!event.isReceived()) {
                LOG.debug("{} not valid in {}", event, state);
                return Outcome.REFUSED;
            }
            if (state == CallState.IDLE && event != CallEvent.RLC) {
                LOG.info("unexpected {} on idle circuit: reset", event);
                apply(
                        CallEvent.LOCAL_RESET,
                        CallTable.lookup(state, CallEvent.LOCAL_RESET).orElseThrow(),
                        0);
                return Outcome.RESET;
            }
            LOG.debug("unexpected {} in {}: discarded", event, state);
            return Outcome.DISCARDED;
        } finally {
            MDC.remove("cic");
        }
    }

    private void apply(CallEvent event, Transition t, int eventCause) {
        CallState from = state;
        if (t.next() != from) {
            running.values().forEach(Scheduler.Cancellable::cancel);
            running.clear();
        }
        for (IsupTimer timer : t.timers()) {
            Scheduler.Cancellable old = running.remove(timer);
            if (old != null) {
                old.cancel();
            }
            long gen = generation.merge(timer, 1L, Long::sum);
            running.put(timer, scheduler.schedule(timers.get(timer), () -> executor.execute(() -> expire(timer, gen))));
        }
        state = t.next();
        int cause = t.cause() != Transition.CAUSE_FROM_EVENT ? t.cause() : eventCause;
        if (t.actions().contains(CallAction.SEND_REL) || t.actions().contains(CallAction.NOTIFY_RELEASED)) {
            if (cause == 0) {
                cause = lastCause != 0 && event == CallEvent.T1_EXPIRED ? lastCause : CallTable.NORMAL_CLEARING;
            }
            lastCause = cause;
        }
        LOG.debug("{} --{}--> {}", from, event, state);
        for (CallAction action : t.actions()) {
            sink.perform(cic, action, cause);
        }
        if (state == CallState.IDLE && from != CallState.IDLE) {
            idleObserver.run();
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
