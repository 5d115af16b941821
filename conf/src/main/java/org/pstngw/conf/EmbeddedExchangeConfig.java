package org.pstngw.conf;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The simulated far-end exchange (jSS7 M3UA over TCP on loopback) used by the demo and tests: where it listens, its
 * circuits, and how it answers calls by called number.
 *
 * @param enabled whether the gateway starts it in-process
 * @param pointCode its signalling point code (the gateway's DPC)
 * @param port TCP port it listens on for the gateway's M3UA association (0 picks a free port)
 * @param firstCic CIC of its first circuit
 * @param circuits how many circuits it has, CICs {@code firstCic ..}
 * @param answerDelay numbers no rule matches are answered: ACM at once, ANM after this delay
 * @param numbers behaviour per called-number prefix; the longest matching prefix wins
 */
public record EmbeddedExchangeConfig(
        boolean enabled,
        int pointCode,
        int port,
        int firstCic,
        int circuits,
        Duration answerDelay,
        List<NumberRule> numbers) {

    public EmbeddedExchangeConfig {
        Objects.requireNonNull(answerDelay, "answerDelay");
        numbers = List.copyOf(numbers);
    }

    /** What the exchange does with a call to a number. */
    public enum Behaviour {
        /** ACM (called party free) at once, ANM after {@code delay}. */
        ANSWER,
        /** CON after {@code delay}, no ACM. */
        CONNECT,
        /** ACM at once, CPG (alerting) after {@code progress-delay}, ANM {@code delay} after that. */
        PROGRESS,
        /** ACM and nothing more: rings until the caller gives up. */
        RING,
        /** Same as ring: the gateway's T9 (no answer) runs. */
        NO_ANSWER,
        /** REL cause 17, user busy. */
        BUSY,
        /** REL cause 1, unallocated number. */
        UNALLOCATED,
        /** REL cause 42, switching equipment congestion. */
        CONGESTION,
        /** REL with {@code cause}. */
        REJECT,
        /** ACM, ANM at once, REL cause 16 after {@code hold}. */
        RELEASE_AFTER,
        /** Waits for SAMs until the number has {@code digits} digits, then does {@code then}. */
        OVERLAP,
        /** No answer at all: the gateway's T7 runs. */
        SILENT
    }

    /**
     * One rule: calls to numbers starting with {@code prefix} get {@code behaviour}.
     *
     * @param prefix called-number digits
     * @param behaviour what the exchange does
     * @param delay answer, connect: until ANM or CON; progress: from CPG to ANM
     * @param progressDelay progress: until CPG
     * @param hold release-after: how long the answered call lasts
     * @param cause reject: the release cause (1..127)
     * @param digits overlap: digits of the complete number
     * @param then overlap: behaviour of the complete number (not overlap)
     */
    public record NumberRule(
            String prefix,
            Behaviour behaviour,
            Duration delay,
            Duration progressDelay,
            Duration hold,
            int cause,
            int digits,
            Behaviour then) {
        public NumberRule {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(behaviour, "behaviour");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(progressDelay, "progressDelay");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(then, "then");
        }

        public NumberRule withDelay(Duration value) {
            return new NumberRule(prefix, behaviour, value, progressDelay, hold, cause, digits, then);
        }

        public NumberRule withHold(Duration value) {
            return new NumberRule(prefix, behaviour, delay, progressDelay, value, cause, digits, then);
        }

        public NumberRule withCause(int value) {
            return new NumberRule(prefix, behaviour, delay, progressDelay, hold, value, digits, then);
        }
    }
}
