package org.pstngw.isup.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Behaviour per called-number prefix; the longest matching prefix wins, else the default. */
public final class Rules {

    private record Rule(String prefix, Behaviour behaviour) {}

    private final List<Rule> rules = new ArrayList<>();
    private final Behaviour fallback;

    public Rules(Behaviour fallback) {
        this.fallback = Objects.requireNonNull(fallback);
    }

    /** Answer at once unless a rule says otherwise. */
    public static Rules answerAll() {
        return new Rules(new Behaviour.AnswerAfter(0));
    }

    public Rules on(String prefix, Behaviour behaviour) {
        rules.add(new Rule(Objects.requireNonNull(prefix), Objects.requireNonNull(behaviour)));
        return this;
    }

    public Behaviour forNumber(String called) {
        Rule best = null;
        for (Rule r : rules) {
            if (called.startsWith(r.prefix())
                    && (best == null || r.prefix().length() > best.prefix().length())) {
                best = r;
            }
        }
        return best == null ? fallback : best.behaviour();
    }
}
