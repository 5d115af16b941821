package org.pstngw.sip.transaction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine's transitions as data: for each (state, event) at most one transition to a next state with its
 * actions. An event with no transition in the current state is ignored (absorbed) by the machine. The transaction
 * machines of section 17 use it with {@link TxEvent} and {@link TxAction}; the UA core's call phases with their own.
 *
 * @param <S> the state enum
 * @param <E> the event enum
 * @param <A> the type of actions
 */
public final class TransitionTable<S extends Enum<S>, E extends Enum<E>, A> {

    /** One transition: the next state and the actions to run, in order. */
    public record Transition<S, A>(S to, List<A> actions) {
        public Transition {
            actions = List.copyOf(actions);
        }
    }

    private final Map<S, Map<E, Transition<S, A>>> table;

    private TransitionTable(Map<S, Map<E, Transition<S, A>>> table) {
        this.table = table;
    }

    /** The transition for {@code event} in {@code state}, empty if the event is absorbed there. */
    public Optional<Transition<S, A>> lookup(S state, E event) {
        Map<E, Transition<S, A>> row = table.get(state);
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(event));
    }

    /** Starts a table for the states of {@code states} and the events of {@code events}. */
    public static <S extends Enum<S>, E extends Enum<E>, A> Builder<S, E, A> builder(Class<S> states, Class<E> events) {
        return new Builder<>(states, events);
    }

    /** A table of a transaction machine: events {@link TxEvent}, actions {@link TxAction}. */
    public static <S extends Enum<S>> Builder<S, TxEvent, TxAction> builder(Class<S> states) {
        return new Builder<>(states, TxEvent.class);
    }

    /** Builds a table; a duplicate (state, event) pair is a programming error. */
    public static final class Builder<S extends Enum<S>, E extends Enum<E>, A> {
        private final Map<S, Map<E, Transition<S, A>>> table;
        private final Class<E> events;

        private Builder(Class<S> states, Class<E> events) {
            this.table = new EnumMap<>(states);
            this.events = events;
        }

        /** Adds: in {@code from}, on {@code event}, go to {@code to} doing {@code actions}. */
        @SafeVarargs
        public final Builder<S, E, A> on(S from, E event, S to, A... actions) {
            Transition<S, A> previous = table.computeIfAbsent(from, s -> new EnumMap<>(events))
                    .put(event, new Transition<>(to, List.of(actions)));
            if (previous != null) {
                throw new IllegalStateException("duplicate transition " + from + " on " + event);
            }
            return this;
        }

        public TransitionTable<S, E, A> build() {
            return new TransitionTable<>(table);
        }
    }
}
