package org.pstngw.sip.message;

/** Explicit limits for parsing and stream framing. */
public record SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength) {
    /** 64 KiB messages, 256 header fields, 8 KiB per line. */
    public static final SipLimits DEFAULT = new SipLimits(65_536, 256, 8_192);

    public SipLimits {
        if (maxMessageSize < 64 || maxHeaders < 1 || maxLineLength < 16) {
            throw new IllegalArgumentException("limits too small");
        }
    }
}
