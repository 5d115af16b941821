package org.pstngw.isup.call;

/** What a transition does besides changing state and timers, run in table order. */
public enum CallAction {
    SEND_IAM,
    SEND_SAM,
    SEND_ACM,
    SEND_ANM,
    /** Sends REL with the transition's cause (or the event's, when the transition gives none). */
    SEND_REL,
    SEND_RLC,
    SEND_RSC,
    SEND_LPA,
    CONNECT_LOOP,
    DISCONNECT_LOOP,
    NOTIFY_INCOMING_CALL,
    NOTIFY_ADDRESS_COMPLETE,
    NOTIFY_PROGRESS,
    NOTIFY_ANSWER,
    NOTIFY_SUSPEND,
    NOTIFY_RESUME,
    NOTIFY_MORE_DIGITS,
    /** The call ended; the application gets the cause. */
    NOTIFY_RELEASED,
    /** Our outgoing call lost a dual seizure: the application re-attempts on another circuit. */
    NOTIFY_REATTEMPT,
    /** T5/T17: the circuit needs human attention (Q.764 2.3.1 d), 2.9.3.1). */
    ALERT_MAINTENANCE
}
