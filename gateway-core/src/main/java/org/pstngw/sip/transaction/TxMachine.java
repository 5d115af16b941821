package org.pstngw.sip.transaction;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.pstngw.sip.timer.Scheduler;
import org.pstngw.sip.timer.Timeout;

/**
 * Runs one transaction's transition table: holds the state and the running timers, interprets timer actions, and hands
 * every other action to the transaction's {@link Effects}. An event may carry the message it is about (the response
 * received, the response the TU passes, the ACK); the effects of its transition get that message. Timer expiries
 * arrive as events on the owner executor; an expiry of a timer that was stopped or restarted meanwhile is recognised
 * and dropped. Events raised while a transition runs (a zero-length timer, an effect that fires another event, a TU
 * that answers from inside a callback) are queued with their message and run after it, never re-entrantly.
 *
 * <p>Not thread-safe by design: only the owner executor's thread may call it.
 *
 * @param <S> the state enum of the machine
 * @param <M> the type of message events carry
 */
public final class TxMachine<S extends Enum<S>, M> {

    /** What the machine asks its transaction to do. */
    public interface Effects<M> {
        /**
         * Performs a message or TU action.
         *
         * @param cause the event whose transition asked for it (null for the entry actions)
         * @param message the message that came with the event, or null (timer expiries)
         */
        void perform(TxAction.Do action, TxEvent cause, M message);

        /** The machine reached its terminal state (called once). */
        void terminated();
    }

    private final TransitionTable<S, TxEvent, TxAction> table;
    private final S terminal;
    private final TimerConfig timers;
    private final boolean reliable;
    private final Scheduler scheduler;
    private final Executor owner;
    private final Effects<M> effects;
    private final Map<TimerName, Running> running = new EnumMap<>(TimerName.class);
    private final Map<TimerName, Duration> intervals = new EnumMap<>(TimerName.class);
    private final ArrayDeque<Queued<M>> queue = new ArrayDeque<>();
    private S state;
    private boolean busy;

    public TxMachine(
            TransitionTable<S, TxEvent, TxAction> table,
            S initial,
            S terminal,
            TimerConfig timers,
            boolean reliable,
            Scheduler scheduler,
            Executor owner,
            Effects<M> effects) {
        this.table = table;
        this.state = initial;
        this.terminal = terminal;
        this.timers = timers;
        this.reliable = reliable;
        this.scheduler = scheduler;
        this.owner = owner;
        this.effects = effects;
    }

    public S state() {
        return state;
    }

    public boolean terminated() {
        return state == terminal;
    }

    /** Whether {@code timer} is running now (for tests and diagnostics). */
    public boolean timerRunning(TimerName timer) {
        return running.containsKey(timer);
    }

    /** Runs the entry actions of the initial state. */
    public void start(List<TxAction> entryActions) {
        busy = true;
        try {
            run(entryActions, null, null);
        } finally {
            busy = false;
        }
        drain();
    }

    /** Delivers {@code event}, which carries no message. */
    public boolean fire(TxEvent event) {
        return fire(event, null);
    }

    /**
     * Delivers {@code event} with {@code message}.
     *
     * @return true if the current state has a transition for it; false if it is absorbed. While a transition runs the
     *     event is queued with its message and looked up after it; the answer is then whether the current state has a
     *     transition for it now
     */
    public boolean fire(TxEvent event, M message) {
        if (busy) {
            queue.add(new Queued<>(event, message));
            return state != terminal && table.lookup(state, event).isPresent();
        }
        boolean handled = step(event, message);
        drain();
        return handled;
    }

    private record Queued<M>(TxEvent event, M message) {}

    private void drain() {
        Queued<M> next;
        while (!busy && (next = queue.poll()) != null) {
            step(next.event(), next.message());
        }
    }

    private boolean step(TxEvent event, M message) {
        if (state == terminal) {
            return false;
        }
        var transition = table.lookup(state, event);
        if (transition.isEmpty()) {
            return false;
        }
        busy = true;
        try {
            state = transition.get().to();
            run(transition.get().actions(), event, message);
            if (state == terminal) {
                running.values().forEach(r -> r.timeout.cancel());
                running.clear();
                effects.terminated();
            }
        } finally {
            busy = false;
        }
        return true;
    }

    private void run(List<TxAction> actions, TxEvent cause, M message) {
        for (TxAction action : actions) {
            switch (action) {
                case TxAction.Do d -> effects.perform(d, cause, message);
                case TxAction.Timer t -> timer(t);
            }
        }
    }

    private void timer(TxAction.Timer action) {
        TimerName name = action.timer();
        Running old = running.remove(name);
        if (old != null) {
            old.timeout.cancel();
        }
        if (action.kind() == TxAction.Kind.STOP || (reliable && name.retransmitOnly())) {
            return;
        }
        Duration interval = switch (action.kind()) {
            case START -> timers.initial(name, reliable);
            case BACKOFF ->
                name == TimerName.A
                        ? intervals.getOrDefault(name, timers.t1()).multipliedBy(2)
                        : timers.backoffCapped(intervals.getOrDefault(name, timers.t1()));
            case RESET_T2 -> timers.t2();
            case STOP -> throw new IllegalStateException("unreachable");
        };
        intervals.put(name, interval);
        if (interval.isZero()) {
            queue.add(new Queued<>(name.expiry(), null));
            return;
        }
        Running r = new Running();
        running.put(name, r);
        r.timeout = scheduler.schedule(interval, owner, () -> expired(name, r));
    }

    private void expired(TimerName name, Running token) {
        if (running.get(name) != token) {
            return;
        }
        running.remove(name);
        fire(name.expiry());
    }

    private static final class Running {
        Timeout timeout = Timeout.NONE;
    }
}
