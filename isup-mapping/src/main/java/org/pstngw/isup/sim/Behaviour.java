package org.pstngw.isup.sim;

/**
 * How the simulated exchange treats an IAM, chosen by called number ({@link Rules}). Whatever the behaviour, an IAM
 * that asks for a continuity check (nature of connection indicators) waits for a successful COT first, and a release
 * from our side is answered with RLC and cancels everything still planned for the call.
 */
public sealed interface Behaviour {

    /** ACM (called party free) at once, ANM after the delay; the call stays up until released by the caller. */
    record AnswerAfter(long millis) implements Behaviour {
        public AnswerAfter {
            nonNegative(millis);
        }
    }

    /** CON after the delay and no ACM: the called party answers at once (200 without 18x on the SIP side). */
    record ConnectAfter(long millis) implements Behaviour {
        public ConnectAfter {
            nonNegative(millis);
        }
    }

    /**
     * ACM without indication at once, CPG (alerting) after {@code progressMillis}, ANM after {@code answerMillis}, both
     * counted from the IAM (183, then 180, then 200 on the SIP side).
     */
    record ProgressThenAnswer(long progressMillis, long answerMillis) implements Behaviour {
        public ProgressThenAnswer {
            nonNegative(progressMillis);
            nonNegative(answerMillis);
            if (answerMillis < progressMillis) {
                throw new IllegalArgumentException("answer before progress: " + answerMillis + " < " + progressMillis);
            }
        }
    }

    /** ACM (called party free) and nothing more: the called party rings until the caller gives up (our T9). */
    record RingForever() implements Behaviour {}

    /** REL at once with the given cause (17 busy, 1 unallocated number, 34 no circuit, 42 congestion). */
    record Reject(int cause) implements Behaviour {
        public Reject {
            if (cause < 1 || cause > 127) {
                throw new IllegalArgumentException("cause must be 1..127, got " + cause);
            }
        }
    }

    /** ACM, ANM at once, then REL with cause 16 (normal clearing) after the delay. */
    record ReleaseAfter(long millis) implements Behaviour {
        public ReleaseAfter {
            nonNegative(millis);
        }
    }

    /** No answer at all, not even ACM: our T7 runs out. */
    record Silent() implements Behaviour {}

    /**
     * Overlap receiving: the IAM's number is incomplete; SAMs add digits until the number has {@code digits} digits
     * (or an ST digit ends it), then the complete number is treated as {@code then}. Until then T35 runs at the
     * exchange: on expiry it releases with cause 28 (address incomplete).
     */
    record Overlap(int digits, Behaviour then) implements Behaviour {
        public Overlap {
            if (digits < 1 || digits > 32) {
                throw new IllegalArgumentException("digits must be 1..32, got " + digits);
            }
            if (then == null || then instanceof Overlap) {
                throw new IllegalArgumentException(
                        "an overlap rule needs a non-overlap behaviour for the complete number");
            }
        }
    }

    Behaviour BUSY = new Reject(17);
    Behaviour UNALLOCATED = new Reject(1);
    Behaviour CONGESTION = new Reject(42);
    Behaviour NO_CIRCUIT = new Reject(34);
    /** The called party never answers: same as {@link RingForever}, named for what our side sees (T9). */
    Behaviour NO_ANSWER = new RingForever();

    private static void nonNegative(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, got " + millis);
        }
    }
}
