package org.pstngw.tdm.spi;

/**
 * The kind of a span: E1 (G.704, 2048 kbit/s, 32 timeslots of which TS0 carries framing) or T1 (1544 kbit/s, 24
 * channels plus one framing bit per 193-bit frame).
 */
public enum SpanType {
    /** 32 timeslots of 8 bits per 125 us frame; TS0 is framing, TS1-TS31 carry traffic (TS16 often signalling). */
    E1(32, 1, 31, 256, CompandingLaw.A_LAW),
    /** 24 channels of 8 bits plus one F bit per 125 us frame; channels are numbered 1-24. */
    T1(24, 1, 24, 193, CompandingLaw.MU_LAW);

    private final int bytesPerFrame;
    private final int firstTimeslot;
    private final int lastTimeslot;
    private final int bitsPerFrame;
    private final CompandingLaw defaultLaw;

    SpanType(int bytesPerFrame, int firstTimeslot, int lastTimeslot, int bitsPerFrame, CompandingLaw defaultLaw) {
        this.bytesPerFrame = bytesPerFrame;
        this.firstTimeslot = firstTimeslot;
        this.lastTimeslot = lastTimeslot;
        this.bitsPerFrame = bitsPerFrame;
        this.defaultLaw = defaultLaw;
    }

    /**
     * Octets of one frame in the "whole span frame" layout: E1 = TS0..TS31 (32), T1 = channels 1..24 (24, the F bit
     * travels beside them).
     */
    public int bytesPerFrame() {
        return bytesPerFrame;
    }

    /** Lowest timeslot/channel number that may carry a channel. */
    public int firstTimeslot() {
        return firstTimeslot;
    }

    /** Highest timeslot/channel number that may carry a channel. */
    public int lastTimeslot() {
        return lastTimeslot;
    }

    /** Bits on the line per 125 us frame: 256 for E1, 193 for T1. */
    public int bitsPerFrame() {
        return bitsPerFrame;
    }

    /** G.711 law used when the configuration names none: A-law on E1, mu-law on T1. */
    public CompandingLaw defaultLaw() {
        return defaultLaw;
    }

    /**
     * Index of a timeslot/channel in the whole-frame layout (E1: the timeslot itself, T1: channel - 1).
     *
     * @param timeslot a number between {@link #firstTimeslot()} and {@link #lastTimeslot()}
     */
    public int frameIndex(int timeslot) {
        return this == E1 ? timeslot : timeslot - 1;
    }
}
