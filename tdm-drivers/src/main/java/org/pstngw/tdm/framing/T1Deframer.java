package org.pstngw.tdm.framing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.pstngw.tdm.hdlc.HdlcFrameSink;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.SpanType;

/**
 * Receives T1 frames and keeps superframe alignment: either frame by frame ({@link #frame}: an F bit and 24 channel
 * octets, as a framer chip delivers them) or as the 1544 kbit/s line stream ({@link #receive}: 193-bit frames packed
 * in octets at any bit phase, as SAToP carries them), where the F-bit pattern is searched at all 193 bit positions
 * at once and the aligned frames' 24 channel octets are handed out. One instance takes one of the two inputs.
 *
 * <pre>
 *  state     event                                                      next
 *  SEARCH    the F bits of the last frames hold the pattern (ESF: 16    ALIGNED (LOF cleared)
 *            FPS bits 001011..., 64 frames; D4: 100011011100 4 times,
 *            48 frames)
 *  ALIGNED   2 errored alignment bits among the last 4 checked           SEARCH (LOF raised)
 *            (ESF: FPS bits; D4: Ft bits)
 * </pre>
 *
 * ESF: the CRC-6 of each superframe (F bits as 1) is compared with C1..C6 received in the next; the data link's
 * bits go through an HDLC decoder and its good messages to the sink set with {@link #setDataLinkSink}; yellow alarm
 * (RAI) is the data-link pattern 11111111 00000000 held for 32 bits, cleared after 16 bits without it. D4: RAI is bit 2 at 0
 * in every channel for 48 frames, cleared after 48 frames without. LOS (175 zeros, T1.231) and AIS as {@link
 * LineMonitor}. While alignment is lost the stream input hands out all-ones frames. Allocation-free; one thread.
 */
public final class T1Deframer {
    /** Alignment states. */
    public enum State {
        SEARCH,
        ALIGNED
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Every 4th F bit of the last 64 frames: 16 FPS bits (the pattern 001011 over 2 2/3 superframes). */
    private static final long ESF_MASK;

    private static final long ESF_VALUE;

    /** The last 48 F bits: the 12-bit Ft/Fs pattern four times. */
    private static final long D4_MASK = (1L << 48) - 1;

    private static final long D4_VALUE = T1Framer.D4_PATTERN
            | ((long) T1Framer.D4_PATTERN << 12)
            | ((long) T1Framer.D4_PATTERN << 24)
            | ((long) T1Framer.D4_PATTERN << 36);

    static {
        long mask = 0;
        long value = 0;
        for (int j = 0; j < 16; j++) {
            mask |= 1L << (4 * j);
            value |= (long) ((T1Framer.ESF_FPS >>> (j % 6)) & 1) << (4 * j);
        }
        ESF_MASK = mask;
        ESF_VALUE = value;
    }

    private static final int YELLOW_FRAMES = 48;

    private static final int RING = 4096;
    private static final int MASK = RING - 1;
    private static final byte[] ALL_ONES = new byte[24];

    static {
        java.util.Arrays.fill(ALL_ONES, (byte) 0xFF);
    }

    private final boolean esf;
    private final AlarmListener listener;
    private final LineMonitor line;
    private long[] phaseHistory;
    private byte[] ring;
    private final byte[] linear = new byte[26];
    private final byte[] payload = new byte[24];
    private long written;
    private long pos;
    private long emittedTo;
    private int phase;
    private byte[] out;
    private int outOff;
    private int outMax;
    private int outCount;
    private long outputOverruns;
    private State state = State.SEARCH;
    private boolean lof = true;
    private final YellowAlarm yellow;
    private final EsfDataLink dataLink;
    private long history;
    private int index;
    private int checks;
    private int crc;
    private int expectedCrc = -1;
    private int receivedC;
    private long frames;
    private long crcErrors;
    private long framingErrors;

    public T1Deframer(Framing framing, AlarmListener listener) {
        if (framing.spanType() != SpanType.T1) {
            throw new IllegalArgumentException("not a T1 framing: " + framing);
        }
        this.esf = framing == Framing.T1_ESF;
        this.listener = listener;
        this.line = new LineMonitor(175, 2 * 193, listener);
        this.yellow = new YellowAlarm(listener);
        this.dataLink = new EsfDataLink(yellow);
    }

    /** Processes one frame-aligned frame: its F bit and 24 channel octets. */
    public void frame(int fbit, byte[] payload, int off) {
        if (ring != null) {
            throw new IllegalStateException("this deframer takes the line stream (receive), not frames");
        }
        frames++;
        line.bit(fbit);
        line.t1Payload(payload, off);
        history = (history << 1) | fbit;
        switch (state) {
            case SEARCH -> {
                if (matches(history)) {
                    enterAligned();
                }
            }
            case ALIGNED -> alignedFrame(fbit, payload, off);
        }
    }

    private void alignedFrame(int fbit, byte[] payload, int off) {
        if (esf) {
            esfFrame(fbit, payload, off);
        } else {
            d4Frame(fbit, payload, off);
        }
    }

