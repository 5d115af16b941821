package org.pstngw.tdm.framing;

import org.pstngw.tdm.hdlc.HdlcEncoder;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.SpanType;

/**
 * Produces the F bit of outgoing T1 frames.
 *
 * <pre>
 * D4/SF, 12 frames:  F = 1 0 0 0 1 1 0 1 1 1 0 0   (Ft in odd frames 101010, Fs in even frames 001110)
 * ESF, 24 frames:    frames 4,8,..,24   FPS 0 0 1 0 1 1
 *                    frames 2,6,..,22   CRC-6 C1..C6 of the previous superframe (F bits counted as 1)
 *                    odd frames         4 kbit/s facility data link (idle: HDLC flags 0x7E)
 * </pre>
 *
 * The ESF data link (T1.403 section 9.4) carries HDLC: flags while idle, and message-oriented frames (e.g. a
 * performance report message) queued with {@link #sendDataLink}, zero-bit stuffed with their CRC-16 FCS, bits in line
 * order. Remote alarm (yellow): on ESF the data link carries the bit-oriented pattern 11111111 00000000 instead; on
 * D4 bit 2 of every channel is forced to 0. Allocation-free after construction; one thread.
 */
public final class T1Framer {
    /** D4 F-bit pattern, frame 1 in the most significant of 12 bits. */
    public static final int D4_PATTERN = 0b100011011100;

    /** ESF frame pattern sequence in frames 4, 8, ..., 24. */
    public static final int ESF_FPS = 0b001011;

    /** ESF yellow alarm on the data link, first bit in the most significant of 16 bits. */
    public static final int ESF_YELLOW = 0xFF00;

    /** Longest message sent on the ESF data link (a PRM is 13 octets without FCS; LAPD allows 260). */
    public static final int MAX_DATA_LINK_FRAME = 260;

    private final boolean esf;
    private int index;
    private int crc;
    private int crcToSend;
    private boolean remoteAlarm;
    private int fdlBit;
    private final HdlcEncoder dataLink = new HdlcEncoder(MAX_DATA_LINK_FRAME);
    private int dataLinkOctet;
    private int dataLinkBits;

    public T1Framer(Framing framing) {
        if (framing.spanType() != SpanType.T1) {
            throw new IllegalArgumentException("not a T1 framing: " + framing);
        }
        this.esf = framing == Framing.T1_ESF;
    }

    public void setRemoteAlarm(boolean on) {
        this.remoteAlarm = on;
    }

    /**
     * Queues one message for the ESF data link; it goes out after the frame being sent.
     *
     * @return false when a message is still being sent (retry later), or it is too long
     */
    public boolean sendDataLink(byte[] frame, int off, int len) {
        return !dataLink.busy() && dataLink.load(frame, off, len);
    }

    /** Position of the next frame in the (super)frame, 0-based. */
    public int frameIndex() {
        return index;
    }

    /**
     * Returns the F bit of the next frame and accounts its 24 channel octets (which on D4 with remote alarm get bit 2
     * cleared).
     */
    public int frame(byte[] payload, int off) {
        int n = index + 1;
        int fbit;
        if (esf) {
            if ((n & 3) == 0) {
                fbit = (ESF_FPS >>> (6 - (n >>> 2))) & 1;
            } else if ((n & 3) == 2) {
                fbit = (crcToSend >>> (5 - (n >>> 2))) & 1;
            } else {
                fbit = nextFdlBit();
            }
            if (index == 0) {
                crc = 0;
            }
            crc = Crc6.update(Crc6.updateBit(crc, 1), payload, off, 24);
            if (n == 24) {
                crcToSend = crc;
            }
            index = n == 24 ? 0 : n;
        } else {
            fbit = (D4_PATTERN >>> (12 - n)) & 1;
            if (remoteAlarm) {
                for (int i = off; i < off + 24; i++) {
                    payload[i] &= (byte) 0xBF;
                }
            }
            index = n == 12 ? 0 : n;
        }
        return fbit;
    }

    private int nextFdlBit() {
        if (remoteAlarm) {
            int bit = (ESF_YELLOW >>> (15 - (fdlBit & 15))) & 1;
            fdlBit = (fdlBit + 1) & 15;
            return bit;
        }
        fdlBit = 0;
        if (dataLinkBits == 0) {
            dataLinkOctet = dataLink.nextOctet();
            dataLinkBits = 8;
        }
        dataLinkBits--;
        return (dataLinkOctet >>> dataLinkBits) & 1;
    }
}
