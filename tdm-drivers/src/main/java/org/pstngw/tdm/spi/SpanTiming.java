package org.pstngw.tdm.spi;

/**
 * What paces a span's 125 us frames, and so the media loop that serves its channels. A span hands each block it
 * moved to its {@link Span#setFrameListener frame listener} on the driver's frame thread: a media engine that runs
 * its loop from that callback follows the span's own timing, whichever this is.
 */
public enum SpanTiming {
    /** The driver's frame clock (the local oscillator through the real frame clock): exactly 8,000 frames a second. */
    FRAME_CLOCK,
    /**
     * The driver's frame clock steered to the far end's rate, recovered from the line (a pseudowire with clock
     * source line and adaptive clock recovery): now and then a block carries one frame more or fewer than the clock
     * delivered.
     */
    RECOVERED,
    /** The card's own clock: blocks come as the hardware completes them (a DAHDI span). */
    HARDWARE
}
