package org.pstngw.isup.call;

import java.util.List;

/**
 * States of one circuit's call control, after the Q.764 SDL of outgoing and incoming call processing (CPC-O, CPC-I),
 * continuity check (CCO, CCI) and circuit reset (CRS).
 */
public enum CallState {
    /** Circuit idle: no call, no reset, no test. */
    IDLE,
    // outgoing
    /** Q.764 2.1.8: IAM sent with "continuity check required": the check tone is out, T24 and T7 run. */
    OUTGOING_CONTINUITY_CHECK,
    /** Q.764 2.1.4.7: IAM (and COT) sent, awaiting ACM or CON: T7 runs. */
    AWAIT_ADDRESS_COMPLETE,
    /** Q.764 2.1.7: ACM received, awaiting answer: T9 runs. */
    AWAIT_ANSWER,
    // incoming
    /** Q.764 2.1.8: IAM with "continuity check required" received: loop connected, awaiting COT, T8 runs. */
    AWAIT_CONTINUITY,
    /** Q.764 2.1.8: IAM with "continuity check performed on a previous circuit": awaiting COT, T8 runs. */
    AWAIT_CONTINUITY_PREVIOUS,
    /** Q.764 2.1.3: incoming call offered to the application, awaiting its ACM (or CON). */
    INCOMING_SEIZED,
    /** Q.764 2.1.2.1 / 2.1.4: overlap receiving, the number is not complete yet: awaiting SAM, T35 runs. */
    AWAIT_FURTHER_ADDRESS,
    /** Q.764 2.1.4: ACM sent, awaiting the application's answer. */
    INCOMING_ALERTING,
    // both directions
    /** Q.764 2.1.7: answered: conversation. */
    ANSWERED,
    /** Q.764 2.4.1: controlling exchange, SUS (user) received: T2 runs. */
    SUSPENDED_BY_USER,
    /** Q.764 2.4.2: controlling exchange, SUS (network) received: T6 runs. */
    SUSPENDED_BY_NETWORK,
    /** SUS received on a call the other exchange controls: it runs the timer. */
    SUSPENDED_REMOTELY,
    /** We sent SUS; T2 runs when we control the call. */
    SUSPENDED_LOCALLY,
    // clearing and maintenance
    /** Q.764 2.3.1 / 2.9.6: REL sent, awaiting RLC: T1 and T5 run. */
    AWAIT_RELEASE_COMPLETE,
    /** Q.764 2.9.3.1: RSC sent, awaiting RLC: T16 and T17 (only T17 after T5). */
    AWAIT_RESET_ACK,
    /** Q.764 2.1.8: COT "failed" received: loop removed, awaiting CCR, T27 runs. */
    AWAIT_CONTINUITY_RECHECK,
    /** Q.764 2.1.8: CCR received: loop connected, awaiting COT or REL, T36 runs. */
    CONTINUITY_RECHECK_LOOP,
    /** Outgoing continuity check failed: waiting to re-test, T25 (first failure) or T26 (later ones). */
    CONTINUITY_RETEST_WAIT,
    /** CCR sent: the check tone is out, T24 runs; on success REL ends the test call. */
    CONTINUITY_RETEST;

    /** Call processing state as the circuit group query reports it (Q.764 2.9.3.2, Q.763 3.14). */
    public enum Processing {
        IDLE,
        /** IAM sent awaiting the first backward message, or REL/RSC sent awaiting RLC. */
        TRANSIENT,
        INCOMING_BUSY,
        OUTGOING_BUSY,
        /** Incoming or outgoing busy depending on which side originated the call. */
        BY_DIRECTION
    }

    /** True for the states that carry a call the application knows about. */
    public boolean hasCall() {
        return switch (this) {
            case OUTGOING_CONTINUITY_CHECK,
                    AWAIT_ADDRESS_COMPLETE,
                    AWAIT_ANSWER,
                    INCOMING_SEIZED,
                    AWAIT_FURTHER_ADDRESS,
                    INCOMING_ALERTING,
                    ANSWERED,
                    SUSPENDED_BY_USER,
                    SUSPENDED_BY_NETWORK,
                    SUSPENDED_REMOTELY,
                    SUSPENDED_LOCALLY -> true;
            case IDLE,
                    AWAIT_CONTINUITY,
                    AWAIT_CONTINUITY_PREVIOUS,
                    AWAIT_RELEASE_COMPLETE,
                    AWAIT_RESET_ACK,
                    AWAIT_CONTINUITY_RECHECK,
                    CONTINUITY_RECHECK_LOOP,
                    CONTINUITY_RETEST_WAIT,
                    CONTINUITY_RETEST -> false;
        };
    }

    /** True while our IAM awaits its first backward message: where dual seizure and re-attempts apply. */
    public boolean awaitsFirstBackwardMessage() {
        return this == OUTGOING_CONTINUITY_CHECK || this == AWAIT_ADDRESS_COMPLETE;
    }

    /** What leaving this state must undo on the media path: the check loop or the tone test. */
    public List<CallAction> cleanup() {
        return switch (this) {
            case AWAIT_CONTINUITY, CONTINUITY_RECHECK_LOOP -> List.of(CallAction.DISCONNECT_LOOP);
            case OUTGOING_CONTINUITY_CHECK, CONTINUITY_RETEST -> List.of(CallAction.STOP_TONE_TEST);
            default -> List.of();
        };
    }

    public Processing processing() {
        return switch (this) {
            case IDLE -> Processing.IDLE;
            case OUTGOING_CONTINUITY_CHECK, AWAIT_ADDRESS_COMPLETE, AWAIT_RELEASE_COMPLETE, AWAIT_RESET_ACK ->
                Processing.TRANSIENT;
            case AWAIT_ANSWER, CONTINUITY_RETEST_WAIT, CONTINUITY_RETEST -> Processing.OUTGOING_BUSY;
            case AWAIT_CONTINUITY,
                    AWAIT_CONTINUITY_PREVIOUS,
                    INCOMING_SEIZED,
                    AWAIT_FURTHER_ADDRESS,
                    INCOMING_ALERTING,
                    AWAIT_CONTINUITY_RECHECK,
                    CONTINUITY_RECHECK_LOOP -> Processing.INCOMING_BUSY;
            case ANSWERED, SUSPENDED_BY_USER, SUSPENDED_BY_NETWORK, SUSPENDED_REMOTELY, SUSPENDED_LOCALLY ->
                Processing.BY_DIRECTION;
        };
    }
}
