package org.pstngw.tdm.spi;

/**
 * A signalling timeslot in HDLC mode (flags 0x7E, zero-bit stuffing, CRC-16/X.25 FCS), for MTP2 or an ISDN D channel.
 * Frames are given and returned without FCS; the driver adds and checks it. Non-blocking and allocation-free.
 */
public interface HdlcChannel {
    /** E1 timeslot or T1 channel carrying the HDLC stream. */
    int timeslot();

    /**
     * Queues one frame for transmission.
     *
     * @return false when the frame does not fit the transmit queue now (retry later) or is longer than {@link
     *     #maxFrameLength()}
     */
    boolean send(byte[] frame, int off, int len);

    /**
     * Takes the next received good frame (FCS checked and stripped).
     *
     * @return its length, or -1 when no frame is waiting
     * @throws IndexOutOfBoundsException when {@code dst} has less than {@link #maxFrameLength()} bytes from {@code off}
     */
    int receive(byte[] dst, int off);

    /** Longest frame (without FCS) this channel sends or accepts. */
    int maxFrameLength();

    /** Received frames dropped for a bad FCS. */
    long fcsErrors();

    /** Received frames aborted (seven ones), too long or not a whole number of octets. */
    long malformedFrames();
}
