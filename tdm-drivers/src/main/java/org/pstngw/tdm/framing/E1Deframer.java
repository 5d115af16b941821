package org.pstngw.tdm.framing;

import java.util.Arrays;
import org.pstngw.tdm.spi.Alarm;

/**
 * Receives an E1 2048 kbit/s stream and runs the G.706 frame and CRC-4 multiframe alignment procedures and the G.775
 * line alarms. The stream is taken as octets in line order at any bit phase: the frame alignment signal is searched
 * at every bit position (a SAToP packet, or a line, need not start on a frame or an octet boundary), and the aligned
 * 32-octet frames (TS0 first) are handed out.
 *
 * <pre>
 * G.706 4.1.1  Loss of frame alignment: three consecutive incorrect frame alignment signals.
 * G.706 4.1.2  Recovery: (a) the FAS is present; (b) the next frame has no FAS, bit 2 of TS0 = 1; (c) the FAS is
 *              present again in the frame after. Searched at every bit position at once; the first position that
 *              passes all three is taken.
 * G.706 4.2    CRC-4 multiframe alignment: two multiframe alignment signals 001011 (bit 1 of frames 1-11 odd)
 *              found within 8 ms, 2 ms or a multiple apart. 915 or more errored CRC-4 blocks of 1000: false frame
 *              alignment, search again.
 * G.706 B.2    Interworking with equipment without CRC-4. A 400 ms timer starts with the primary basic frame
 *              alignment and is reset only by its loss (4.1.1). While no multiframe is found traffic flows on the
 *              primary alignment; each 8 ms without one starts a parallel search for another basic frame alignment,
 *              just after the current FAS position, without declaring LOF; a multiframe found on an alignment of
 *              that search replaces the primary. At 400 ms without a multiframe: no incoming CRC-4 multiframe is
 *              indicated ({@link Alarm#NO_CRC4_MULTIFRAME}), CRC-4 processing of the received signal stops, our E
 *              bits go out as 0 (the caller applies {@link #noCrc4Multiframe()} to its {@link E1Framer}), and the
 *              primary basic frame alignment is kept.
 * </pre>
 *
 * <pre>
 *  state     event                                               next
 *  SEARCH    FAS, NFAS bit 2 = 1, FAS at some bit position       ALIGNED (LOF cleared), CRC-4: SEARCHING
 *  ALIGNED   3rd consecutive bad FAS                             SEARCH (LOF raised), search from the next bit
 *  ALIGNED   CRC-4 ALIGNED: &gt;= 915 of 1000 blocks errored        SEARCH (LOF raised)
 *
 *  CRC-4     event                                               next
 *  SEARCHING two MFAS 2 ms (or a multiple) apart within 8 ms      ALIGNED (CRC-to-CRC)
 *  SEARCHING MFAS pair on a parallel-search alignment            ALIGNED, on that alignment
 *  SEARCHING 400 ms since primary alignment                      NOT_RECEIVED (CRC-to-non-CRC, indication on)
 *  any       loss of primary frame alignment                     SEARCHING again once aligned (indication off)
 * </pre>
 *
 * RAI is the A bit (bit 3 of NFAS) at 1 in three consecutive NFAS frames, cleared by three at 0. While frame
 * alignment is lost the frames handed out are all ones (AIS towards the channels). Allocation-free; one thread.
 */
public final class E1Deframer {
    /** Basic frame alignment states of G.706 4.1. */
    public enum State {
        SEARCH,
        ALIGNED
    }

    /** CRC-4 multiframe states of G.706 4.2 and Annex B. */
    public enum Crc4State {
        /** The span is configured without CRC-4. */
        OFF,
        /** Frame aligned, looking for the CRC-4 multiframe (the 400 ms timer runs). */
        SEARCHING,
        /** CRC-4 multiframe aligned: CRC-to-CRC operation, blocks checked, E bits counted. */
        ALIGNED,
        /** No multiframe within 400 ms: CRC-to-non-CRC interworking, CRC-4 checks off. */
        NOT_RECEIVED
    }

    /** Bits of one E1 frame. */
    public static final int FRAME_BITS = 256;

    private static final int RING = 4096;
    private static final int MASK = RING - 1;
    private static final int MF_WINDOW_FRAMES = 64;
    private static final int INTERWORKING_FRAMES = 3200;
    private static final byte[] ALL_ONES = new byte[32];

    static {
        Arrays.fill(ALL_ONES, (byte) 0xFF);
    }

    private final boolean crc4;
    private final AlarmListener listener;
    private final LineMonitor line;
    private final byte[] ring = new byte[RING];
    private final byte[] frameBuf = new byte[32];

