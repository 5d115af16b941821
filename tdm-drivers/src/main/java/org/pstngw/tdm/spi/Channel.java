package org.pstngw.tdm.spi;

/**
 * A bearer channel: one 64 kbit/s timeslot carrying 8,000 G.711 bytes a second. Reads and writes never block and
 * allocate nothing; one thread reads and one thread writes (the media engine), the driver's frame thread is the other
 * side of both buffers. A DAHDI driver maps these onto read(2)/write(2) of {@code /dev/dahdi/channel} in blocks.
 */
public interface Channel {
    /** E1 timeslot (1-31) or T1 channel (1-24). */
    int timeslot();

    /** Companding law of the bytes read and written. */
    CompandingLaw law();

    /**
     * Copies up to {@code len} received bytes into {@code dst}.
     *
     * @return bytes copied, 0 when none are waiting
     */
    int read(byte[] dst, int off, int len);

    /**
     * Queues up to {@code len} bytes for transmission.
     *
     * @return bytes accepted; fewer than {@code len} when the transmit buffer is full (overrun)
     */
    int write(byte[] src, int off, int len);

    /** Received bytes waiting to be read. */
    int readable();

    /** Room left in the transmit buffer, in bytes. */
    int writable();

    /** Frames sent with the idle code because nothing had been written in time. */
    long underruns();

    /** Received bytes dropped because the reader did not keep up. */
    long overruns();
}
