package org.pstngw.tdm.spi;

/**
 * Counters of a span.
 *
 * @param framesSent 125 us frames transmitted
 * @param framesReceived 125 us frames received
 * @param crcErrors errored CRC-4 sub-multiframes (E1) or CRC-6 superframes (T1 ESF)
 * @param framingErrors frames whose alignment signal was wrong
 * @param remoteCrcErrors E bits received at 0 (errors reported by the far end, E1 CRC-4 only)
 */
public record SpanCounters(
        long framesSent, long framesReceived, long crcErrors, long framingErrors, long remoteCrcErrors) {}
