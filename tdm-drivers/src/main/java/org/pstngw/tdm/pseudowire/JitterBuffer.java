package org.pstngw.tdm.pseudowire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Receive-side jitter buffer of one pseudowire, indexed by the control word's sequence number.
 *
 * <p>Packets are stored in a ring of preallocated slots (nothing is allocated per packet). Playout
 * starts once {@code depth} packets are waiting; from then on one packet is played per packet
 * interval, by the caller's clock. Within the window a packet may arrive in any order; one that arrives
 * after its playout time is <em>late</em> and one already held is a <em>duplicate</em>: both are dropped
 * and counted. A packet missing at its playout time is <em>lost</em>: counted and filled per the
 * {@link FillPolicy}. A packet whose sequence number is further off than the ring holds (ahead, or behind while
 * filling) is a <em>stray</em> and is dropped, unless the next packet follows it in sequence: then the far end has
 * really jumped (a restart) and the buffer resynchronises on the second of the pair, an <em>overflow</em>, counting
 * the packets it still held as lost. (RFC 3550 appendix A.1 treats a large sequence jump the same way: one stray packet does not
 * reset the receiver.) When nothing has been received for a whole ring's worth of intervals the buffer has
 * <em>underrun</em>: it returns to filling. A late packet means the buffer's margin is gone (the far end fell
 * behind for a while and the playout kept going): the buffer then <em>rebuffers</em>, holding playout (filled, not
 * counted as lost) until {@code depth} packets wait again, one controlled slip instead of every later packet
 * arriving just too late.
 *
 * <p>It also keeps the packet-loss state of RFC 4553 section 5.2 / RFC 5086 section 5.3 that drives the R bit we
 * send: entered after {@code lossStateEnter} consecutive lost packets, left after {@code lossStateExit} consecutive
 * packets played. It starts in that state: until packets are played the far end is not heard. Each packet's M bits
 * are kept and reported with its playout ({@link #playedModifier()}).
 *
 * <p>Confined to one thread (the span's receive/playout loop).
 */
public final class JitterBuffer {
    private final int payloadBytes;
    private final int depth;
    private final int mask;
    private final byte[][] slots;
    private final int[] slotSeq;
    private final boolean[] slotFull;
    private final boolean[] slotFailure;
    private final byte[] slotModifier;
    private final FillPolicy fillPolicy;
    private final byte idleByte;
    private final byte[] last;
    private final int lossStateEnter;
    private final int lossStateExit;

    private boolean playing;
    private boolean rebuffering;
    private boolean haveLast;
    private int playoutSeq;
    private int highestSeq;
    private int stored;
    private int consecutiveLost;
    private int consecutivePlayed;
    private boolean packetLossState = true;
    private boolean haveStray;
    private int straySeq;
    private int playedModifier;

    private long received;
    private long played;
    private long lost;
    private long late;
    private long duplicates;
    private long overflows;
    private long underruns;
    private long strays;
    private long playouts;
    private long rebuffers;

    /**
     * @param depth packets to hold before playout starts (the nominal delay, in packet intervals)
     * @param capacity ring size; rounded up to a power of two, at least {@code 2 * depth}
     */
    public JitterBuffer(
            int payloadBytes,
            int depth,
            int capacity,
            FillPolicy fillPolicy,
            byte idleByte,
            int lossStateEnter,
            int lossStateExit) {
        if (payloadBytes < 1) {
            throw new IllegalArgumentException("payload bytes must be positive: " + payloadBytes);
        }
        if (depth < 1 || depth > 1024) {
            throw new IllegalArgumentException("depth out of 1..1024 packets: " + depth);
        }
        if (lossStateEnter < 1 || lossStateExit < 1) {
            throw new IllegalArgumentException("packet-loss state thresholds must be positive");
        }
        int size = Integer.highestOneBit(Math.max(Math.max(capacity, 2 * depth), 2) - 1) << 1;
        this.payloadBytes = payloadBytes;
        this.depth = depth;
        this.mask = size - 1;
        this.slots = new byte[size][payloadBytes];
        this.slotSeq = new int[size];
        this.slotFull = new boolean[size];
        this.slotFailure = new boolean[size];
        this.slotModifier = new byte[size];
        this.fillPolicy = fillPolicy;
        this.idleByte = idleByte;
        this.last = new byte[payloadBytes];
        this.lossStateEnter = lossStateEnter;
        this.lossStateExit = lossStateExit;
    }

    /** A buffer with 16-packet ring per 8 of depth, default loss-state thresholds (3 in, 3 out). */
    public static JitterBuffer of(int payloadBytes, int depth, FillPolicy fillPolicy, byte idleByte) {
        return new JitterBuffer(payloadBytes, depth, 4 * depth, fillPolicy, idleByte, 3, 3);
    }

    /** Offers a received packet with M bits 00. */
    public void offer(int seq, boolean localFailure, ByteBuffer payload, int offset, int length) {
        offer(seq, localFailure, 0, payload, offset, length);
    }

    /**
     * Offers a received packet. {@code payload} holds {@code payloadBytes} bytes at {@code offset} (its position
     * not moved), or is ignored when {@code localFailure} is set and it is empty.
     *
     * @param modifier the packet's M bits (CESoPSN), kept for its playout
     */
    public void offer(int seq, boolean localFailure, int modifier, ByteBuffer payload, int offset, int length) {
        seq &= 0xFFFF;
        if (!playing && stored == 0) {
            playoutSeq = seq;
            highestSeq = seq;
        }
        int ahead = PwSequence.delta(playoutSeq, seq);
        boolean farOff = ahead > mask || (ahead < 0 && !playing && PwSequence.delta(seq, highestSeq) > mask);
        if (farOff) {
            if (!haveStray || seq != PwSequence.next(straySeq)) {
                haveStray = true;
                straySeq = seq;
                strays++;
                return;
            }
            overflows++;
            reset(seq);
            ahead = 0;
        } else if (ahead < 0) {
            if (playing) {
                late++;
                if (!rebuffering) {
                    rebuffering = true;
                    rebuffers++;
                }
                return;
            }
            // Still filling: an earlier packet than the first one seen moves the start back.
            playoutSeq = seq;
            ahead = 0;
        }
        haveStray = false;
        int i = seq & mask;
        if (slotFull[i] && slotSeq[i] == seq) {
            duplicates++;
            return;
        }
        if (slotFull[i]) {
            stored--;
        }
        slotFull[i] = true;
        slotSeq[i] = seq;
        slotFailure[i] = localFailure;
        slotModifier[i] = (byte) modifier;
        if (length >= payloadBytes) {
            payload.get(offset, slots[i], 0, payloadBytes);
        }
        stored++;
        received++;
        if (PwSequence.isNewer(seq, highestSeq)) {
            highestSeq = seq;
        }
        if (stored >= depth) {
            playing = true;
            rebuffering = false;
        }
    }

    /** Plays out the next packet interval into {@code dst} ({@code payloadBytes} bytes at its position). */
    public PlayoutResult playout(byte[] dst, int offset) {
        playouts++;
        if (!playing || rebuffering) {
            playedModifier = 0;
            fill(dst, offset);
            return PlayoutResult.FILLING;
        }
        int i = playoutSeq & mask;
        PlayoutResult result;
        if (slotFull[i] && slotSeq[i] == playoutSeq) {
            slotFull[i] = false;
            stored--;
            played++;
            consecutiveLost = 0;
            if (++consecutivePlayed >= lossStateExit) {
                packetLossState = false;
            }
            playedModifier = slotModifier[i];
            if (slotFailure[i]) {
                Arrays.fill(dst, offset, offset + payloadBytes, (byte) 0xFF);
                result = PlayoutResult.REMOTE_FAILURE;
            } else {
                System.arraycopy(slots[i], 0, dst, offset, payloadBytes);
                if (fillPolicy == FillPolicy.REPEAT_LAST) {
                    System.arraycopy(slots[i], 0, last, 0, payloadBytes);
                    haveLast = true;
                }
                result = PlayoutResult.PLAYED;
            }
        } else {
            lost++;
            consecutivePlayed = 0;
            playedModifier = 0;
            if (++consecutiveLost >= lossStateEnter) {
                packetLossState = true;
            }
            fill(dst, offset);
            result = PlayoutResult.LOST;
        }
        playoutSeq = PwSequence.next(playoutSeq);
        if (stored == 0 && consecutiveLost > mask) {
            underruns++;
            playing = false;
        }
        return result;
    }

    private void fill(byte[] dst, int offset) {
        switch (fillPolicy) {
            case ALL_ONES -> Arrays.fill(dst, offset, offset + payloadBytes, (byte) 0xFF);
            case IDLE_PATTERN -> Arrays.fill(dst, offset, offset + payloadBytes, idleByte);
            case REPEAT_LAST -> {
                if (haveLast) {
                    System.arraycopy(last, 0, dst, offset, payloadBytes);
                } else {
                    Arrays.fill(dst, offset, offset + payloadBytes, idleByte);
                }
            }
        }
    }

    private void reset(int seq) {
        Arrays.fill(slotFull, false);
        if (playing) {
            lost += stored;
        }
        stored = 0;
        playing = false;
        rebuffering = false;
        playoutSeq = seq;
        highestSeq = seq;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    public int depth() {
        return depth;
    }

    public int capacity() {
        return mask + 1;
    }

    /** Packets waiting (the fill level used by clock recovery). */
    public int fillLevel() {
        return stored;
    }

    public boolean playing() {
        return playing;
    }

    /** RFC 4553 section 5.2 packet-loss state: when true, the packets we send carry R = 1. */
    public boolean packetLossState() {
        return packetLossState;
    }

    public long received() {
        return received;
    }

    public long played() {
        return played;
    }

    public long lost() {
        return lost;
    }

    public long late() {
        return late;
    }

    /** Times a late packet made the buffer hold playout to rebuild its depth. */
    public long rebuffers() {
        return rebuffers;
    }

    public long duplicates() {
        return duplicates;
    }

    public long overflows() {
        return overflows;
    }

    public long underruns() {
        return underruns;
    }

    /** Packets dropped as strays: a sequence number far off that the next packet did not confirm. */
    public long strays() {
        return strays;
    }

    /** Playout intervals so far: played, lost and filling ones. */
    public long playouts() {
        return playouts;
    }

    /** M bits of the packet played last (0 after a loss or while filling). */
    public int playedModifier() {
        return playedModifier;
    }
}