    private long written;
    private long pos;
    private long frameStart;
    private long fasAt;
    private long emittedTo;
    private State state = State.SEARCH;
    private Crc4State crc4State;
    private boolean lof = true;
    private boolean rai;
    private int raiCount;
    private boolean even;
    private int badFas;
    private int saBits = 0x1F;

    private int framesSinceAlign;
    private int oddSi;
    private int lastMfasAt;
    private int mfWindowStart;
    private int frameNumber;
    private int crc;
    private int expectedCrc;
    private int receivedC;
    private boolean smfStarted;
    private int blocks;
    private int erroredBlocks;
    private boolean noCrc4Indicated;

    private final ParallelAlignmentSearch parallel = new ParallelAlignmentSearch(this::octet, MF_WINDOW_FRAMES);

    private byte[] out;
    private int outOff;
    private int outMax;
    private int outCount;

    private long crcErrors;
    private long framingErrors;
    private long remoteCrcErrors;
    private long realignments;
    private long outputOverruns;

    public E1Deframer(boolean crc4, AlarmListener listener) {
        this.crc4 = crc4;
        this.listener = listener;
        this.line = new LineMonitor(255, 2 * FRAME_BITS, listener);
        this.crc4State = crc4 ? Crc4State.SEARCHING : Crc4State.OFF;
    }

    /** Receives {@code len} octets of the stream (any bit phase), discarding the aligned frames. */
    public void receive(byte[] data, int off, int len) {
        receive(data, off, len, null, 0, 0);
    }

    /**
     * Receives {@code len} octets of the stream and writes the frames they complete to {@code out} (32 octets each,
     * TS0 first; all ones while frame alignment is lost), at most {@code maxFrames} (more are dropped and counted).
     *
     * @return frames written to {@code out}
     */
    public int receive(byte[] data, int off, int len, byte[] out, int outOff, int maxFrames) {
        this.out = out;
        this.outOff = outOff;
        this.outMax = out == null ? 0 : maxFrames;
        this.outCount = 0;
        line.bytes(data, off, len);
        int at = off;
        int left = len;
        while (left > 0) {
            long keep = parallel.active() ? Math.min(pos, parallel.position()) : pos;
            int room = RING - (int) (written - (keep >>> 3)) - 2;
            int n = Math.min(left, room);
            int w = (int) (written & MASK);
            int first = Math.min(n, RING - w);
            System.arraycopy(data, at, ring, w, first);
            System.arraycopy(data, at + first, ring, 0, n - first);
            written += n;
            at += n;
            left -= n;
            process();
        }
        this.out = null;
        return outCount;
    }

    /** Receives one 32-octet frame's worth of the stream. */
    public void frame(byte[] frame, int off) {
        receive(frame, off, 32, null, 0, 0);
    }

    /** Receives {@code n} frames' worth (32 octets each) of the stream. */
    public void frames(byte[] buffer, int off, int n) {
        receive(buffer, off, n << 5, null, 0, 0);
    }

    private void process() {
        long bits = written << 3;
        while (true) {
            if (state == State.SEARCH && !search(bits)) {
                emitAllOnesUpTo(pos);
                break;
            }
            while (state == State.ALIGNED && written > ((pos + FRAME_BITS - 1) >>> 3)) {
                frameStart = pos;
                pos += FRAME_BITS;
                int sh = (int) (frameStart & 7);
                int i = (int) ((frameStart >>> 3) & MASK);
                if (sh == 0 && i + 32 <= RING) {
                    inFrame(ring, i);
                } else {
                    extract(i, sh);
                    inFrame(frameBuf, 0);
                }
            }
            if (state == State.ALIGNED) {
                break;
            }
        }
        if (parallel.active()) {
            long next = parallel.step(bits, Math.floorMod(pos, FRAME_BITS));
            if (next >= 0) {
                realign(next, parallel.fasAt());
            }
        }
    }

    private void extract(int index, int sh) {
        for (int j = 0; j < 32; j++) {
            int hi = ring[(index + j) & MASK] & 0xFF;
            int lo = ring[(index + j + 1) & MASK] & 0xFF;
            frameBuf[j] = (byte) ((hi << sh) | (lo >>> (8 - sh)));
        }
    }

    /** The 8 bits from {@code bitPos} (its octet and the next must be written). */
    private int octet(long bitPos) {
        int i = (int) (bitPos >>> 3);
        int sh = (int) (bitPos & 7);
        int v = ((ring[i & MASK] & 0xFF) << 8) | (ring[(i + 1) & MASK] & 0xFF);
        return (v >>> (8 - sh)) & 0xFF;
    }

