package org.pstngw.sip.transaction;

import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxAction.Do.RESEND_LAST_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Timer.start;
import static org.pstngw.sip.transaction.TxEvent.RECV_REQUEST;
import static org.pstngw.sip.transaction.TxEvent.TIMER_J;
import static org.pstngw.sip.transaction.TxEvent.TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxEvent.TU_1XX;
import static org.pstngw.sip.transaction.TxEvent.TU_2XX;
import static org.pstngw.sip.transaction.TxEvent.TU_3XX_6XX;

/**
 * The non-INVITE server transaction, RFC 3261 figure 8.
 *
 * <pre>
 *                                   |Request received
 *                                   |pass to TU
 *                                   V
 *                             +-----------+
 *                             |           |
 *                             | Trying    |-------------+
 *                             |           |             |
 *                             +-----------+             |200-699 from TU
 *                                   |                   |send response
 *                                   |1xx from TU        |
 *                                   |send response      |
 *                                   |                   |
 *                Request            V      1xx from TU  |
 *                send response+-----------+send response|
 *                    +--------|           |--------+    |
 *                    |        | Proceeding|        |    |
 *                    +-------&gt;|           |&lt;-------+    |
 *             +&lt;--------------|           |             |
 *             |Trnsprt Err    +-----------+             |
 *             |Inform TU            |                   |
 *             |                     |                   |
 *             |                     |200-699 from TU    |
 *             |                     |send response      |
 *             |  Request            V                   |
 *             |  send response+-----------+             |
 *             |      +--------|           |             |
 *             |      |        | Completed |&lt;------------+
 *             |      +-------&gt;|           |
 *             +&lt;--------------|           |
 *             |Trnsprt Err    +-----------+
 *             |Inform TU            |
 *             |                     |Timer J fires
 *             |                     |-
 *             |                     |
 *             |                     V
 *             |               +-----------+
 *             |               |           |
 *             +--------------&gt;| Terminated|
 *                             |           |
 *                             +-----------+
 * </pre>
 */
public enum ServerNonInviteState {
    TRYING,
    PROCEEDING,
    COMPLETED,
    TERMINATED;

    public static final TransitionTable<ServerNonInviteState, TxEvent, TxAction> TABLE = TransitionTable.builder(
                    ServerNonInviteState.class)
            .on(TRYING, TU_1XX, PROCEEDING, SEND_RESPONSE)
            .on(TRYING, TU_2XX, COMPLETED, SEND_RESPONSE, start(TimerName.J))
            .on(TRYING, TU_3XX_6XX, COMPLETED, SEND_RESPONSE, start(TimerName.J))
            .on(TRYING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(PROCEEDING, RECV_REQUEST, PROCEEDING, RESEND_LAST_RESPONSE)
            .on(PROCEEDING, TU_1XX, PROCEEDING, SEND_RESPONSE)
            .on(PROCEEDING, TU_2XX, COMPLETED, SEND_RESPONSE, start(TimerName.J))
            .on(PROCEEDING, TU_3XX_6XX, COMPLETED, SEND_RESPONSE, start(TimerName.J))
            .on(PROCEEDING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(COMPLETED, RECV_REQUEST, COMPLETED, RESEND_LAST_RESPONSE)
            .on(COMPLETED, TIMER_J, TERMINATED)
            .on(COMPLETED, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .build();
}
