package org.pstngw.tdm.pseudowire;

import java.util.Arrays;
import org.pstngw.tdm.spi.Alarm;
import org.pstngw.tdm.spi.LineCondition;
import org.pstngw.tdm.spi.SpanAlarms;
import org.pstngw.tdm.spi.SpanMux;

/**
 * CESoPSN payloads (RFC 5086, structure-aware): the configured timeslots, {@code frames-per-packet} frames each, straight
 * between the channel rings and the packet ({@link SpanMux#transmitSlots}/{@link SpanMux#receiveSlots}). TS0 and the F
 * bit are not carried, so the alarms travel in the control word (RFC 5086 section 5.3): L = 1 while our attachment
 * circuit has failed (data invalid, the far end plays AIS); L = 0, M = 10 while our receive side is in alarm (RDI,
 * what an E1 would signal with the A bit). Received L = 1 raises AIS, M = 10 raises RAI.
 */
final class CesopsnSlots implements PwPayloadPath {
    static final int MODIFIER_RDI = 0b10;

    private final PwSpanLink link;
    private final SpanMux mux;
    private final int[] slotIndex;
    private final int framesPerPacket;
    private final byte[] txPacket;
    private final byte[] rxPacket;
    private int txFrameInPacket;
    private int rxFrameInPacket;
    private PlayoutResult lastPlayout = PlayoutResult.FILLING;
    private int lastModifier;

    /** @param slotIndex the carried timeslots' frame indexes, ascending */
    CesopsnSlots(PwSpanLink link, SpanMux mux, int[] slotIndex, int framesPerPacket) {
        this.link = link;
        this.mux = mux;
        this.slotIndex = slotIndex;
        this.framesPerPacket = framesPerPacket;
        this.txPacket = new byte[link.payloadBytes()];
        this.rxPacket = new byte[link.payloadBytes()];
        this.rxFrameInPacket = framesPerPacket;
    }

    @Override
    public void transmit(int frames, boolean failed, LineCondition line, boolean receiving, long nowNanos) {
        int modifier = !failed && !receiving ? MODIFIER_RDI : 0;
        int slots = slotIndex.length;
        int done = 0;
        while (done < frames) {
            int take = Math.min(frames - done, framesPerPacket - txFrameInPacket);
            int off = txFrameInPacket * slots;
            mux.transmitSlots(txPacket, off, take, slotIndex);
            if (failed) {
                Arrays.fill(txPacket, off, off + take * slots, (byte) 0xFF);
            }
            txFrameInPacket += take;
            done += take;
            if (txFrameInPacket == framesPerPacket) {
                txFrameInPacket = 0;
                link.send(txPacket, failed, modifier, nowNanos + (done - 1) * 125_000L);
            }
        }
    }

    /** The played packet's timeslots go straight to the channels; the next packet is played when it ends. */
    @Override
    public void receive(int frames, long nowNanos) {
        int slots = slotIndex.length;
        int done = 0;
        while (done < frames) {
            if (rxFrameInPacket == framesPerPacket) {
                lastPlayout = link.playout(rxPacket, nowNanos + done * 125_000L);
                lastModifier = link.jitterBuffer().playedModifier();
                rxFrameInPacket = 0;
            }
            int take = Math.min(frames - done, framesPerPacket - rxFrameInPacket);
            mux.receiveSlots(rxPacket, rxFrameInPacket * slots, take, slotIndex);
            rxFrameInPacket += take;
            done += take;
        }
    }

    @Override
    public void updateAlarms(SpanAlarms alarms, boolean noPackets, boolean farEndLoss) {
        boolean played = lastPlayout == PlayoutResult.PLAYED;
        alarms.set(Alarm.LOS, noPackets);
        alarms.set(Alarm.AIS, !noPackets && lastPlayout == PlayoutResult.REMOTE_FAILURE);
        alarms.set(Alarm.RAI, farEndLoss || (played && lastModifier == MODIFIER_RDI));
    }

    @Override
    public long crcErrors() {
        return 0;
    }

    @Override
    public long framingErrors() {
        return 0;
    }

    @Override
    public long remoteCrcErrors() {
        return 0;
    }
}
