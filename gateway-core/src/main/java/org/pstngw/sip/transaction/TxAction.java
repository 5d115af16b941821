package org.pstngw.sip.transaction;

/** What a transition asks the transaction to do, in order. */
public sealed interface TxAction permits TxAction.Do, TxAction.Timer {

    /** Message and TU actions. */
    enum Do implements TxAction {
        /** (Re)transmit the request (client). */
        SEND_REQUEST,
        /** Pass the received response (client) or ACK (server, Accepted state) up to the TU. */
        PASS_TO_TU,
        /** Build and send the ACK for the non-2xx final response (client INVITE, 17.1.1.3). */
        SEND_ACK,
        /** Send the response the TU passed and remember it as the last response (server). */
        SEND_RESPONSE,
        /** Retransmit the last response sent (server). */
        RESEND_LAST_RESPONSE,
        /** Send 100 Trying (server INVITE, 17.2.1). */
        SEND_TRYING,
        /** Tell the TU the transaction timed out (timer B, F or H). */
        REPORT_TIMEOUT,
        /** Tell the TU a send failed. */
        REPORT_TRANSPORT_ERROR
    }

    /** Timer actions. */
    record Timer(Kind kind, TimerName timer) implements TxAction {
        /** Start (or restart) with the timer's initial value. */
        public static Timer start(TimerName t) {
            return new Timer(Kind.START, t);
        }

        /** Restart with the last interval doubled (timer A), capped at T2 (timers E, G). */
        public static Timer backoff(TimerName t) {
            return new Timer(Kind.BACKOFF, t);
        }

        /** Restart with T2 (timer E in the non-INVITE Proceeding state). */
        public static Timer resetT2(TimerName t) {
            return new Timer(Kind.RESET_T2, t);
        }

        /** Cancel. */
        public static Timer stop(TimerName t) {
            return new Timer(Kind.STOP, t);
        }
    }

    /** How a timer action treats its timer. */
    enum Kind {
        START,
        BACKOFF,
        RESET_T2,
        STOP
    }
}
