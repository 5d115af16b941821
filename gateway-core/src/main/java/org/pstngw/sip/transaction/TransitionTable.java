package org.pstngw.sip.transaction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine's transitions as data: for each (state, event) at most one transition to a next state with its
 * actions. An event with no transition in the current state is ignored (absorbed) by the machine.
 *
 * @param <S> the state enum
 */
public final class TransitionTable<S extends Enum<S>> {

    /** One transition: the next state and the actions to run, in order. */
    public record Transition<S>(S to, List<TxAction> actions) {
        public Transition {
            actions = List.copyOf(actions);
        }
    }

    private final Map<S, Map<TxEvent, Transition<S>>> table;

    private TransitionTable(Map<S, Map<TxEvent, Transition<S>>> table) {
        this.table = table;
    }

    /** The transition for {@code event} in {@code state}, empty if the event is absorbed there. */
    public Optional<Transition<S>> lookup(S state, TxEvent event) {
        Map<TxEvent, Transition<S>> row = table.get(state);
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(event));
    }

    /** Starts a table for the states of {@code type}. */
    public static <S extends Enum<S>> Builder<S> builder(Class<S> type) {
        return new Builder<>(type);
    }

    /** Builds a table; a duplicate (state, event) pair is a programming error. */
    public static final class Builder<S extends Enum<S>> {
        private final Map<S, Map<TxEvent, Transition<S>>> table;

        private Builder(Class<S> type) {
            this.table = new EnumMap<>(type);
        }

        /** Adds: in {@code from}, on {@code event}, go to {@code to} doing {@code actions}. */
        public Builder<S> on(S from, TxEvent event, S to, TxAction... actions) {
            Transition<S> previous = table.computeIfAbsent(from, s -> new EnumMap<>(TxEvent.class))
                    .put(event, new Transition<>(to, List.of(actions)));
            if (previous != null) {
                throw new IllegalStateException("duplicate transition " + from + " on " + event);
            }
            return this;
        }

        public TransitionTable<S> build() {
            return new TransitionTable<>(table);
        }
    }
}
