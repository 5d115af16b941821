package org.pstngw.tdm.pseudowire;

import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.SpanAlarms;

/**
 * How a pseudowire span turns its channels' frames into packet payloads and back: {@link SatopLine} (RFC 4553, the
 * whole framed line as a stream) or {@link CesopsnSlots} (RFC 5086, the configured timeslots, frame after frame). Frame
 * thread only, once per block: {@link #transmit} sends the packets the block's frames complete, {@link #receive} plays
 * the packets the block's frames need, {@link #updateAlarms} sets what the received side shows.
 */
sealed interface PwPayloadPath permits SatopLine, CesopsnSlots {
    /**
     * Takes {@code frames} frames from the channels and sends every packet they complete.
     *
     * @param failed our attachment circuit has failed (the L bit; the payload is all ones, or the simulated line)
     * @param line the simulated local line
     * @param receiving our receive side is free of alarms (else CESoPSN sends RDI in the M bits)
     */
    void transmit(int frames, boolean failed, LineCondition line, boolean receiving, long nowNanos);

    /** Gives the channels {@code frames} received frames, playing packets out of the jitter buffer as they are used. */
    void receive(int frames, long nowNanos);

    /**
     * Sets the alarms the received stream shows.
     *
     * @param noPackets no packets are played (filling, or the packet-loss state): LOS
     * @param farEndLoss the far end is in packet-loss state (R bit): RAI
     */
    void updateAlarms(SpanAlarms alarms, boolean noPackets, boolean farEndLoss);

    /** CRC errors found in the received line (SAToP; 0 for CESoPSN, which carries no framing). */
    long crcErrors();

    /** Framing errors found in the received line. */
    long framingErrors();

    /** CRC errors the far end reports (E1 E bits). */
    long remoteCrcErrors();
}
