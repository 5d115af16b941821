package org.pstngw.isup.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Behaviour per called-number prefix; the longest matching prefix wins, else the default. Immutable: {@link #on}
 * returns new rules.
 */
public final class Rules {

    /** One rule: numbers starting with {@code prefix} get {@code behaviour}. */
    public record Rule(String prefix, Behaviour behaviour) {
        public Rule {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(behaviour, "behaviour");
        }
    }

    private final List<Rule> rules;
    private final Behaviour fallback;

    public Rules(Behaviour fallback) {
        this(List.of(), fallback);
    }

    private Rules(List<Rule> rules, Behaviour fallback) {
        this.rules = List.copyOf(rules);
        this.fallback = Objects.requireNonNull(fallback);
    }

    /** Answer at once unless a rule says otherwise. */
    public static Rules answerAll() {
        return new Rules(new Behaviour.AnswerAfter(0));
    }

    /** These rules and one more; a rule for the same prefix is replaced. */
    public Rules on(String prefix, Behaviour behaviour) {
        Rule rule = new Rule(prefix, behaviour);
        List<Rule> next = new ArrayList<>(rules.size() + 1);
        for (Rule r : rules) {
            if (!r.prefix().equals(prefix)) {
                next.add(r);
            }
        }
        next.add(rule);
        return new Rules(next, fallback);
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

    public List<Rule> rules() {
        return rules;
    }

    public Behaviour fallback() {
        return fallback;
    }

    @Override
    public String toString() {
        return "Rules" + rules + " else " + fallback;
    }
}
