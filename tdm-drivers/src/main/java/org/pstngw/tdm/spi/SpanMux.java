package org.pstngw.tdm.spi;

import java.util.Optional;

/**
 * The whole-frame path of a span, for drivers that carry entire 125 us frames (loopback, pseudowire SAToP/CESoPSN):
 * {@link #transmitFrame} builds one frame from the channels' transmit buffers (and HDLC encoders), {@link
 * #receiveFrame} spreads one received frame into the channels' receive buffers (and HDLC decoders).
 *
 * <p>Frame layout: E1 = 32 octets, TS0..TS31 (TS0 left for the framer, written as 0xFF here); T1 = 24 octets,
 * channels 1..24 (the F bit is the framer's). Timeslots without a channel carry the span law's idle code. The frame
 * thread calls transmit/receive; the channels are read and written by the media engine. Allocation-free.
 */
public final class SpanMux {
    /** Default bearer buffer: 200 ms of audio each way. */
    public static final int DEFAULT_BUFFER_BYTES = 1600;

    /** Longest HDLC frame: MTP2 allows 272 octets of SIF + header; LAPD 260. */
    public static final int MAX_HDLC_FRAME = 280;

    private final SpanConfig config;
    private final int bytesPerFrame;
    private final byte idle;
    private final BearerChannel[] bearers;
    private final HdlcChannelImpl[] hdlcs;
    private byte[] column = new byte[160];

    /** @param config a valid span configuration ({@link SpanConfig#requireValid()} is applied) */
    public SpanMux(SpanConfig config) {
        this(config, DEFAULT_BUFFER_BYTES);
    }

    public SpanMux(SpanConfig config, int bufferBytes) {
        this.config = config.requireValid();
        this.bytesPerFrame = config.type().bytesPerFrame();
        this.idle = config.law().idleCode();
        this.bearers = new BearerChannel[bytesPerFrame];
        this.hdlcs = new HdlcChannelImpl[bytesPerFrame];
        for (ChannelConfig channel : config.channels()) {
            int index = config.type().frameIndex(channel.timeslot());
            switch (channel.kind()) {
                case BEARER ->
                    bearers[index] = new BearerChannel(channel.timeslot(), config.lawOf(channel), bufferBytes);
                case HDLC -> hdlcs[index] = new HdlcChannelImpl(channel.timeslot(), MAX_HDLC_FRAME, 4096);
            }
        }
    }

    public SpanConfig config() {
        return config;
    }

    /** Octets per frame in this span's layout (32 for E1, 24 for T1). */
    public int bytesPerFrame() {
        return bytesPerFrame;
    }

    public Optional<Channel> channel(int timeslot) {
        return index(timeslot).map(i -> bearers[i]);
    }

    public Optional<HdlcChannel> hdlcChannel(int timeslot) {
        return index(timeslot).map(i -> hdlcs[i]);
    }

    private Optional<Integer> index(int timeslot) {
        SpanType type = config.type();
        if (timeslot < type.firstTimeslot() || timeslot > type.lastTimeslot()) {
            return Optional.empty();
        }
        return Optional.of(type.frameIndex(timeslot));
    }

    /** Writes one frame of {@link #bytesPerFrame()} octets at {@code off}. Frame thread only. */
    public void transmitFrame(byte[] frame, int off) {
        for (int i = 0; i < bytesPerFrame; i++) {
            BearerChannel bearer = bearers[i];
            if (bearer != null) {
                frame[off + i] = bearer.nextTx();
            } else if (hdlcs[i] != null) {
                frame[off + i] = hdlcs[i].nextTx();
            } else {
                frame[off + i] = idle;
            }
        }
        if (config.type() == SpanType.E1) {
            frame[off] = (byte) 0xFF;
        }
    }

