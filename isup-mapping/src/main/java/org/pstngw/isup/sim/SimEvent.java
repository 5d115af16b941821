package org.pstngw.isup.sim;

import org.pstngw.sipi.isup.IsupMessageType;

/**
 * One thing the simulated exchange did or saw, in order.
 *
 * @param seq position in the log, from 1
 * @param kind what happened
 * @param type the ISUP message type (of the message a timer belongs to, for {@link Kind#TIMEOUT})
 * @param cic the circuit
 * @param cause the cause value of a REL, -1 otherwise
 * @param detail the jSS7 timer (T1, T7, ...) for timeouts, the reason for failures, empty otherwise
 */
public record SimEvent(long seq, Kind kind, IsupMessageType type, int cic, int cause, String detail) {

    /** What happened. */
    public enum Kind {
        RECEIVED,
        SENT,
        /** One of the exchange's call timers ran out: T7, T8 or T35 ({@link #detail()} names it). */
        TIMEOUT,
        SEND_FAILED
    }

    public boolean is(Kind k, IsupMessageType t, int circuit) {
        return kind == k && type.equals(t) && cic == circuit;
    }

    @Override
    public String toString() {
        return "#" + seq + " " + kind + " " + type + " CIC " + cic + (cause >= 0 ? " cause " + cause : "")
                + (detail.isEmpty() ? "" : " " + detail);
    }
}
