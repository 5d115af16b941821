package org.pstngw.tdm.framing;

/**
 * G.706 B.2's parallel search, run by {@link E1Deframer} while the primary basic frame alignment carries the traffic
 * and no CRC-4 multiframe has been found on it: look for another basic frame alignment (FAS, NFAS with bit 2 = 1,
 * FAS, at a frame phase other than the primary's), starting just after the primary's last FAS, then for a CRC-4
 * multiframe on it (two MFAS 2 ms or a multiple apart) within 8 ms; give up on an alignment after 8 ms or three bad
 * FAS and search on after it. Reads only TS0, through the deframer's stream. Allocation-free; one thread.
 */
final class ParallelAlignmentSearch {
    /** The received stream, by bit position. */
    @FunctionalInterface
    interface Stream {
        /** The 8 bits from {@code bitPos} (it and the next octet are in the stream). */
        int octet(long bitPos);
    }

    private static final int FRAME_BITS = E1Deframer.FRAME_BITS;

    private final Stream stream;
    private final int windowFrames;
    private long pos = -1;
    private boolean tracking;
    private boolean even;
    private int frames;
    private int oddSi;
    private int lastMfas;
    private int badFas;
    private long fasAt;

    /** @param windowFrames frames within which a multiframe must be found (64: 8 ms) */
    ParallelAlignmentSearch(Stream stream, int windowFrames) {
        this.stream = stream;
        this.windowFrames = windowFrames;
    }

    /** Starts searching at bit {@code from} (just after the primary alignment's last FAS). */
    void start(long from) {
        pos = from;
        tracking = false;
    }

    void stop() {
        pos = -1;
        tracking = false;
    }

    boolean active() {
        return pos >= 0;
    }

    /** The oldest bit position still needed (the deframer keeps its stream from there). */
    long position() {
        return pos;
    }

    /** The FAS position of the alignment that found a multiframe (valid after {@link #step} returned one). */
    long fasAt() {
        return fasAt;
    }

    /**
     * Searches and tracks with the stream's first {@code bits} bits.
     *
     * @param primaryPhase the primary alignment's frame phase (bit position modulo 256), never searched
     * @return the start of the frame after the one that completed a multiframe alignment (frame 12 of it), or -1
     */
    long step(long bits, long primaryPhase) {
        while (pos >= 0) {
            if (!tracking && !find(bits, primaryPhase)) {
                return -1;
            }
            while (tracking && pos + 16 <= bits) {
                int ts0 = stream.octet(pos);
                frames++;
                if (even) {
                    if ((ts0 & 0x7F) == E1Framer.FAS) {
                        badFas = 0;
                        fasAt = pos;
                    } else if (++badFas == 3) {
                        searchAfterFas();
                        break;
                    }
                } else {
                    oddSi = ((oddSi << 1) | (ts0 >>> 7)) & 0x3F;
                    if (oddSi == E1Framer.MFAS) {
                        int apart = frames - lastMfas;
                        if (lastMfas >= 0 && (apart & 15) == 0 && apart <= windowFrames) {
                            long next = pos + FRAME_BITS;
                            stop();
                            return next;
                        }
                        lastMfas = frames;
                    }
                }
                if (frames >= windowFrames) {
                    searchAfterFas();
                    break;
                }
                even = !even;
                pos += FRAME_BITS;
            }
            if (tracking) {
                return -1;
            }
        }
        return -1;
    }

    private boolean find(long bits, long primaryPhase) {
        long limit = bits - (2 * FRAME_BITS + 16);
        long p = pos;
        while (p <= limit && (Math.floorMod(p, FRAME_BITS) == primaryPhase || !basicAlignmentAt(p))) {
            p++;
        }
        if (p > limit) {
            pos = p;
            return false;
        }
        fasAt = p + 2 * FRAME_BITS;
        pos = p + 3 * FRAME_BITS;
        tracking = true;
        even = false;
        frames = 0;
        oddSi = 0;
        lastMfas = -1;
        badFas = 0;
        return true;
    }

    private boolean basicAlignmentAt(long p) {
        return (stream.octet(p) & 0x7F) == E1Framer.FAS
                && (stream.octet(p + FRAME_BITS) & 0x40) != 0
                && (stream.octet(p + 2 * FRAME_BITS) & 0x7F) == E1Framer.FAS;
    }

    private void searchAfterFas() {
        tracking = false;
        pos = fasAt + 1;
    }
}