    private boolean isFas(long bitPos) {
        return (octet(bitPos) & 0x7F) == E1Framer.FAS;
    }

    /** G.706 4.1.2 at every bit position from {@code pos}; true when alignment was found. */
    private boolean search(long bits) {
        long limit = bits - (2 * FRAME_BITS + 16);
        for (long p = pos; p <= limit; p++) {
            if (isFas(p) && (octet(p + FRAME_BITS) & 0x40) != 0 && isFas(p + 2 * FRAME_BITS)) {
                fasAt = p + 2 * FRAME_BITS;
                enterAligned(p + 3 * FRAME_BITS);
                return true;
            }
        }
        pos = Math.max(pos, limit + 1);
        return false;
    }

    private void enterAligned(long nextFrame) {
        state = State.ALIGNED;
        pos = nextFrame;
        even = false;
        badFas = 0;
        framesSinceAlign = 0;
        resetMultiframeSearch();
        crc4State = crc4 ? Crc4State.SEARCHING : Crc4State.OFF;
        if (lof) {
            lof = false;
            listener.alarmChanged(Alarm.LOF, false);
        }
        line.framed(true);
        if (pos - emittedTo >= FRAME_BITS) {
            emitAllOnesUpTo(pos);
        }
    }

    private void resetMultiframeSearch() {
        oddSi = 0;
        lastMfasAt = -1;
        mfWindowStart = 0;
        expectedCrc = -1;
        blocks = 0;
        erroredBlocks = 0;
        parallel.stop();
    }

    private void lost() {
        state = State.SEARCH;
        pos = frameStart + 1;
        crc4State = crc4 ? Crc4State.SEARCHING : Crc4State.OFF;
        parallel.stop();
        line.framed(false);
        if (!lof) {
            lof = true;
            listener.alarmChanged(Alarm.LOF, true);
        }
        if (rai) {
            rai = false;
            listener.alarmChanged(Alarm.RAI, false);
        }
        raiCount = 0;
        if (noCrc4Indicated) {
            noCrc4Indicated = false;
            listener.alarmChanged(Alarm.NO_CRC4_MULTIFRAME, false);
        }
    }

    private void inFrame(byte[] frame, int off) {
        int ts0 = frame[off] & 0xFF;
        if (even) {
            if ((ts0 & 0x7F) == E1Framer.FAS) {
                badFas = 0;
                fasAt = frameStart;
            } else {
                framingErrors++;
                if (++badFas == 3) {
                    lost();
                    emitAllOnesUpTo(frameStart + FRAME_BITS);
                    return;
                }
            }
        } else {
            nfas(ts0);
        }
        if (crc4State != Crc4State.OFF) {
            multiframe(frame, off, ts0);
        }
        if (state == State.ALIGNED) {
            even = !even;
            emit(frame, off);
        }
    }

    private void nfas(int ts0) {
        saBits = ts0 & 0x1F;
        boolean a = (ts0 & 0x20) != 0;
        if (a != rai) {
            if (++raiCount == 3) {
                rai = a;
                raiCount = 0;
                listener.alarmChanged(Alarm.RAI, a);
            }
        } else {
            raiCount = 0;
        }
    }

    private void multiframe(byte[] frame, int off, int ts0) {
        int si = ts0 >>> 7;
        switch (crc4State) {
            case SEARCHING -> searchMultiframe(si);
            case ALIGNED -> checkCrc(frame, off, si);
            case NOT_RECEIVED, OFF -> {
                // G.706 B.2.2 b): CRC-4 processing of the received signal is inhibited.
            }
        }
    }

    private void searchMultiframe(int si) {
        framesSinceAlign++;
        if (!even) {
            oddSi = ((oddSi << 1) | si) & 0x3F;
            if (oddSi == E1Framer.MFAS) {
                int apart = framesSinceAlign - lastMfasAt;
                if (lastMfasAt >= 0 && (apart & 15) == 0 && apart <= MF_WINDOW_FRAMES) {
                    multiframeAligned(12);
                    return;
                }
                lastMfasAt = framesSinceAlign;
            }
        }
        if (framesSinceAlign >= INTERWORKING_FRAMES) {
            crc4State = Crc4State.NOT_RECEIVED;
            parallel.stop();
            noCrc4Indicated = true;
            listener.alarmChanged(Alarm.NO_CRC4_MULTIFRAME, true);
        } else if (framesSinceAlign - mfWindowStart >= MF_WINDOW_FRAMES) {
            mfWindowStart = framesSinceAlign;
            if (!parallel.active()) {
                parallel.start(fasAt + 1);
            }
        }
    }

