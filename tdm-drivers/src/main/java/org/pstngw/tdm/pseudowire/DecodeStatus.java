package org.pstngw.tdm.pseudowire;

/** Outcome of decoding one received pseudowire packet: {@link #OK} or the defect that made it malformed. */
public enum DecodeStatus {
    OK,
    /** Shorter than the (RTP header +) control word. */
    TOO_SHORT,
    /** The first nibble of the control word is not 0000, or (SAToP) the RSV bits are set. */
    RESERVED_BITS,
    /** FRG is not 00: fragmentation is not used by SAToP nor by CESoPSN basic mode. */
    FRAGMENTED,
    /** The payload size is not the configured one, or LEN disagrees with the packet size. */
    BAD_LENGTH,
    /** An RTP header was configured and its version is not 2. */
    BAD_RTP_VERSION;

    public boolean isMalformed() {
        return this != OK;
    }
}