    /** Reads one frame of {@link #bytesPerFrame()} octets at {@code off}. Frame thread only. */
    public void receiveFrame(byte[] frame, int off) {
        for (int i = 0; i < bytesPerFrame; i++) {
            BearerChannel bearer = bearers[i];
            if (bearer != null) {
                bearer.rx(frame[off + i]);
            } else if (hdlcs[i] != null) {
                hdlcs[i].rx(frame[off + i]);
            }
        }
    }

    /**
     * Writes {@code frames} consecutive frames. Bearer channels move a whole column (one byte per frame) per ring
     * operation. Frame thread only.
     */
    public void transmitFrames(byte[] buffer, int off, int frames) {
        byte[] col = column(frames);
        for (int i = 0; i < bytesPerFrame; i++) {
            transmitColumn(i, col, buffer, off + i, bytesPerFrame, frames);
        }
        if (config.type() == SpanType.E1) {
            for (int f = 0, at = off; f < frames; f++, at += bytesPerFrame) {
                buffer[at] = (byte) 0xFF;
            }
        }
    }

    /** Reads {@code frames} consecutive frames, a column per channel. Frame thread only. */
    public void receiveFrames(byte[] buffer, int off, int frames) {
        byte[] col = column(frames);
        for (int i = 0; i < bytesPerFrame; i++) {
            receiveColumn(i, col, buffer, off + i, bytesPerFrame, frames);
        }
    }

    /**
     * Writes {@code frames} frames of the timeslots at {@code slots} (frame indexes, ascending) in the structure-aware
     * layout: frame after frame, each holding one octet per slot ({@code payload[off + f * slots.length + k]}), as a
     * CESoPSN packet carries them. Channels are read a column per ring operation. Frame thread only.
     */
    public void transmitSlots(byte[] payload, int off, int frames, int[] slots) {
        byte[] col = column(frames);
        int n = slots.length;
        for (int k = 0; k < n; k++) {
            transmitColumn(slots[k], col, payload, off + k, n, frames);
        }
    }

    /** Reads {@code frames} frames of the timeslots at {@code slots} from the structure-aware layout. Frame thread. */
    public void receiveSlots(byte[] payload, int off, int frames, int[] slots) {
        byte[] col = column(frames);
        int n = slots.length;
        for (int k = 0; k < n; k++) {
            receiveColumn(slots[k], col, payload, off + k, n, frames);
        }
    }

    /**
     * Timeslot {@code i}'s next {@code frames} octets into {@code out} from {@code at}, one every {@code stride}: a
     * bearer's column in one ring operation (through {@code col}), an HDLC channel's octets, or the idle pattern.
     */
    private void transmitColumn(int i, byte[] col, byte[] out, int at, int stride, int frames) {
        BearerChannel bearer = bearers[i];
        HdlcChannelImpl hdlc = hdlcs[i];
        if (bearer != null) {
            bearer.nextTx(col, frames);
            for (int f = 0; f < frames; f++, at += stride) {
                out[at] = col[f];
            }
        } else if (hdlc != null) {
            for (int f = 0; f < frames; f++, at += stride) {
                out[at] = hdlc.nextTx();
            }
        } else {
            for (int f = 0; f < frames; f++, at += stride) {
                out[at] = idle;
            }
        }
    }

    /** Timeslot {@code i}'s {@code frames} octets from {@code in} at {@code at}, one every {@code stride}, to its channel. */
    private void receiveColumn(int i, byte[] col, byte[] in, int at, int stride, int frames) {
        BearerChannel bearer = bearers[i];
        HdlcChannelImpl hdlc = hdlcs[i];
        if (bearer != null) {
            for (int f = 0; f < frames; f++, at += stride) {
                col[f] = in[at];
            }
            bearer.rx(col, frames);
        } else if (hdlc != null) {
            for (int f = 0; f < frames; f++, at += stride) {
                hdlc.rx(in[at]);
            }
        }
    }

    private byte[] column(int frames) {
        if (column.length < frames) {
            column = new byte[frames];
        }
        return column;
    }
}
