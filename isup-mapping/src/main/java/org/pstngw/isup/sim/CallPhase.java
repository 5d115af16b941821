package org.pstngw.isup.sim;

/** Call phase of one of the simulated exchange's circuits, from the exchange's side. */
public enum CallPhase {
    IDLE,
    /** Incoming (our IAM): waiting for SAMs until the number is complete (T35). */
    COLLECTING_DIGITS,
    /** Incoming: the IAM asked for a continuity check; waiting for COT (T8). */
    AWAITING_CONTINUITY,
    /** Incoming: the behaviour is running (ringing, or answer pending). */
    INCOMING,
    INCOMING_ANSWERED,
    /** Outgoing (the exchange's IAM): waiting for ACM or CON. */
    OUTGOING,
    OUTGOING_ALERTING,
    OUTGOING_ANSWERED,
    /** CCR received or sent, loop connected: waiting for the re-check's COT or REL. */
    LOOPED,
    /** The exchange sent REL or RSC: waiting for RLC. */
    RELEASING
}
