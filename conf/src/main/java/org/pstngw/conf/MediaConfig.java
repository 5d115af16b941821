package org.pstngw.conf;

import java.time.Duration;
import java.util.List;

/**
 * The media engine.
 *
 * @param rtpPortMin lowest RTP port (even)
 * @param rtpPortMax highest RTP port
 * @param ptime packetisation time
 * @param codecs offered codecs in order of preference, by RTP encoding name
 * @param jitterBufferMin smallest jitter buffer depth
 * @param jitterBufferMax largest jitter buffer depth
 * @param dtmfMode how DTMF is carried on the SIP side
 */
public record MediaConfig(
        int rtpPortMin,
        int rtpPortMax,
        Duration ptime,
        List<String> codecs,
        Duration jitterBufferMin,
        Duration jitterBufferMax,
        DtmfMode dtmfMode) {
    public MediaConfig {
        codecs = List.copyOf(codecs);
    }

    /** DTMF transport on the SIP side. */
    public enum DtmfMode {
        RFC4733,
        INBAND,
        INFO
    }
}
