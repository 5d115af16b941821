package org.pstngw.tdm.pseudowire;

/**
 * The fields of one decoded pseudowire packet, filled in place by {@link PwPacketCodec#decode} so
 * that the receive path allocates nothing. A holder owned by one receive loop; not thread-safe.
 */
public final class PwHeader {
    boolean localFailure;
    boolean remoteFailure;
    int modifier;
    int fragmentation;
    int length;
    int sequence;
    int rtpSequence;
    long rtpTimestamp;
    long rtpSsrc;
    int payloadOffset;
    int payloadLength;

    /** L bit: the far end's attachment circuit (TDM side) is in a failure state; payload invalid. */
    public boolean localFailure() {
        return localFailure;
    }

    /** R bit: the far end is in packet-loss state (it does not receive our packets). */
    public boolean remoteFailure() {
        return remoteFailure;
    }

    /** M bits (CESoPSN), 0..3; always 0 for a valid SAToP packet. */
    public int modifier() {
        return modifier;
    }

    public int fragmentation() {
        return fragmentation;
    }

    /** LEN field, 0..63 (non-zero only for packets shorter than 64 bytes). */
    public int length() {
        return length;
    }

    /** Control word sequence number, 0..65535. */
    public int sequence() {
        return sequence;
    }

    public int rtpSequence() {
        return rtpSequence;
    }

    public long rtpTimestamp() {
        return rtpTimestamp;
    }

    public long rtpSsrc() {
        return rtpSsrc;
    }

    /** Absolute offset of the TDM payload in the decoded buffer. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload length in bytes; 0 when the sender omitted it under the L bit. */
    public int payloadLength() {
        return payloadLength;
    }
}