    private void multiframeAligned(int nextFrameNumber) {
        crc4State = Crc4State.ALIGNED;
        frameNumber = nextFrameNumber;
        smfStarted = false;
        expectedCrc = -1;
        blocks = 0;
        erroredBlocks = 0;
        parallel.stop();
    }

    private void checkCrc(byte[] frame, int off, int si) {
        int f = frameNumber;
        if ((f & 7) == 0) {
            crc = 0;
            receivedC = 0;
            smfStarted = true;
        }
        crc = Crc4.frame(crc, frame, off);
        if ((f & 1) == 0) {
            receivedC = (receivedC << 1) | si;
            if (si != 0) {
                crc ^= Crc4.TS0_BIT1;
            }
        } else if (f >= 13 && si == 0) {
            remoteCrcErrors++;
        }
        if ((f & 7) == 6 && expectedCrc >= 0) {
            checkBlock(receivedC != expectedCrc);
        }
        if ((f & 7) == 7) {
            expectedCrc = smfStarted ? crc : -1;
        }
        frameNumber = (f + 1) & 15;
    }

    private void checkBlock(boolean errored) {
        if (errored) {
            crcErrors++;
            erroredBlocks++;
        }
        if (++blocks == 1000) {
            boolean falseAlignment = erroredBlocks >= 915;
            blocks = 0;
            erroredBlocks = 0;
            if (falseAlignment) {
                lost();
            }
        }
    }

    /** A multiframe was found on the parallel search's alignment: it replaces the primary (frame 12 comes next). */
    private void realign(long nextFrame, long fas) {
        realignments++;
        pos = nextFrame;
        fasAt = fas;
        even = true;
        badFas = 0;
        multiframeAligned(12);
        if (pos - emittedTo >= FRAME_BITS) {
            emitAllOnesUpTo(pos);
        }
        process();
    }

    private void emit(byte[] frame, int off) {
        long end = frameStart + FRAME_BITS;
        if (end <= emittedTo) {
            return;
        }
        emittedTo = end;
        if (out == null) {
            return;
        }
        if (outCount == outMax) {
            outputOverruns++;
            return;
        }
        System.arraycopy(frame, off, out, outOff + (outCount << 5), 32);
        outCount++;
    }

    private void emitAllOnesUpTo(long bitPos) {
        while (bitPos - emittedTo >= FRAME_BITS) {
            emittedTo += FRAME_BITS;
            if (out == null) {
                continue;
            }
            if (outCount == outMax) {
                outputOverruns++;
                continue;
            }
            System.arraycopy(ALL_ONES, 0, out, outOff + (outCount << 5), 32);
            outCount++;
        }
    }

    public State state() {
        return state;
    }

    /** Whether frame alignment is held. */
    public boolean aligned() {
        return state == State.ALIGNED;
    }

    public Crc4State crc4State() {
        return crc4State;
    }

    /** Whether CRC-4 multiframe alignment is held. */
    public boolean multiframeAligned() {
        return state == State.ALIGNED && crc4State == Crc4State.ALIGNED;
    }

    /** G.706 B.2.2: the far end sends no CRC-4 multiframe; the E bits we send should be 0. */
    public boolean noCrc4Multiframe() {
        return state == State.ALIGNED && crc4State == Crc4State.NOT_RECEIVED;
    }

    public boolean lof() {
        return lof;
    }

    public boolean los() {
        return line.los();
    }

    public boolean ais() {
        return line.ais();
    }

    public boolean rai() {
        return rai;
    }

    /** Whether any alarm that should make us send RAI to the far end is active (LOS, LOF, AIS). */
    public boolean shouldSendRai() {
        return lof || line.los() || line.ais();
    }

    /** Frames' worth of stream received (256 bits each). */
    public long frames() {
        return written >>> 5;
    }

    public long crcErrors() {
        return crcErrors;
    }

    public long framingErrors() {
        return framingErrors;
    }

    public long remoteCrcErrors() {
        return remoteCrcErrors;
    }

    /** Times a parallel-search alignment with a CRC-4 multiframe replaced the primary one. */
    public long realignments() {
        return realignments;
    }

    /** Frames dropped because the caller's output buffer was full. */
    public long outputOverruns() {
        return outputOverruns;
    }

    /** Sa4-Sa8 of the last NFAS received. */
    public int saBits() {
        return saBits;
    }
}
