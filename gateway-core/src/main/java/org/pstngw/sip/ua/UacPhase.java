package org.pstngw.sip.ua;

import static org.pstngw.sip.ua.UacPhase.Action.END;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_ANSWERED;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_BYE;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_ENDED;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_FAILURE;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_PROVISIONAL;
import static org.pstngw.sip.ua.UacPhase.Action.REPORT_REJECTED;
import static org.pstngw.sip.ua.UacPhase.Action.RESTART_TIMER_C;
import static org.pstngw.sip.ua.UacPhase.Action.SEND_ACK;
import static org.pstngw.sip.ua.UacPhase.Action.SEND_BYE;
import static org.pstngw.sip.ua.UacPhase.Action.SEND_CANCEL;
import static org.pstngw.sip.ua.UacPhase.Action.TERMINATE_INVITE;
import static org.pstngw.sip.ua.UacPhase.Event.ANSWER;
import static org.pstngw.sip.ua.UacPhase.Event.BYE_DONE;
import static org.pstngw.sip.ua.UacPhase.Event.BYE_RECEIVED;
import static org.pstngw.sip.ua.UacPhase.Event.CANCEL_EXPIRED;
import static org.pstngw.sip.ua.UacPhase.Event.DIALOG_BROKEN;
import static org.pstngw.sip.ua.UacPhase.Event.DIALOG_GONE;
import static org.pstngw.sip.ua.UacPhase.Event.FAILURE;
import static org.pstngw.sip.ua.UacPhase.Event.HANGUP;
import static org.pstngw.sip.ua.UacPhase.Event.PROVISIONAL;
import static org.pstngw.sip.ua.UacPhase.Event.REJECTION;
import static org.pstngw.sip.ua.UacPhase.Event.TIMER_C;
import static org.pstngw.sip.ua.UacPhase.Event.TRYING;

import org.pstngw.sip.transaction.TransitionTable;

/**
 * Where an outgoing call stands, as the UAC core sees its INVITE (RFC 3261 13.2.2, 9.1 for CANCEL, 16.6 for timer C,
 * 15 for BYE): the phases, and the transitions between them as data. An event without a transition in the current
 * phase is absorbed.
 *
 * <pre>
 * phase            event              next             actions
 * CALLING          TRYING (100)       PROCEEDING       -
 *                  PROVISIONAL (18x)  PROCEEDING       restart timer C, report
 *                  ANSWER (first 2xx) CONFIRMED        ACK, report
 *                  REJECTION (3-6xx)  ENDED            end, report
 *                  FAILURE (B, xport) ENDED            end, report 408/503
 *                  HANGUP             CANCEL_PENDING   - (9.1: no CANCEL before a provisional)
 *                  TIMER_C            ENDED            destroy INVITE, end, report 408
 * PROCEEDING       TRYING             PROCEEDING       -
 *                  PROVISIONAL        PROCEEDING       restart timer C, report
 *                  ANSWER             CONFIRMED        ACK, report
 *                  REJECTION/FAILURE  ENDED            end, report
 *                  HANGUP             CANCELLING       CANCEL (and its 64*T1 wait)
 *                  TIMER_C            TIMED_OUT        CANCEL, report 408
 * CANCEL_PENDING   TRYING/PROVISIONAL CANCELLING       CANCEL
 *                  ANSWER             RELEASING        ACK, BYE
 *                  REJECTION/FAILURE  ENDED            end, report, ended
 *                  TIMER_C            ENDED            destroy INVITE, end, report 408, ended
 * CANCELLING       ANSWER             RELEASING        ACK, BYE (the 2xx crossed the CANCEL)
 *                  REJECTION/FAILURE  ENDED            end, report (487), ended
 *                  CANCEL_EXPIRED     ENDED            destroy INVITE, end, report 487, ended
 * TIMED_OUT        ANSWER             DISCARDING       ACK, BYE
 *                  REJECTION/FAILURE  ENDED            end
 *                  CANCEL_EXPIRED     ENDED            destroy INVITE, end
 * CONFIRMED        HANGUP             RELEASING        BYE
 *                  BYE_RECEIVED       ENDED            end, report BYE
 *                  DIALOG_GONE (481)  ENDED            end, report failure
 *                  DIALOG_BROKEN      DISCARDING       BYE, report failure
 * RELEASING        BYE_DONE           ENDED            end, ended
 * DISCARDING       BYE_DONE           ENDED            end
 * </pre>
 *
 * "report" is the listener's callback for the event (onProvisional, onAnswered, onRejected, onBye, onFailure); "ended"
 * is onEnded, which follows every end of a call the application hung up.
 */
enum UacPhase {
    /** The INVITE is out, nothing came back yet. */
    CALLING,
    /** A provisional came back. */
    PROCEEDING,
    /** The application hung up before any provisional: the CANCEL waits for one (9.1). */
    CANCEL_PENDING,
    /** The application hung up: CANCEL sent, waiting for the INVITE's final response or 64*T1. */
    CANCELLING,
    /** Timer C fired: CANCEL sent and 408 reported; what still comes is cleaned up silently. */
    TIMED_OUT,
    /** Answered and ACKed: the session is up. */
    CONFIRMED,
    /** The application hung up: BYE sent, waiting for its final response. */
    RELEASING,
    /** BYE sent for a session the application no longer holds. */
    DISCARDING,
    ENDED;

