package org.pstngw.tdm.loopback;

/** What a loopback span puts on its (simulated) transmit line; used to exercise the far end's alarm detection. */
public enum LineCondition {
    /** Framed traffic from the channels. */
    NORMAL,
    /** No signal: all zeros (the far end declares LOS). */
    CUT,
    /** Unframed all ones (the far end declares AIS). */
    AIS
}
