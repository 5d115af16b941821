package org.pstngw.isup.link;

import java.nio.file.Path;
import org.pstngw.conf.HostPort;
import org.pstngw.conf.Ss7Config;

/**
 * Maps conf's typed {@code ss7} section onto {@link M3uaSettings}, field by field:
 *
 * <ul>
 *   <li>{@code mode}: AS is an AS client, SGW an SGW server, IPSP an IPSP client or server per {@code ipsp-side};
 *   <li>{@code remote-peers}: every peer is an association and an ASP of the one AS (two STPs: two ASPs, loadshared or
 *       in override per {@code traffic-mode}); a client binds association {@code i} to {@code local-port + i};
 *   <li>{@code routing-context}, {@code network-appearance}: passed when configured, omitted otherwise (RFC 4666: the
 *       RC is optional where the peer does not need it);
 *   <li>{@code point-code-format}: ANSI 8-8-8 (or {@code isup-variant: ansi}) gives an ANSI routing label, 24-bit point
 *       codes and 8-bit SLS; ITU 3-8-3 an ITU label, 14-bit point codes;
 *   <li>{@code opc}, {@code dpc}, {@code network-indicator}, {@code service-indicator}: the routing label, the route
 *       (DPC, OPC, SI) and the NI of the link;
 *   <li>{@code exchange-type} (single or double exchange of ASP state), {@code min-active-asps}, {@code
 *       delivery-threads}, {@code activation-wait} (how long start() waits for the destination) and {@code
 *       isup-timers.t4} (the user part test interval) as they are.
 * </ul>
 */
public final class M3uaSettingsFromConf {

    private M3uaSettingsFromConf() {}

    /**
     * The settings of our link.
     *
     * @param name node name
     * @param ss7 the configuration section
     * @param dataDir node data directory; a relative {@code persistDir} is resolved under it
     */
    public static M3uaSettings map(String name, Ss7Config ss7, Path dataDir) {
        if (ss7.remotePeers().isEmpty()) {
            throw new IllegalArgumentException("ss7.remote-peers is empty: M3UA needs a peer");
        }
        M3uaSettings.Role role = switch (ss7.mode()) {
            case AS -> M3uaSettings.Role.AS_CLIENT;
            case IPSP ->
                switch (ss7.ipspSide()) {
                    case CLIENT -> M3uaSettings.Role.IPSP_CLIENT;
                    case SERVER -> M3uaSettings.Role.IPSP_SERVER;
                };
            case SGW -> M3uaSettings.Role.SGW_SERVER;
        };
        M3uaSettings.Builder b = M3uaSettings.builder(name, role, dataDir.resolve(ss7.persistDir()))
                .transport(
                        switch (ss7.transport()) {
                            case SCTP -> M3uaSettings.Transport.SCTP;
                            case TCP -> M3uaSettings.Transport.TCP;
                        })
                .local(ss7.local().host(), ss7.local().port())
                .routingContext(ss7.routingContext())
                .networkAppearance(ss7.networkAppearance())
                .trafficMode(
                        switch (ss7.trafficMode()) {
                            case LOADSHARE -> M3uaSettings.TrafficMode.LOADSHARE;
                            case OVERRIDE -> M3uaSettings.TrafficMode.OVERRIDE;
                            case BROADCAST -> M3uaSettings.TrafficMode.BROADCAST;
                        })
                .labelFormat(labelFormat(ss7))
                .pointCodes(ss7.opc(), ss7.dpc())
                .networkIndicator(ss7.networkIndicator().code())
                .serviceIndicator(ss7.serviceIndicator())
                .exchange(
                        switch (ss7.exchangeType()) {
                            case SE -> M3uaSettings.Exchange.SINGLE;
                            case DE -> M3uaSettings.Exchange.DOUBLE;
                        })
                .minActiveAsps(ss7.minActiveAsps())
                .deliveryThreads(ss7.deliveryThreads())
                .activeTimeout(ss7.activationWait())
                .userPartTestInterval(ss7.isupTimers().t4());
        for (HostPort peer : ss7.remotePeers()) {
            b.peer(peer.host(), peer.port());
        }
        return b.build();
    }

    /** ANSI label for ANSI 8-8-8 point codes or an ANSI ISUP network, ITU otherwise. */
    public static M3uaSettings.LabelFormat labelFormat(Ss7Config ss7) {
        return ss7.pointCodeFormat() == Ss7Config.PointCodeFormat.ANSI_8_8_8
                        || ss7.isupVariant() == Ss7Config.IsupVariant.ANSI
                ? M3uaSettings.LabelFormat.ANSI
                : M3uaSettings.LabelFormat.ITU;
    }
}