    /**
     * Receives {@code len} octets of the 1544 kbit/s line (193-bit frames, any bit phase) and writes the channel
     * octets of the frames they complete to {@code out} (24 per frame; all ones while out of alignment), at most
     * {@code maxFrames} (more are dropped and counted); {@code out} may be null.
     *
     * @return frames written to {@code out}
     */
    public int receive(byte[] data, int off, int len, byte[] out, int outOff, int maxFrames) {
        if (ring == null) {
            if (frames > 0) {
                throw new IllegalStateException("this deframer takes frames, not the line stream");
            }
            ring = new byte[RING];
            phaseHistory = new long[T1Bits.FRAME_BITS];
        }
        this.out = out;
        this.outOff = outOff;
        this.outMax = out == null ? 0 : maxFrames;
        this.outCount = 0;
        line.bytes(data, off, len);
        int at = off;
        int left = len;
        while (left > 0) {
            int room = RING - (int) (written - (pos >>> 3)) - 4;
            int n = Math.min(left, room);
            int w = (int) (written & MASK);
            int first = Math.min(n, RING - w);
            System.arraycopy(data, at, ring, w, first);
            System.arraycopy(data, at + first, ring, 0, n - first);
            written += n;
            at += n;
            left -= n;
            processStream();
        }
        this.out = null;
        return outCount;
    }

    private void processStream() {
        long bits = written << 3;
        while (true) {
            if (state == State.SEARCH) {
                while (pos < bits && state == State.SEARCH) {
                    int bit = (ring[(int) ((pos >>> 3) & MASK)] >>> (7 - (int) (pos & 7))) & 1;
                    long h = (phaseHistory[phase] << 1) | bit;
                    phaseHistory[phase] = h;
                    pos++;
                    phase = phase == T1Bits.FRAME_BITS - 1 ? 0 : phase + 1;
                    if (matches(h)) {
                        pos += T1Bits.FRAME_BITS - 1;
                        enterAligned();
                    }
                }
                emitAllOnesUpTo(pos);
                if (state == State.SEARCH) {
                    return;
                }
            }
            while (state == State.ALIGNED && written > ((pos + T1Bits.FRAME_BITS - 1) >>> 3)) {
                long start = pos;
                pos += T1Bits.FRAME_BITS;
                int index = (int) (start >>> 3);
                for (int j = 0; j < linear.length; j++) {
                    linear[j] = ring[(index + j) & MASK];
                }
                int fbit = T1Bits.unpack(linear, start & 7, payload, 0);
                frames++;
                alignedFrame(fbit, payload, 0);
                if (state == State.ALIGNED) {
                    emit(start + T1Bits.FRAME_BITS, payload);
                } else {
                    pos = start + 1;
                    java.util.Arrays.fill(phaseHistory, 0);
                    phase = 0;
                    emitAllOnesUpTo(start + T1Bits.FRAME_BITS);
                }
            }
            if (state == State.ALIGNED) {
                return;
            }
        }
    }

    private void emit(long end, byte[] frame) {
        if (end <= emittedTo) {
            return;
        }
        emittedTo = end;
        put(frame);
    }

    private void emitAllOnesUpTo(long bitPos) {
        while (bitPos - emittedTo >= T1Bits.FRAME_BITS) {
            emittedTo += T1Bits.FRAME_BITS;
            put(ALL_ONES);
        }
    }

    private void put(byte[] frame) {
        if (out == null) {
            return;
        }
        if (outCount == outMax) {
            outputOverruns++;
            return;
        }
        System.arraycopy(frame, 0, out, outOff + outCount * 24, 24);
        outCount++;
    }

    /** Whether the F bits ending with the latest (taken as frame 24, or 12 on D4) hold the framing pattern. */
    private boolean matches(long h) {
        return esf ? (h & ESF_MASK) == ESF_VALUE : (h & D4_MASK) == D4_VALUE;
    }

    private void enterAligned() {
        state = State.ALIGNED;
        index = 0;
        checks = 0;
        expectedCrc = -1;
        if (lof) {
            lof = false;
            listener.alarmChanged(Alarm.LOF, false);
        }
        line.framed(true);
    }

    private void alignmentBit(boolean good) {
        checks = ((checks << 1) | (good ? 0 : 1)) & 0xF;
        if (!good) {
            framingErrors++;
        }
        if (Integer.bitCount(checks) >= 2) {
            state = State.SEARCH;
            history = 0;
            line.framed(false);
            if (!lof) {
                lof = true;
                listener.alarmChanged(Alarm.LOF, true);
            }
            yellow.set(false);
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
            dataLink.bit(fbit);
        }
        if (n == 22 && expectedCrc >= 0 && receivedC != expectedCrc) {
            crcErrors++;
        }
        if (n == 24) {
            expectedCrc = crc;
        }
        index = n == 24 ? 0 : n;
    }

    /** Receives the good messages of the ESF data link (FCS checked and stripped), on the frame thread. */
    public void setDataLinkSink(HdlcFrameSink sink) {
        dataLink.sink(sink);
    }

    /** Data-link messages dropped for a bad FCS. */
    public long dataLinkFcsErrors() {
        return dataLink.fcsErrors();
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
        yellow.observe(
                ((long) LONGS.get(payload, off) & bit2) == 0
                        && ((long) LONGS.get(payload, off + 8) & bit2) == 0
                        && ((long) LONGS.get(payload, off + 16) & bit2) == 0,
                YELLOW_FRAMES);
        index = n == 12 ? 0 : n;
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
        return yellow.on();
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

    /** Frames dropped because the caller's output buffer was full. */
    public long outputOverruns() {
        return outputOverruns;
    }
}
