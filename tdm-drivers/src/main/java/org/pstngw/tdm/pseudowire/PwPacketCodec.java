package org.pstngw.tdm.pseudowire;

import java.nio.ByteBuffer;

/**
 * Encoder and decoder of SAToP (RFC 4553) and CESoPSN (RFC 5086) packets as carried in UDP. With an
 * RTP header configured, it comes first, right after the UDP header, and the control word follows
 * (the order both RFCs give for UDP/IP; over MPLS the control word would come first):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |  optional
 * |                           timestamp                           |  RTP header
 * |           synchronization source (SSRC) identifier            |  (RFC 3550)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0|L|R| M |FRG|    LEN    |       Sequence number         |  control word
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     TDM payload ...                           |
 * </pre>
 *
 * <p>SAToP: bits 6-7 are RSV and must be zero. LEN may carry the size of header plus payload when
 * that is under 64 bytes and is zero otherwise (we always set it for short packets; a received LEN of
 * zero is accepted for any size); a packet larger than a non-zero LEN carries padding. With L set the payload may
 * be omitted. FRG must be 00 (no fragmentation in SAToP nor in CESoPSN basic mode).
 *
 * <p>With RTP, a received packet must carry version 2 and the configured payload type (and, when one is
 * configured, the far end's SSRC); CSRCs and a header extension are skipped, and with the P bit set the padding
 * (its length in the last octet, RFC 3550 section 5.1) is removed before the payload size is checked.
 *
 * <p>Stateless apart from its configuration; {@link #decode} fills a caller-owned {@link PwHeader}.
 */
public final class PwPacketCodec {
    public static final int CONTROL_WORD_BYTES = 4;
    public static final int RTP_HEADER_BYTES = 12;
    /** Packets this size or larger carry LEN = 0. */
    public static final int MIN_UNPADDED_PACKET = 64;

    private final PwMode mode;
    private final int payloadBytes;
    private final boolean rtp;
    private final int rtpPayloadType;
    private final long expectedSsrc;

    /** A codec that accepts any SSRC. */
    public PwPacketCodec(PwMode mode, int payloadBytes, boolean rtp, int rtpPayloadType) {
        this(mode, payloadBytes, rtp, rtpPayloadType, -1);
    }

    /** @param expectedSsrc the SSRC received packets must carry (0..2^32-1), or -1 for any */
    public PwPacketCodec(PwMode mode, int payloadBytes, boolean rtp, int rtpPayloadType, long expectedSsrc) {
        if (payloadBytes < 1 || payloadBytes > 1440) {
            throw new IllegalArgumentException("payload bytes out of 1..1440: " + payloadBytes);
        }
        if (rtpPayloadType < 0 || rtpPayloadType > 127) {
            throw new IllegalArgumentException("RTP payload type out of 0..127: " + rtpPayloadType);
        }
        this.mode = mode;
        this.payloadBytes = payloadBytes;
        this.rtp = rtp;
        this.rtpPayloadType = rtpPayloadType;
        this.expectedSsrc = expectedSsrc;
    }

