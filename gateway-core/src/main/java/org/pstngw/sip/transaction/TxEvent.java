package org.pstngw.sip.transaction;

/** The inputs of the four transaction state machines of RFC 3261 section 17: messages, TU requests, timer expiries. */
public enum TxEvent {
    /** A 1xx response received (client). */
    RECV_1XX,
    /** A 2xx response received (client). */
    RECV_2XX,
    /** A 300-699 response received (client). */
    RECV_3XX_6XX,
    /** A retransmission of the request received (server). */
    RECV_REQUEST,
    /** An ACK for this INVITE received (server INVITE). */
    RECV_ACK,
    /** The TU passes a 1xx to send (server). */
    TU_1XX,
    /** The TU passes a 2xx to send (server). */
    TU_2XX,
    /** The TU passes a 300-699 to send (server). */
    TU_3XX_6XX,
    /** The transport layer reported a fatal error on a send. */
    TRANSPORT_ERROR,
    /**
     * The TU gives the INVITE up (client INVITE): RFC 3261 9.1, no final response 64*T1 after its CANCEL, "the client
     * SHOULD then consider the original transaction cancelled and SHOULD destroy the client transaction".
     */
    TU_ABANDON,
    TIMER_A,
    TIMER_B,
    TIMER_D,
    TIMER_E,
    TIMER_F,
    TIMER_G,
    TIMER_H,
    TIMER_I,
    TIMER_J,
    TIMER_K,
    TIMER_L,
    TIMER_M,
    /** The 200 ms of section 17.2.1 passed without a provisional from the TU: send 100 Trying. */
    TIMER_TRYING;

    /** The event for a received response of {@code status}. */
    public static TxEvent received(int status) {
        if (status < 200) {
            return RECV_1XX;
        }
        return status < 300 ? RECV_2XX : RECV_3XX_6XX;
    }

    /** The event for a response of {@code status} the TU asks to send. */
    public static TxEvent fromTu(int status) {
        if (status < 200) {
            return TU_1XX;
        }
        return status < 300 ? TU_2XX : TU_3XX_6XX;
    }
}
