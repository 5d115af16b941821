package org.pstngw.sip.transaction;

import static org.pstngw.sip.transaction.TxAction.Do.PASS_TO_TU;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TIMEOUT;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_REQUEST;
import static org.pstngw.sip.transaction.TxAction.Timer.backoff;
import static org.pstngw.sip.transaction.TxAction.Timer.resetT2;
import static org.pstngw.sip.transaction.TxAction.Timer.start;
import static org.pstngw.sip.transaction.TxAction.Timer.stop;
import static org.pstngw.sip.transaction.TxEvent.RECV_1XX;
import static org.pstngw.sip.transaction.TxEvent.RECV_2XX;
import static org.pstngw.sip.transaction.TxEvent.RECV_3XX_6XX;
import static org.pstngw.sip.transaction.TxEvent.TIMER_E;
import static org.pstngw.sip.transaction.TxEvent.TIMER_F;
import static org.pstngw.sip.transaction.TxEvent.TIMER_K;
import static org.pstngw.sip.transaction.TxEvent.TRANSPORT_ERROR;

import java.util.List;

/**
 * The non-INVITE client transaction, RFC 3261 figure 6.
 *
 * <pre>
 *                                    |Request from TU
 *                                    |send request
 *                Timer E             V
 *                send request  +-----------+
 *                    +---------|           |-------------------+
 *                    |         |  Trying   |  Timer F          |
 *                    +--------&gt;|           |  or Transport Err.|
 *                              +-----------+  inform TU        |
 *                 200-699         |  |                         |
 *                 resp. to TU     |  |1xx                      |
 *                 +---------------+  |resp. to TU              |
 *                 |                  |                         |
 *                 |   Timer E        V       Timer F           |
 *                 |   send req +-----------+ or Transport Err. |
 *                 |  +---------|           | inform TU         |
 *                 |  |         |Proceeding |------------------&gt;|
 *                 |  +--------&gt;|           |-----+             |
 *                 |            +-----------+     |1xx          |
 *                 |              |      ^        |resp to TU   |
 *                 | 200-699      |      +--------+             |
 *                 | resp. to TU  |                             |
 *                 |              |                             |
 *                 |              V                             |
 *                 |            +-----------+                   |
 *                 |            |           |                   |
 *                 |            | Completed |                   |
 *                 |            |           |                   |
 *                 |            +-----------+                   |
 *                 |              ^   |                         |
 *                 |              |   | Timer K                 |
 *                 +--------------+   | -                       |
 *                                    |                         |
 *                                    V                         |
 *              NOTE:           +-----------+                   |
 *                              |           |                   |
 *          transitions         | Terminated|&lt;------------------+
 *          labeled with        |           |
 *          the event           +-----------+
 *          over the action
 *          to take
 * </pre>
 */
public enum ClientNonInviteState {
    TRYING,
    PROCEEDING,
    COMPLETED,
    TERMINATED;

    /** Actions on creation, in Trying: send the request, start E (unreliable only) and F. */
    public static final List<TxAction> ON_START = List.of(SEND_REQUEST, start(TimerName.E), start(TimerName.F));

    public static final TransitionTable<ClientNonInviteState, TxEvent, TxAction> TABLE = TransitionTable.builder(
                    ClientNonInviteState.class)
            .on(TRYING, TIMER_E, TRYING, SEND_REQUEST, backoff(TimerName.E))
            .on(TRYING, TIMER_F, TERMINATED, REPORT_TIMEOUT)
            .on(TRYING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(TRYING, RECV_1XX, PROCEEDING, PASS_TO_TU)
            .on(TRYING, RECV_2XX, COMPLETED, stop(TimerName.E), stop(TimerName.F), PASS_TO_TU, start(TimerName.K))
            .on(TRYING, RECV_3XX_6XX, COMPLETED, stop(TimerName.E), stop(TimerName.F), PASS_TO_TU, start(TimerName.K))
            .on(PROCEEDING, TIMER_E, PROCEEDING, SEND_REQUEST, resetT2(TimerName.E))
            .on(PROCEEDING, TIMER_F, TERMINATED, REPORT_TIMEOUT)
            .on(PROCEEDING, TRANSPORT_ERROR, TERMINATED, REPORT_TRANSPORT_ERROR)
            .on(PROCEEDING, RECV_1XX, PROCEEDING, PASS_TO_TU)
            .on(PROCEEDING, RECV_2XX, COMPLETED, stop(TimerName.E), stop(TimerName.F), PASS_TO_TU, start(TimerName.K))
            .on(
                    PROCEEDING,
                    RECV_3XX_6XX,
                    COMPLETED,
                    stop(TimerName.E),
                    stop(TimerName.F),
                    PASS_TO_TU,
                    start(TimerName.K))
            .on(COMPLETED, TIMER_K, TERMINATED)
            .build();
}
