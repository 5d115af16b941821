package org.pstngw.isup.call;

import java.util.EnumSet;
import java.util.Set;

/** What reaches a circuit's state machine: a received message, a local request or a timer expiry. */
public enum CallEvent {
    // local requests
    LOCAL_SETUP,
    LOCAL_SAM,
    LOCAL_ADDRESS_COMPLETE,
    LOCAL_ANSWER,
    LOCAL_RELEASE,
    LOCAL_RESET,
    /**
     * The circuit is cleared locally without sending anything: destination unreachable (MTP-PAUSE, cause 38) or a
     * group reset (GRS) received or sent (cause 41).
     */
    LINK_LOST,
    // received messages
    IAM_COMPLETE,
    IAM_INCOMPLETE,
    IAM_CONTINUITY_REQUIRED,
    SAM_COMPLETE,
    SAM_INCOMPLETE,
    COT_SUCCESS,
    COT_FAILURE,
    ACM,
    CPG,
    ANM,
    CON,
    SUS_USER,
    SUS_NETWORK,
    RES,
    REL,
    RLC,
    RSC,
    CCR,
    /** An IAM received while ours awaits ACM on the same CIC and we control the CIC (Q.764 2.10.1.4). */
    DUAL_SEIZURE_WON,
    /** As above, but the other exchange controls the CIC: we back off and re-attempt elsewhere. */
    DUAL_SEIZURE_LOST,
    // timer expiries
    T1_EXPIRED,
    T2_EXPIRED,
    T5_EXPIRED,
    T6_EXPIRED,
    T7_EXPIRED,
    T8_EXPIRED,
    T9_EXPIRED,
    T16_EXPIRED,
    T17_EXPIRED,
    T35_EXPIRED;

    private static final Set<CallEvent> RECEIVED = EnumSet.range(IAM_COMPLETE, DUAL_SEIZURE_LOST);

    /** True for events caused by a received message. */
    public boolean isReceived() {
        return RECEIVED.contains(this);
    }

    /** The expiry event of a timer. */
    public static CallEvent expiryOf(IsupTimer timer) {
        return valueOf(timer.name() + "_EXPIRED");
    }
}