    /** What happens to the call. */
    enum Event {
        TRYING,
        PROVISIONAL,
        ANSWER,
        REJECTION,
        FAILURE,
        HANGUP,
        TIMER_C,
        CANCEL_EXPIRED,
        BYE_RECEIVED,
        BYE_DONE,
        DIALOG_GONE,
        DIALOG_BROKEN
    }

    /** What a transition asks the call to do, in order. */
    enum Action {
        RESTART_TIMER_C,
        SEND_CANCEL,
        TERMINATE_INVITE,
        SEND_ACK,
        SEND_BYE,
        END,
        REPORT_PROVISIONAL,
        REPORT_ANSWERED,
        REPORT_REJECTED,
        REPORT_BYE,
        REPORT_FAILURE,
        REPORT_ENDED
    }

    static final TransitionTable<UacPhase, Event, Action> TABLE = TransitionTable.<UacPhase, Event, Action>builder(
                    UacPhase.class, Event.class)
            .on(CALLING, TRYING, PROCEEDING)
            .on(CALLING, PROVISIONAL, PROCEEDING, RESTART_TIMER_C, REPORT_PROVISIONAL)
            .on(CALLING, ANSWER, CONFIRMED, SEND_ACK, REPORT_ANSWERED)
            .on(CALLING, REJECTION, ENDED, END, REPORT_REJECTED)
            .on(CALLING, FAILURE, ENDED, END, REPORT_REJECTED)
            .on(CALLING, HANGUP, CANCEL_PENDING)
            .on(CALLING, TIMER_C, ENDED, TERMINATE_INVITE, END, REPORT_REJECTED)
            .on(PROCEEDING, TRYING, PROCEEDING)
            .on(PROCEEDING, PROVISIONAL, PROCEEDING, RESTART_TIMER_C, REPORT_PROVISIONAL)
            .on(PROCEEDING, ANSWER, CONFIRMED, SEND_ACK, REPORT_ANSWERED)
            .on(PROCEEDING, REJECTION, ENDED, END, REPORT_REJECTED)
            .on(PROCEEDING, FAILURE, ENDED, END, REPORT_REJECTED)
            .on(PROCEEDING, HANGUP, CANCELLING, SEND_CANCEL)
            .on(PROCEEDING, TIMER_C, TIMED_OUT, SEND_CANCEL, REPORT_REJECTED)
            .on(CANCEL_PENDING, TRYING, CANCELLING, SEND_CANCEL)
            .on(CANCEL_PENDING, PROVISIONAL, CANCELLING, SEND_CANCEL)
            .on(CANCEL_PENDING, ANSWER, RELEASING, SEND_ACK, SEND_BYE)
            .on(CANCEL_PENDING, REJECTION, ENDED, END, REPORT_REJECTED, REPORT_ENDED)
            .on(CANCEL_PENDING, FAILURE, ENDED, END, REPORT_REJECTED, REPORT_ENDED)
            .on(CANCEL_PENDING, TIMER_C, ENDED, TERMINATE_INVITE, END, REPORT_REJECTED, REPORT_ENDED)
            .on(CANCELLING, ANSWER, RELEASING, SEND_ACK, SEND_BYE)
            .on(CANCELLING, REJECTION, ENDED, END, REPORT_REJECTED, REPORT_ENDED)
            .on(CANCELLING, FAILURE, ENDED, END, REPORT_REJECTED, REPORT_ENDED)
            .on(CANCELLING, CANCEL_EXPIRED, ENDED, TERMINATE_INVITE, END, REPORT_REJECTED, REPORT_ENDED)
            .on(TIMED_OUT, ANSWER, DISCARDING, SEND_ACK, SEND_BYE)
            .on(TIMED_OUT, REJECTION, ENDED, END)
            .on(TIMED_OUT, FAILURE, ENDED, END)
            .on(TIMED_OUT, CANCEL_EXPIRED, ENDED, TERMINATE_INVITE, END)
            .on(CONFIRMED, HANGUP, RELEASING, SEND_BYE)
            .on(CONFIRMED, BYE_RECEIVED, ENDED, END, REPORT_BYE)
            .on(CONFIRMED, DIALOG_GONE, ENDED, END, REPORT_FAILURE)
            .on(CONFIRMED, DIALOG_BROKEN, DISCARDING, SEND_BYE, REPORT_FAILURE)
            .on(RELEASING, BYE_DONE, ENDED, END, REPORT_ENDED)
            .on(DISCARDING, BYE_DONE, ENDED, END)
            .build();

    /** Whether the INVITE may still get a first 2xx in this phase. */
    boolean beforeAnswer() {
        return this == CALLING
                || this == PROCEEDING
                || this == CANCEL_PENDING
                || this == CANCELLING
                || this == TIMED_OUT;
    }
}
