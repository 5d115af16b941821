package org.pstngw.tdm.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.pstngw.tdm.spi.Alarm;

/**
 * Receives E1 frames (32 octets, TS0 first) and runs the G.706 section 4.1/4.2 alignment procedures and the G.775
 * line alarms.
 *
 * <pre>
 * G.706 4.1.1  Loss of frame alignment: three consecutive incorrect frame alignment signals.
 * G.706 4.1.2  Recovery: (a) the FAS is present for the first time; (b) the next frame has no FAS, checked by bit 2
 *              of TS0 = 1; (c) the FAS is present again in the frame after. If (b) or (c) fails, the search starts
 *              again from the next frame.
 * G.706 4.2    CRC-4 multiframe alignment: at least two valid multiframe alignment signals 001011 located within
 *              8 ms, 2 ms (or a multiple) apart; if not found in 8 ms, the frame alignment is taken as spurious and
 *              the search restarts. 915 or more errored CRC-4 blocks out of 1000: false frame alignment, restart.
 * </pre>
 *
 * <pre>
 *  state          event                         next
 *  SEARCH         FAS                           CHECK_NFAS
 *  CHECK_NFAS     bit 2 = 1                     CHECK_FAS
 *  CHECK_NFAS     bit 2 = 0                     SEARCH
 *  CHECK_FAS      FAS                           ALIGNED (LOF cleared)
 *  CHECK_FAS      no FAS                        SEARCH
 *  ALIGNED        3rd consecutive bad FAS       SEARCH (LOF raised)
 *  ALIGNED        CRC-4: no MFAS pair in 8 ms   SEARCH
 *  ALIGNED        CRC-4: >= 915/1000 errored    SEARCH (LOF raised)
 * </pre>
 *
 * RAI is the A bit (bit 3 of NFAS) at 1 in three consecutive NFAS frames, cleared by three at 0. The input is taken
 * octet-aligned with TS0 in the first octet of each 32-octet frame (as loopback and the pseudowire deliver it); the
 * search is over the frame (even/odd) and multiframe phase, not over bit positions. Allocation-free; one thread.
 */
public final class E1Deframer {
    /** Alignment states of G.706 4.1. */
    public enum State {
        SEARCH,
        CHECK_NFAS,
        CHECK_FAS,
        ALIGNED
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MF_SEARCH_FRAMES = 64;

    private final boolean crc4;
    private final AlarmListener listener;
    private final LineMonitor line = new LineMonitor(256);
    private State state = State.SEARCH;
    private boolean lof = true;
    private boolean rai;
    private int raiCount;
    private boolean even;
    private int badFas;
    private boolean mfAligned;
    private boolean smfStarted;
    private int framesSinceAlign;
    private int oddSi;
    private int lastMfasAt = -1;
    private int frameNumber;
    private int crc;
    private int expectedCrc = -1;
    private int receivedC;
    private int blocks;
    private int erroredBlocks;
    private long frames;
    private long crcErrors;
    private long framingErrors;
    private long remoteCrcErrors;
    private int saBits = 0x1F;

    public E1Deframer(boolean crc4, AlarmListener listener) {
        this.crc4 = crc4;
        this.listener = listener;
    }

    /** Processes one received 32-octet frame. */
    public void frame(byte[] frame, int off) {
        frames++;
        int ones = Long.bitCount((long) LONGS.get(frame, off))
                + Long.bitCount((long) LONGS.get(frame, off + 8))
                + Long.bitCount((long) LONGS.get(frame, off + 16))
                + Long.bitCount((long) LONGS.get(frame, off + 24));
        line.frame(ones, state != State.SEARCH, listener);
        int ts0 = frame[off] & 0xFF;
        boolean fas = (ts0 & 0x7F) == E1Framer.FAS;
        switch (state) {
            case SEARCH -> {
                if (fas) {
                    state = State.CHECK_NFAS;
                }
            }
            case CHECK_NFAS -> state = (ts0 & 0x40) != 0 ? State.CHECK_FAS : State.SEARCH;
            case CHECK_FAS -> {
                if (fas) {
                    enterAligned();
                } else {
                    state = State.SEARCH;
                }
            }
            case ALIGNED -> inFrame(frame, off, ts0, fas);
        }
    }

    /** Processes {@code n} consecutive 32-octet frames. */
    public void frames(byte[] buffer, int off, int n) {
        for (int i = 0; i < n; i++) {
            frame(buffer, off + (i << 5));
        }
    }

    private void enterAligned() {
        state = State.ALIGNED;
        even = false;
        badFas = 0;
        mfAligned = false;
        framesSinceAlign = 0;
        lastMfasAt = -1;
        oddSi = 0;
        expectedCrc = -1;
        blocks = 0;
        erroredBlocks = 0;
        if (lof) {
            lof = false;
            listener.alarmChanged(Alarm.LOF, false);
        }
    }

    private void lost() {
        state = State.SEARCH;
        mfAligned = false;
        if (!lof) {
            lof = true;
            listener.alarmChanged(Alarm.LOF, true);
        }
        if (rai) {
            rai = false;
            listener.alarmChanged(Alarm.RAI, false);
        }
        raiCount = 0;
    }

    private void inFrame(byte[] frame, int off, int ts0, boolean fas) {
        if (even) {
            if (fas) {
                badFas = 0;
            } else {
                framingErrors++;
                if (++badFas == 3) {
                    lost();
                    return;
                }
            }
        } else {
            nfas(ts0);
        }
        if (crc4) {
            multiframe(frame, off, ts0);
            if (state != State.ALIGNED) {
                return;
            }
        }
        even = !even;
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
        framesSinceAlign++;
        int si = ts0 >>> 7;
        if (!mfAligned) {
            if (!even) {
                oddSi = ((oddSi << 1) | si) & 0x3F;
                if (oddSi == E1Framer.MFAS) {
                    if (lastMfasAt >= 0 && ((framesSinceAlign - lastMfasAt) & 15) == 0) {
                        mfAligned = true;
                        smfStarted = false;
                        expectedCrc = -1;
                    }
                    lastMfasAt = framesSinceAlign;
                }
            }
            if (mfAligned) {
                frameNumber = 12;
            } else if (framesSinceAlign >= MF_SEARCH_FRAMES) {
                lost();
            }
            return;
        }
        int f = frameNumber;
        if ((f & 7) == 0) {
            crc = 0;
            receivedC = 0;
            smfStarted = true;
        }
        crc = Crc4.update(crc, frame, off, 32);
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

    public State state() {
        return state;
    }

    /** Whether frame alignment is held. */
    public boolean aligned() {
        return state == State.ALIGNED;
    }

    /** Whether CRC-4 multiframe alignment is held. */
    public boolean multiframeAligned() {
        return state == State.ALIGNED && mfAligned;
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

    public long frames() {
        return frames;
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

    /** Sa4-Sa8 of the last NFAS received. */
    public int saBits() {
        return saBits;
    }
}
