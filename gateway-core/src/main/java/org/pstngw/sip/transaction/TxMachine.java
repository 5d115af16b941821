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
 * every other action to the transaction's {@link Effects}. Timer expiries arrive as events on the owner executor; an
 * expiry of a timer that was stopped or restarted meanwhile is recognised and dropped. Events raised while a transition
 * runs (a zero-length timer, an effect that fires another event) are queued and run after it, never re-entrantly.
 *
 * <p>Not thread-safe by design: only the owner executor's thread may call it.
 *
 * @param <S> the state enum of the machine
 */
public final class TxMachine<S extends Enum<S>> {

    /** What the machine asks its transaction to do. */
    public interface Effects {
        /** Performs a message or TU action; {@code cause} is the event whose transition asked for it. */
        void perform(TxAction.Do action, TxEvent cause);

        /** The machine reached its terminal state (called once). */
        void terminated();
    }

    private final TransitionTable<S> table;
    private final S terminal;
    private final TimerConfig timers;
    private final boolean reliable;
    private final Scheduler scheduler;
    private final Executor owner;
    private final Effects effects;
    private final Map<TimerName, Running> running = new EnumMap<>(TimerName.class);
    private final Map<TimerName, Duration> intervals = new EnumMap<>(TimerName.class);
    private final ArrayDeque<TxEvent> queue = new ArrayDeque<>();
    private S state;
    private boolean busy;

    public TxMachine(
            TransitionTable<S> table,
            S initial,
            S terminal,
            TimerConfig timers,
            boolean reliable,
            Scheduler scheduler,
            Executor owner,
            Effects effects) {
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
            run(entryActions, null);
        } finally {
            busy = false;
        }
        drain();
    }

    /**
     * Delivers {@code event}.
     *
     * @return true if the current state has a transition for it, false if it is absorbed (or queued behind a running
     *     transition, in which case it is looked up later)
     */
    public boolean fire(TxEvent event) {
        if (busy) {
            queue.add(event);
            return false;
        }
        boolean handled = step(event);
        drain();
        return handled;
    }

    private void drain() {
        TxEvent next;
        while (!busy && (next = queue.poll()) != null) {
            step(next);
        }
    }

    private boolean step(TxEvent event) {
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
            run(transition.get().actions(), event);
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

    private void run(List<TxAction> actions, TxEvent cause) {
        for (TxAction action : actions) {
            switch (action) {
                case TxAction.Do d -> effects.perform(d, cause);
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
            queue.add(name.expiry());
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