    public PwMode mode() {
        return mode;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    public boolean rtp() {
        return rtp;
    }

    /** Header bytes in front of the payload: control word, plus the RTP header if configured. */
    public int headerBytes() {
        return CONTROL_WORD_BYTES + (rtp ? RTP_HEADER_BYTES : 0);
    }

    /** Largest packet this codec writes. */
    public int maxPacketBytes() {
        return headerBytes() + payloadBytes;
    }

    /**
     * Writes the header(s) at {@code dst}'s position and advances it; the caller then puts exactly
     * {@link #payloadBytes()} bytes (or none when {@code omitPayload}).
     *
     * @param modifier M bits for CESoPSN (0..3); ignored (written as 0) for SAToP
     * @param rtpTimestamp RTP timestamp (ignored without RTP)
     */
    public void encodeHeader(
            ByteBuffer dst,
            boolean localFailure,
            boolean remoteFailure,
            int modifier,
            int sequence,
            long rtpTimestamp,
            long ssrc,
            boolean omitPayload) {
        int packetSize = headerBytes() + (omitPayload ? 0 : payloadBytes);
        int len = packetSize < MIN_UNPADDED_PACKET ? packetSize : 0;
        int seq = sequence & 0xFFFF;
        if (rtp) {
            dst.putInt(0x8000_0000 | (rtpPayloadType << 16) | seq);
            dst.putInt((int) rtpTimestamp);
            dst.putInt((int) ssrc);
        }
        int m = mode == PwMode.CESOPSN ? modifier & 0x3 : 0;
        int b0 = (localFailure ? 0x08 : 0) | (remoteFailure ? 0x04 : 0) | m;
        dst.putInt((b0 << 24) | (len << 16) | seq);
    }

    /**
     * Decodes the packet between {@code src}'s position and limit (positions are not moved). On
     * {@link DecodeStatus#OK} the header fields and the payload's offset and length are in {@code out}.
     */
    public DecodeStatus decode(ByteBuffer src, PwHeader out) {
        int start = src.position();
        int size = src.remaining();
        int p = start;
        if (rtp) {
            if (size < RTP_HEADER_BYTES + CONTROL_WORD_BYTES) {
                return DecodeStatus.TOO_SHORT;
            }
            int v = src.get(p) & 0xFF;
            if ((v >>> 6) != 2) {
                return DecodeStatus.BAD_RTP_VERSION;
            }
            if ((src.get(p + 1) & 0x7F) != rtpPayloadType) {
                return DecodeStatus.BAD_RTP_PAYLOAD_TYPE;
            }
            long ssrc = src.getInt(p + 8) & 0xFFFFFFFFL;
            if (expectedSsrc >= 0 && ssrc != expectedSsrc) {
                return DecodeStatus.WRONG_SSRC;
            }
            int csrc = v & 0x0F;
            int rtpLen = RTP_HEADER_BYTES + 4 * csrc;
            if ((v & 0x10) != 0) {
                if (size < rtpLen + 4) {
                    return DecodeStatus.TOO_SHORT;
                }
                rtpLen += 4 + 4 * (src.getShort(p + rtpLen + 2) & 0xFFFF);
            }
            if (size < rtpLen + CONTROL_WORD_BYTES) {
                return DecodeStatus.TOO_SHORT;
            }
            if ((v & 0x20) != 0) {
                int padding = src.get(start + size - 1) & 0xFF;
                if (padding == 0 || padding > size - rtpLen - CONTROL_WORD_BYTES) {
                    return DecodeStatus.BAD_RTP_PADDING;
                }
                size -= padding;
            }
            out.rtpSequence = src.getShort(p + 2) & 0xFFFF;
            out.rtpTimestamp = src.getInt(p + 4) & 0xFFFFFFFFL;
            out.rtpSsrc = ssrc;
            p += rtpLen;
        } else if (size < CONTROL_WORD_BYTES) {
            return DecodeStatus.TOO_SHORT;
        }
        int b0 = src.get(p) & 0xFF;
        int b1 = src.get(p + 1) & 0xFF;
        if ((b0 & 0xF0) != 0 || (mode == PwMode.SATOP && (b0 & 0x03) != 0)) {
            return DecodeStatus.RESERVED_BITS;
        }
        int frg = b1 >>> 6;
        if (frg != 0) {
            return DecodeStatus.FRAGMENTED;
        }
        int len = b1 & 0x3F;
        int headerEnd = p + CONTROL_WORD_BYTES;
        int packetSize = size;
        if (len != 0) {
            if (len > size || len < headerEnd - start) {
                return DecodeStatus.BAD_LENGTH;
            }
            packetSize = len;
        }
        int payload = packetSize - (headerEnd - start);
        boolean l = (b0 & 0x08) != 0;
        if (payload != payloadBytes && !(l && payload == 0)) {
            return DecodeStatus.BAD_LENGTH;
        }
        out.localFailure = l;
        out.remoteFailure = (b0 & 0x04) != 0;
        out.modifier = b0 & 0x03;
        out.fragmentation = frg;
        out.length = len;
        out.sequence = src.getShort(p + 2) & 0xFFFF;
        out.payloadOffset = headerEnd;
        out.payloadLength = payload;
        return DecodeStatus.OK;
    }
}
