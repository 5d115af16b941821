package org.pstngw.tdm.spi;

/**
 * The condition of a simulated line, for drivers without hardware: what a loopback span puts on its transmit line,
 * or what a pseudowire span's local attachment circuit delivers (a pseudowire then sets the L bit). Exercises the far
 * end's alarm detection.
 */
public enum LineCondition {
    /** Framed traffic from the channels. */
    NORMAL,
    /** No signal: all zeros (the far end declares LOS; a pseudowire signals a local failure). */
    CUT,
    /** Unframed all ones (the far end declares AIS; a pseudowire signals a local failure). */
    AIS
}
