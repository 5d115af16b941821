package org.pstngw.sip.transaction;

import static org.pstngw.sip.transaction.TxAction.Do.PASS_TO_TU;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TIMEOUT;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_ACK;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_REQUEST;
import static org.pstngw.sip.transaction.TxAction.Timer.backoff;
import static org.pstngw.sip.transaction.TxAction.Timer.start;
import static org.pstngw.sip.transaction.TxAction.Timer.stop;
import static org.pstngw.sip.transaction.TxEvent.RECV_1XX;
import static org.pstngw.sip.transaction.TxEvent.RECV_2XX;
import static org.pstngw.sip.transaction.TxEvent.RECV_3XX_6XX;
import static org.pstngw.sip.transaction.TxEvent.TIMER_A;
import static org.pstngw.sip.transaction.TxEvent.TIMER_B;
import static org.pstngw.sip.transaction.TxEvent.TIMER_D;
import static org.pstngw.sip.transaction.TxEvent.TIMER_M;
import static org.pstngw.sip.transaction.TxEvent.TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxEvent.TU_ABANDON;

import java.util.List;

/**
 * The INVITE client transaction, RFC 3261 figure 5 as updated by RFC 6026 figure 3 (the Accepted state).
 *
 * <pre>
 *                                |INVITE from TU
 *              Timer A fires     |INVITE sent
 *              Reset A,          V                      Timer B fires
 *              INVITE sent +-----------+                or Transport Err.
 *                +---------|           |---------------+inform TU
 *                |         |  Calling  |               |
 *                +--------&gt;|           |--------------&gt;|
 *                          +-----------+ 2xx           |
 *                             |  |       2xx to TU     |
 *                             |  |1xx                  |
 *     300-699 +---------------+  |1xx to TU            |
 *    ACK sent |                  |                     |
 * resp. to TU |  1xx             V                     |
 *             |  1xx to TU  -----------+               |
 *             |  +---------|           |               |
 *             |  |         |Proceeding |--------------&gt;|
 *             |  +--------&gt;|           | 2xx           |
 *             |            +-----------+ 2xx to TU     |
 *             |       300-699    |                     |
 *             |       ACK sent,  |                     |
 *             |       resp. to TU|                     |
 *             |                  |                     |
 *             |                  V                     |
 *             |            +-----------+               |
 *             +-----------&gt;|           |               |
 *               300-699    | Completed |               |
 *               ACK sent   |           |               |
 *                          +-----------+               |
 *                            ^   |                     |
 *                            |   | Timer D fires       |
 *                            +---+ -                   |
 *                                V                     |
 *                          +-----------+               |
 *                          | Terminated|&lt;--------------+
 *                          +-----------+
 * </pre>
 *
 * RFC 6026 replaces "2xx to TU" into Terminated by a move to Accepted, where further 2xx are passed to the TU until
 * timer M (64*T1) fires. And the TU may abandon the INVITE while it is Calling or Proceeding (9.1: no final response
 * 64*T1 after its CANCEL): the transaction is then destroyed without further action.
 */
public enum ClientInviteState {
    CALLING,
    PROCEEDING,
    COMPLETED,
    ACCEPTED,
    TERMINATED;

    /** Actions on creation, in Calling: send the INVITE, start A (unreliable only) and B. */
    public static final List<TxAction> ON_START = List.of(SEND_REQUEST, start(TimerName.A), start(TimerName.B));

    public static final TransitionTable<ClientInviteState, TxEvent, TxAction> TABLE = TransitionTable.builder(
                    ClientInviteState.class)
            .on(CALLING, TIMER_A, CALLING, SEND_REQUEST, backoff(TimerName.A))
            .on(CALLING, TIMER_B, TERMINATED, REPORT_TIMEOUT)
            .on(CALLING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(CALLING, RECV_1XX, PROCEEDING, stop(TimerName.A), stop(TimerName.B), PASS_TO_TU)
            .on(CALLING, RECV_2XX, ACCEPTED, stop(TimerName.A), stop(TimerName.B), PASS_TO_TU, start(TimerName.M))
            .on(
                    CALLING,
                    RECV_3XX_6XX,
                    COMPLETED,
                    stop(TimerName.A),
                    stop(TimerName.B),
                    PASS_TO_TU,
                    SEND_ACK,
                    start(TimerName.D))
            .on(PROCEEDING, RECV_1XX, PROCEEDING, PASS_TO_TU)
            .on(PROCEEDING, RECV_2XX, ACCEPTED, PASS_TO_TU, start(TimerName.M))
            .on(PROCEEDING, RECV_3XX_6XX, COMPLETED, PASS_TO_TU, SEND_ACK, start(TimerName.D))
            .on(PROCEEDING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(CALLING, TU_ABANDON, TERMINATED)
            .on(PROCEEDING, TU_ABANDON, TERMINATED)
            .on(COMPLETED, RECV_3XX_6XX, COMPLETED, SEND_ACK)
            .on(COMPLETED, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(COMPLETED, TIMER_D, TERMINATED)
            .on(ACCEPTED, RECV_2XX, ACCEPTED, PASS_TO_TU)
            .on(ACCEPTED, TIMER_M, TERMINATED)
            .build();
}
