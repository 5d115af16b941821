package org.pstngw.isup.call;

/** What a transition does besides changing state and timers, carried out in table order after the state changed. */
public enum CallAction {
    /** Sends the event's message (the application's IAM, SAM, ACM, CON, CPG, ANM, SUS, RES). */
    SEND_IAM,
    SEND_SAM,
    SEND_ACM,
    SEND_CON,
    SEND_CPG,
    SEND_ANM,
    SEND_SUS,
    SEND_RES,
    /** Sends REL with the transition's cause (or the event's, when the transition gives none). */
    SEND_REL,
    SEND_RLC,
    SEND_RSC,
    SEND_LPA,
    /** COT, continuity indicator "continuity check successful". */
    SEND_COT_SUCCESS,
    /** COT, continuity indicator "continuity check failed". */
    SEND_COT_FAILURE,
    SEND_CCR,
    /** Incoming side: the check loop on the circuit (through the media path). */
    CONNECT_LOOP,
    DISCONNECT_LOOP,
    /** Outgoing side: a transceiver sends the check tone and listens for it (T24 bounds it). */
    START_TONE_TEST,
    STOP_TONE_TEST,
    NOTIFY_INCOMING_CALL,
    NOTIFY_ADDRESS_COMPLETE,
    NOTIFY_PROGRESS,
    NOTIFY_ANSWER,
    NOTIFY_SUSPEND,
    NOTIFY_RESUME,
    /** SAM received: more digits for the number analysis. */
    NOTIFY_MORE_DIGITS,
    /** The call ended (REL received, timer, link loss, reset); the application gets the cause. */
    NOTIFY_RELEASED,
    /** The release the application (or a timer) started is complete: the circuit is idle again. */
    NOTIFY_RELEASE_COMPLETE,
    /**
     * Our outgoing call could not stay on this circuit (dual seizure lost, continuity failure, RSC or UCIC before any
     * backward message, BLO during set-up): it is re-attempted on another circuit with its original IAM and the
     * application is told the new CIC (Q.764 2.9.1.4, 2.1.8, 2.9.3.1).
     */
    REATTEMPT,
    /** T5: no RLC for our REL; the circuit is reset and out of service until acknowledged. */
    ALERT_RELEASE_UNACKNOWLEDGED,
    /** T17: no RLC for our RSC. */
    ALERT_RESET_UNACKNOWLEDGED,
    /** The repeated continuity check failed again. */
    ALERT_CONTINUITY_FAILURE;

    /** The alert an ALERT_* action raises; null for the other actions. */
    public MaintenanceAlert alert() {
        return switch (this) {
            case ALERT_RELEASE_UNACKNOWLEDGED -> MaintenanceAlert.NO_RELEASE_COMPLETE;
            case ALERT_RESET_UNACKNOWLEDGED -> MaintenanceAlert.NO_RESET_ACKNOWLEDGEMENT;
            case ALERT_CONTINUITY_FAILURE -> MaintenanceAlert.CONTINUITY_FAILURE;
            default -> null;
        };
    }
}
