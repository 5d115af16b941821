package org.pstngw.sip.message;

/** Explicit limits for parsing and stream framing. */
public record SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength) {
    /** 65,535-byte messages (the largest datagram), 256 header fields, 8 KiB per line. */
    public static final SipLimits DEFAULT = new SipLimits(65_535, 256, 8_192);

    public SipLimits {
        if (maxMessageSize < 64 || maxHeaders < 1 || maxLineLength < 16) {
            throw new IllegalArgumentException("limits too small");
        }
    }

    /** The same limits with another message size. */
    public SipLimits withMaxMessageSize(int size) {
        return new SipLimits(size, maxHeaders, maxLineLength);
    }

    /** The same limits with another header count. */
    public SipLimits withMaxHeaders(int count) {
        return new SipLimits(maxMessageSize, count, maxLineLength);
    }
}
