package org.pstngw.tdm.spi;

/** Span alarms (G.775 / G.706 for E1, T1.231 for T1). */
public enum Alarm {
    /** Loss of signal: no pulses (all zeros) on the receive line. */
    LOS,
    /** Loss of frame alignment (red alarm). */
    LOF,
    /** Alarm indication signal: unframed all ones received (blue alarm). */
    AIS,
    /** Remote alarm indication: the far end reports it has lost us (A bit on E1, yellow alarm on T1). */
    RAI
}
