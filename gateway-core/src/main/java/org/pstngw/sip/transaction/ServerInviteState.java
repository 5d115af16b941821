package org.pstngw.sip.transaction;

import static org.pstngw.sip.transaction.TxAction.Do.PASS_TO_TU;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TIMEOUT;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxAction.Do.RESEND_LAST_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_TRYING;
import static org.pstngw.sip.transaction.TxAction.Timer.backoff;
import static org.pstngw.sip.transaction.TxAction.Timer.start;
import static org.pstngw.sip.transaction.TxAction.Timer.stop;
import static org.pstngw.sip.transaction.TxEvent.RECV_ACK;
import static org.pstngw.sip.transaction.TxEvent.RECV_REQUEST;
import static org.pstngw.sip.transaction.TxEvent.TIMER_G;
import static org.pstngw.sip.transaction.TxEvent.TIMER_H;
import static org.pstngw.sip.transaction.TxEvent.TIMER_I;
import static org.pstngw.sip.transaction.TxEvent.TIMER_L;
import static org.pstngw.sip.transaction.TxEvent.TIMER_TRYING;
import static org.pstngw.sip.transaction.TxEvent.TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxEvent.TU_1XX;
import static org.pstngw.sip.transaction.TxEvent.TU_2XX;
import static org.pstngw.sip.transaction.TxEvent.TU_3XX_6XX;

/**
 * The INVITE server transaction, RFC 3261 figure 7 as updated by RFC 6026 figure 5 (the Accepted state).
 *
 * <pre>
 *                                |INVITE
 *                                |pass INV to TU
 *             INVITE             V send 100 if TU won't in 200ms
 *             send response+-----------+
 *                 +--------|           |--------+101-199 from TU
 *                 |        | Proceeding|        |send response
 *                 +-------&gt;|           |&lt;-------+
 *                          |           |          Transport Err.
 *                          |           |          Inform TU
 *                          |           |---------------&gt;+
 *                          +-----------+                |
 *             300-699 from TU |     |2xx from TU        |
 *             send response   |     |send response      |
 *                             |     +------------------&gt;+
 *                             |                         |
 *             INVITE          V          Timer G fires  |
 *             send response+-----------+ send response  |
 *                 +--------|           |--------+       |
 *                 |        | Completed |        |       |
 *                 +-------&gt;|           |&lt;-------+       |
 *                          +-----------+                |
 *                             |     |                   |
 *                         ACK |     |                   |
 *                         -   |     +------------------&gt;+
 *                             |        Timer H fires    |
 *                             V        or Transport Err.|
 *                          +-----------+  Inform TU     |
 *                          |           |                |
 *                          | Confirmed |                |
 *                          |           |                |
 *                          +-----------+                |
 *                                |                      |
 *                                |Timer I fires         |
 *                                |-                     |
 *                                |                      |
 *                                V                      |
 *                          +-----------+                |
 *                          |           |                |
 *                          | Terminated|&lt;---------------+
 *                          |           |
 *                          +-----------+
 * </pre>
 *
 * RFC 6026 sends "2xx from TU" to Accepted instead of Terminated: there retransmitted INVITEs are absorbed, further
 * 2xx from the TU (its retransmissions, 13.3.1.4) are sent, ACKs are passed to the TU, until timer L (64*T1).
 */
public enum ServerInviteState {
    PROCEEDING,
    COMPLETED,
    CONFIRMED,
    ACCEPTED,
    TERMINATED;

    public static final TransitionTable<ServerInviteState, TxEvent, TxAction> TABLE = TransitionTable.builder(
                    ServerInviteState.class)
            .on(PROCEEDING, RECV_REQUEST, PROCEEDING, RESEND_LAST_RESPONSE)
            .on(PROCEEDING, TIMER_TRYING, PROCEEDING, SEND_TRYING)
            .on(PROCEEDING, TU_1XX, PROCEEDING, stop(TimerName.TRYING), SEND_RESPONSE)
            .on(PROCEEDING, TU_2XX, ACCEPTED, stop(TimerName.TRYING), SEND_RESPONSE, start(TimerName.L))
            .on(
                    PROCEEDING,
                    TU_3XX_6XX,
                    COMPLETED,
                    stop(TimerName.TRYING),
                    SEND_RESPONSE,
                    start(TimerName.G),
                    start(TimerName.H))
            .on(PROCEEDING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(COMPLETED, RECV_REQUEST, COMPLETED, RESEND_LAST_RESPONSE)
            .on(COMPLETED, TIMER_G, COMPLETED, RESEND_LAST_RESPONSE, backoff(TimerName.G))
            .on(COMPLETED, TIMER_H, TERMINATED, REPORT_TIMEOUT)
            .on(COMPLETED, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(COMPLETED, RECV_ACK, CONFIRMED, stop(TimerName.G), stop(TimerName.H), start(TimerName.I))
            .on(CONFIRMED, TIMER_I, TERMINATED)
            .on(ACCEPTED, RECV_ACK, ACCEPTED, PASS_TO_TU)
            .on(ACCEPTED, TU_2XX, ACCEPTED, SEND_RESPONSE)
            .on(ACCEPTED, TIMER_L, TERMINATED)
            .build();
}
