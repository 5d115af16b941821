package org.pstngw.sip.transaction;

/** The transaction timers of RFC 3261 table 4, timers L and M of RFC 6026, and the 100 Trying timer of 17.2.1. */
public enum TimerName {
    A(TxEvent.TIMER_A),
    B(TxEvent.TIMER_B),
    D(TxEvent.TIMER_D),
    E(TxEvent.TIMER_E),
    F(TxEvent.TIMER_F),
    G(TxEvent.TIMER_G),
    H(TxEvent.TIMER_H),
    I(TxEvent.TIMER_I),
    J(TxEvent.TIMER_J),
    K(TxEvent.TIMER_K),
    L(TxEvent.TIMER_L),
    M(TxEvent.TIMER_M),
    TRYING(TxEvent.TIMER_TRYING);

    private final TxEvent expiry;

    TimerName(TxEvent expiry) {
        this.expiry = expiry;
    }

    /** The event this timer delivers when it fires. */
    public TxEvent expiry() {
        return expiry;
    }

    /** Timers that only retransmit, and so run only over unreliable transports (A, E, G). */
    public boolean retransmitOnly() {
        return this == A || this == E || this == G;
    }
}
