package org.pstngw.isup.link;

import java.nio.file.Path;
import java.time.Duration;
import org.pstngw.conf.HostPort;
import org.pstngw.conf.Ss7Config;

/** Maps conf's typed {@code ss7} section onto {@link M3uaSettings}. */
public final class M3uaSettingsFromConf {

    /** Routing context used when the configuration gives none (jSS7's AS needs one to be addressed by the peer). */
    public static final long DEFAULT_ROUTING_CONTEXT = 100;

    private M3uaSettingsFromConf() {}

    /**
     * The settings of our link. AS and IPSP connect to the first remote peer as clients (an IPSP server is not
     * expressible in the conf section yet); SGW listens on the local address and accepts the first remote peer.
     *
     * @param name node name
     * @param ss7 the configuration section
     * @param dataDir node data directory; a relative {@code persistDir} is resolved under it
     */
    public static M3uaSettings map(String name, Ss7Config ss7, Path dataDir) {
        if (ss7.remotePeers().isEmpty()) {
            throw new IllegalArgumentException("ss7.remotePeers is empty: M3UA needs a peer");
        }
        HostPort peer = ss7.remotePeers().getFirst();
        M3uaSettings.Role role = switch (ss7.mode()) {
            case AS -> M3uaSettings.Role.AS_CLIENT;
            case IPSP -> M3uaSettings.Role.IPSP_CLIENT;
            case SGW -> M3uaSettings.Role.SGW_SERVER;
        };
        M3uaSettings.Transport transport = switch (ss7.transport()) {
            case SCTP -> M3uaSettings.Transport.SCTP;
            case TCP -> M3uaSettings.Transport.TCP;
        };
        M3uaSettings.TrafficMode mode = switch (ss7.trafficMode()) {
            case LOADSHARE -> M3uaSettings.TrafficMode.LOADSHARE;
            case OVERRIDE -> M3uaSettings.TrafficMode.OVERRIDE;
            case BROADCAST -> M3uaSettings.TrafficMode.BROADCAST;
        };
        if (ss7.serviceIndicator() != IsupPdu.SI_ISUP) {
            throw new IllegalArgumentException("ss7.serviceIndicator must be 5 (ISUP), got " + ss7.serviceIndicator());
        }
        return new M3uaSettings(
                name,
                role,
                transport,
                ss7.local().host(),
                ss7.local().port(),
                peer.host(),
                peer.port(),
                ss7.routingContext().orElse(DEFAULT_ROUTING_CONTEXT),
                ss7.networkAppearance(),
                mode,
                ss7.opc(),
                ss7.dpc(),
                ss7.networkIndicator().code(),
                dataDir.resolve(ss7.persistDir()),
                Duration.ofSeconds(10),
                1);
    }
}
