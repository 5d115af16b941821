package org.pstngw.tdm.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.SpanType;

/**
 * Receives T1 frames (F bit plus 24 channel octets) and keeps superframe alignment.
 *
 * <pre>
 *  state     event                                                      next
 *  SEARCH    the last 2 superframes' alignment bits match (ESF: FPS      ALIGNED (LOF cleared)
 *            001011 twice, 48 frames; D4: 100011011100 twice)
 *  ALIGNED   2 errored alignment bits among the last 4 checked           SEARCH (LOF raised)
 *            (ESF: FPS bits; D4: Ft bits)
 * </pre>
 *
 * ESF: the CRC-6 of each superframe (F bits as 1) is compared with C1..C6 received in the next; yellow alarm (RAI) is
 * the data-link pattern 11111111 00000000 held for 32 bits, cleared after 16 bits without it. D4: RAI is bit 2 at 0
 * in every channel for 48 frames, cleared after 48 frames without. LOS/AIS as {@link LineMonitor}. The input is
 * frame-aligned (one F bit and 24 octets per call); the search is over the superframe phase. Allocation-free.
 */
public final class T1Deframer {
    /** Alignment states. */
    public enum State {
        SEARCH,
        ALIGNED
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int ESF_MASK = 0x111111;
    private static final int ESF_VALUE = 0x001011;
    private static final int YELLOW_FRAMES = 48;

    private final boolean esf;
    private final AlarmListener listener;
    private final LineMonitor line = new LineMonitor(193);
    private State state = State.SEARCH;
    private boolean lof = true;
    private boolean rai;
    private long history;
    private int index;
    private int checks;
    private int crc;
    private int expectedCrc = -1;
    private int receivedC;
    private int fdl;
    private int yellowRun;
    private int clearRun;
    private long frames;
    private long crcErrors;
    private long framingErrors;

    public T1Deframer(Framing framing, AlarmListener listener) {
        if (framing.spanType() != SpanType.T1) {
            throw new IllegalArgumentException("not a T1 framing: " + framing);
        }
        this.esf = framing == Framing.T1_ESF;
        this.listener = listener;
    }

    /** Processes one frame: its F bit and 24 channel octets. */
    public void frame(int fbit, byte[] payload, int off) {
        frames++;
        int ones = fbit
                + Long.bitCount((long) LONGS.get(payload, off))
                + Long.bitCount((long) LONGS.get(payload, off + 8))
                + Long.bitCount((long) LONGS.get(payload, off + 16));
        line.frame(ones, state != State.SEARCH, listener);
        history = (history << 1) | fbit;
        switch (state) {
            case SEARCH -> search();
            case ALIGNED -> {
                if (esf) {
                    esfFrame(fbit, payload, off);
                } else {
                    d4Frame(fbit, payload, off);
                }
            }
        }
    }

    private void search() {
        boolean found;
        if (esf) {
            found = (history & ESF_MASK) == ESF_VALUE && ((history >>> 24) & ESF_MASK) == ESF_VALUE;
        } else {
            found = (history & 0xFFF) == T1Framer.D4_PATTERN && ((history >>> 12) & 0xFFF) == T1Framer.D4_PATTERN;
        }
        if (!found) {
            return;
        }
        state = State.ALIGNED;
        index = 0;
        checks = 0;
        expectedCrc = -1;
        if (lof) {
            lof = false;
            listener.alarmChanged(Alarm.LOF, false);
        }
    }

    private void alignmentBit(boolean good) {
        checks = ((checks << 1) | (good ? 0 : 1)) & 0xF;
        if (!good) {
            framingErrors++;
        }
        if (Integer.bitCount(checks) >= 2) {
            state = State.SEARCH;
            history = 0;
            if (!lof) {
                lof = true;
                listener.alarmChanged(Alarm.LOF, true);
            }
            setRai(false);
        }
    }

    private void esfFrame(int fbit, byte[] payload, int off) {
        int n = index + 1;
        if (index == 0) {
            crc = 0;
            receivedC = 0;
        }
        crc = Crc6.update(Crc6.updateBit(crc, 1), payload, off, 24);
        if ((n & 3) == 0) {
            alignmentBit(fbit == ((T1Framer.ESF_FPS >>> (6 - (n >>> 2))) & 1));
        } else if ((n & 3) == 2) {
            receivedC = (receivedC << 1) | fbit;
        } else {
            fdlBit(fbit);
        }
        if (n == 22 && expectedCrc >= 0 && receivedC != expectedCrc) {
            crcErrors++;
        }
        if (n == 24) {
            expectedCrc = crc;
        }
        index = n == 24 ? 0 : n;
    }

    private void fdlBit(int bit) {
        fdl = ((fdl << 1) | bit) & 0xFFFF;
        boolean yellow = isYellowRotation(fdl);
        if (yellow) {
            clearRun = 0;
            if (!rai && ++yellowRun >= 16) {
                setRai(true);
            }
        } else {
            yellowRun = 0;
            if (rai && ++clearRun >= 16) {
                setRai(false);
            }
        }
    }

    /** Whether a 16-bit window is a rotation of 11111111 00000000: eight ones in one cyclic run. */
    private static boolean isYellowRotation(int window) {
        int rotated = ((window << 1) | (window >>> 15)) & 0xFFFF;
        return Integer.bitCount(window) == 8 && Integer.bitCount(window ^ rotated) == 2;
    }

    private void d4Frame(int fbit, byte[] payload, int off) {
        int n = index + 1;
        if ((n & 1) == 1) {
            alignmentBit(fbit == ((T1Framer.D4_PATTERN >>> (12 - n)) & 1));
        } else if (fbit != ((T1Framer.D4_PATTERN >>> (12 - n)) & 1)) {
            framingErrors++;
        }
        if (state != State.ALIGNED) {
            return;
        }
        long bit2 = 0x4040404040404040L;
        boolean yellow = ((long) LONGS.get(payload, off) & bit2) == 0
                && ((long) LONGS.get(payload, off + 8) & bit2) == 0
                && ((long) LONGS.get(payload, off + 16) & bit2) == 0;
        if (yellow) {
            clearRun = 0;
            if (!rai && ++yellowRun >= YELLOW_FRAMES) {
                setRai(true);
            }
        } else {
            yellowRun = 0;
            if (rai && ++clearRun >= YELLOW_FRAMES) {
                setRai(false);
            }
        }
        index = n == 12 ? 0 : n;
    }

    private void setRai(boolean on) {
        yellowRun = 0;
        clearRun = 0;
        if (rai != on) {
            rai = on;
            listener.alarmChanged(Alarm.RAI, on);
        }
    }

    public State state() {
        return state;
    }

    public boolean aligned() {
        return state == State.ALIGNED;
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
}
