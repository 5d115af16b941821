package org.pstngw.tdm.spi;

/** Where a span takes its transmit timing from. */
public enum ClockSource {
    /** Recovered from the received line signal (the usual setting towards a carrier). */
    LINE,
    /** The local oscillator (the span is the timing master). */
    INTERNAL
}
