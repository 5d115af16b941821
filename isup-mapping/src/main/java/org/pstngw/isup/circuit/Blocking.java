package org.pstngw.isup.circuit;

/**
 * Q.764 2.8: the independent blocking states of a circuit, plus the out-of-service state a received UCIC puts it in
 * (Q.764 2.9.5.1). A circuit with any of them is not hunted for outgoing calls.
 */
public enum Blocking {
    /** We blocked it for maintenance (BLO or maintenance-oriented CGB sent, until UBA/CGUA). */
    LOCALLY_MAINTENANCE,
    /** We blocked it for a hardware failure (hardware-oriented CGB sent, until CGUA). */
    LOCALLY_HARDWARE,
    /** The other exchange blocked it for maintenance (BLO or maintenance-oriented CGB received). */
    REMOTELY_MAINTENANCE,
    /** The other exchange blocked it for a hardware failure (hardware-oriented CGB received). */
    REMOTELY_HARDWARE,
    /**
     * The other exchange answered a message on it with UCIC: it does not have the CIC. Out of service until
     * maintenance returns it to service.
     */
    UNEQUIPPED_REMOTELY,
    /** We sent GRS and await GRA: the circuits are not hunted before the reset is acknowledged (Q.764 2.9.3.2). */
    RESET_PENDING,
    /**
     * We received a GRS and our GRA has not gone out yet (a GRS over several circuit groups is answered once all of
     * them have reset their circuits): no IAM of ours may overtake the GRA.
     */
    RESET_ANSWER_PENDING;

    /** True for the states we set (and announce again after a reset). */
    public boolean isLocal() {
        return this == LOCALLY_MAINTENANCE || this == LOCALLY_HARDWARE;
    }

    /** True for the states the other exchange set, which a reset (RSC, GRS) removes (Q.764 2.9.3). */
    public boolean isRemote() {
        return this == REMOTELY_MAINTENANCE || this == REMOTELY_HARDWARE;
    }
}
