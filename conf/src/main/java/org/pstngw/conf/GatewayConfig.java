package org.pstngw.conf;

import java.util.Objects;

/** The whole gateway configuration. Every section has defaults; an empty file gives the embedded demo. */
public record GatewayConfig(
        NodeConfig node, SipConfig sip, Ss7Config ss7, TdmConfig tdm, MediaConfig media, ManagementConfig management) {
    public GatewayConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(ss7, "ss7");
        Objects.requireNonNull(tdm, "tdm");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(management, "management");
    }
}
