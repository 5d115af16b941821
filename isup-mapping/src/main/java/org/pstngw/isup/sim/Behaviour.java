package org.pstngw.isup.sim;

/** How the simulated exchange treats an IAM, chosen by called number. */
public sealed interface Behaviour {

    /** ACM at once, ANM after the delay; the call stays up until released by the caller. */
    record AnswerAfter(long millis) implements Behaviour {}

    /** ACM and nothing more: the called party rings until the caller gives up. */
    record RingForever() implements Behaviour {}

    /** REL at once with the given cause (17 busy, 1 unallocated number, 34 no circuit, 42 congestion). */
    record Reject(int cause) implements Behaviour {}

    /** ACM, ANM at once, then REL with cause 16 (normal clearing) after the delay. */
    record ReleaseAfter(long millis) implements Behaviour {}

    Behaviour BUSY = new Reject(17);
    Behaviour UNALLOCATED = new Reject(1);
    Behaviour CONGESTION = new Reject(42);
    Behaviour NO_CIRCUIT = new Reject(34);
}
