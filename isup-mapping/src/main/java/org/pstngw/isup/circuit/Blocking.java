package org.pstngw.isup.circuit;

/** Q.764 2.8.2: the four independent blocking states of a circuit; a circuit with any of them is not hunted. */
public enum Blocking {
    /** We blocked it (BLO sent, or CGB maintenance oriented sent). */
    LOCALLY_MAINTENANCE,
    /** We blocked it for a hardware failure (CGB hardware oriented sent). */
    LOCALLY_HARDWARE,
    /** The other exchange blocked it (BLO or CGB maintenance oriented received). */
    REMOTELY_MAINTENANCE,
    /** The other exchange blocked it for a hardware failure (CGB hardware oriented received). */
    REMOTELY_HARDWARE
}
