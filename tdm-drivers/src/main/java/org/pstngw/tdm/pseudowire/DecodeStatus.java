package org.pstngw.tdm.pseudowire;

/** Outcome of decoding one received pseudowire packet: {@link #OK} or the defect that made it malformed. */
public enum DecodeStatus {
    OK(0),
    /** Shorter than the (RTP header +) control word. */
    TOO_SHORT(1),
    /** The first nibble of the control word is not 0000, or (SAToP) the RSV bits are set. */
    RESERVED_BITS(2),
    /** FRG is not 00: fragmentation is not used by SAToP nor by CESoPSN basic mode. */
    FRAGMENTED(3),
    /** The payload size is not the configured one, or LEN disagrees with the packet size. */
    BAD_LENGTH(4),
    /** An RTP header was configured and its version is not 2. */
    BAD_RTP_VERSION(5),
    /** The RTP payload type is not the configured one. */
    BAD_RTP_PAYLOAD_TYPE(6),
    /** The RTP SSRC is not the one configured for the far end (a misconnected pseudowire). */
    WRONG_SSRC(7),
    /** The RTP P bit is set and the padding count (last octet) is zero or longer than what follows the header. */
    BAD_RTP_PADDING(8);

    /** Number of statuses, for counter arrays indexed by {@link #index()}. */
    public static final int COUNT = 9;

    private final int index;

    DecodeStatus(int index) {
        this.index = index;
    }

    /** A stable index 0..COUNT-1 for counter arrays. */
    public int index() {
        return index;
    }

    public boolean isMalformed() {
        return this != OK;
    }
}
