package org.pstngw.isup.call;

/**
 * States of one circuit's call control, after the Q.764 SDL for the outgoing (CPC-O) and incoming (CPC-I) call
 * processing and the circuit reset procedure.
 */
public enum CallState {
    /** Circuit idle: no call, no reset pending. */
    IDLE,
    /** Q.764 2.1.4.7 "IAM sent, awaiting ACM": T7 runs. */
    AWAIT_ADDRESS_COMPLETE,
    /** Q.764 2.1.7 "ACM received, awaiting answer": T9 runs. */
    AWAIT_ANSWER,
    /** Q.764 2.1.2.1 incomplete address received (overlap), awaiting SAM: T35 runs. */
    AWAIT_FURTHER_ADDRESS,
    /** Q.764 2.1.8 IAM with "continuity check required", awaiting COT: T8 runs, the loop is connected. */
    AWAIT_CONTINUITY,
    /** Q.764 2.1.3 incoming IAM complete (and continuity passed), awaiting the local ACM. */
    INCOMING_SEIZED,
    /** Q.764 2.1.4 ACM sent, awaiting the local answer. */
    INCOMING_ALERTING,
    /** Q.764 2.1.7 answered: conversation. */
    ANSWERED,
    /** Q.764 2.5.1 SUS (user) received: T2 runs. */
    SUSPENDED_BY_USER,
    /** Q.764 2.5.2 SUS (network) received: T6 runs. */
    SUSPENDED_BY_NETWORK,
    /** Q.764 2.3.1 REL sent, awaiting RLC: T1 and T5 run. */
    AWAIT_RELEASE_COMPLETE,
    /** Q.764 2.9.3.1 RSC sent, awaiting RLC: T16, then T17. */
    AWAIT_RESET_ACK,
    /** Q.764 2.1.8.2 CCR received on an idle circuit: loop connected, LPA sent, awaiting REL. */
    CONTINUITY_RECHECK_LOOP;

    /** True for the states that carry a call the application knows about. */
    public boolean hasCall() {
        return switch (this) {
            case AWAIT_ADDRESS_COMPLETE,
                    AWAIT_ANSWER,
                    INCOMING_SEIZED,
                    INCOMING_ALERTING,
                    ANSWERED,
                    SUSPENDED_BY_USER,
                    SUSPENDED_BY_NETWORK,
                    AWAIT_FURTHER_ADDRESS,
                    AWAIT_CONTINUITY -> true;
            case IDLE, AWAIT_RELEASE_COMPLETE, AWAIT_RESET_ACK, CONTINUITY_RECHECK_LOOP -> false;
        };
    }
}
