package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RulesTest {

    private final Rules rules = Rules.answerAll()
            .on("1", Behaviour.BUSY)
            .on("12", Behaviour.UNALLOCATED)
            .on("123", new Behaviour.AnswerAfter(500));

    @Test
    void theLongestMatchingPrefixWinsElseTheDefault() {
        assertThat(rules.forNumber("1999")).isEqualTo(Behaviour.BUSY);
        assertThat(rules.forNumber("1299")).isEqualTo(Behaviour.UNALLOCATED);
        assertThat(rules.forNumber("1234")).isEqualTo(new Behaviour.AnswerAfter(500));
        assertThat(rules.forNumber("9")).isEqualTo(new Behaviour.AnswerAfter(0));
        assertThat(rules.forNumber("")).isEqualTo(rules.fallback());
    }

    @Test
    void onReturnsNewRulesAndReplacesTheSamePrefix() {
        Rules more = rules.on("1", Behaviour.CONGESTION);
        assertThat(rules.forNumber("19")).isEqualTo(Behaviour.BUSY);
        assertThat(more.forNumber("19")).isEqualTo(Behaviour.CONGESTION);
        assertThat(more.rules()).hasSize(3);
    }

    @Test
    void behavioursRejectNonsense() {
        assertThatThrownBy(() -> new Behaviour.Reject(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Behaviour.Reject(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Behaviour.AnswerAfter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Behaviour.ProgressThenAnswer(500, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Behaviour.Overlap(0, Behaviour.BUSY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Behaviour.Overlap(4, new Behaviour.Overlap(5, Behaviour.BUSY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Behaviour.NO_ANSWER).isEqualTo(new Behaviour.RingForever());
    }
}
