package org.pstngw.isup.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.sctp.netty.NettySctpManagementImpl;
import org.restcomm.protocols.ss7.m3ua.ExchangeType;
import org.restcomm.protocols.ss7.m3ua.Functionality;
import org.restcomm.protocols.ss7.m3ua.IPSPType;
import org.restcomm.protocols.ss7.m3ua.impl.M3UAManagementImpl;
import org.restcomm.protocols.ss7.m3ua.impl.parameter.ParameterFactoryImpl;
import org.restcomm.protocols.ss7.m3ua.parameter.NetworkAppearance;
import org.restcomm.protocols.ss7.m3ua.parameter.ParameterFactory;
import org.restcomm.protocols.ss7.m3ua.parameter.TrafficModeType;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jSS7 M3UA node (sctp management + M3UA management) configured from {@link M3uaSettings}: one association, one
 * AS, one ASP, one route to the settings' DPC. Used by our link and by the simulated exchange alike.
 */
public final class M3uaNode {

    private static final Logger LOG = LoggerFactory.getLogger(M3uaNode.class);

    private final M3uaSettings settings;
    private NettySctpManagementImpl sctp;
    private M3UAManagementImpl m3ua;

    public M3uaNode(M3uaSettings settings) {
        this.settings = settings;
    }

    public M3uaSettings settings() {
        return settings;
    }

    /** The MTP3 user part to attach ISUP to; valid after {@link #create()}. */
    public Mtp3UserPart userPart() {
        return m3ua;
    }

    private String assocName() {
        return settings.name() + "-assoc";
    }

    private String aspName() {
        return settings.name() + "-asp";
    }

    /** Creates and starts the sctp and M3UA managements on a clean persist dir; does not yet start the ASP. */
    public void create() throws Exception {
        String dir = cleanDirectory(settings.persistDir()).toString();
        sctp = new NettySctpManagementImpl(settings.name() + "-sctp");
        sctp.setPersistDir(dir);
        sctp.start();
        sctp.setConnectDelay(500);
        sctp.removeAllResourses();
        m3ua = new M3UAManagementImpl(settings.name() + "-m3ua", "pstngw", null);
        m3ua.setPersistDir(dir);
        m3ua.setTransportManagement(sctp);
        m3ua.setDeliveryMessageThreadCount(settings.deliveryThreads());
        m3ua.start();
        m3ua.removeAllResourses();

        IpChannelType channel =
                settings.transport() == M3uaSettings.Transport.TCP ? IpChannelType.TCP : IpChannelType.SCTP;
        if (settings.role().isServer()) {
            String server = settings.name() + "-server";
            sctp.addServer(server, settings.localHost(), settings.localPort(), channel, null);
            sctp.startServer(server);
            sctp.addServerAssociation(settings.peerHost(), settings.peerPort(), server, assocName(), channel);
        } else {
            sctp.addAssociation(
                    settings.localHost(),
                    settings.localPort(),
                    settings.peerHost(),
                    settings.peerPort(),
                    assocName(),
                    channel,
                    null);
        }
        ParameterFactory pf = new ParameterFactoryImpl();
        NetworkAppearance na = settings.networkAppearance().isPresent()
                ? pf.createNetworkAppearance(settings.networkAppearance().getAsLong())
                : null;
        String as = settings.name() + "-as";
        m3ua.createAs(
                as,
                functionality(),
                ExchangeType.SE,
                ipspType(),
                pf.createRoutingContext(new long[] {settings.routingContext()}),
                pf.createTrafficModeType(trafficMode()),
                1,
                na);
        m3ua.createAspFactory(aspName(), assocName());
        m3ua.assignAspToAs(as, aspName());
        m3ua.addRoute(settings.dpc(), -1, -1, as);
        LOG.info(
                "M3UA node {} created: {} over {} {}:{} <-> {}:{}, RC {}, OPC {}, DPC {}",
                settings.name(),
                settings.role(),
                settings.transport(),
                settings.localHost(),
                settings.localPort(),
                settings.peerHost(),
                settings.peerPort(),
                settings.routingContext(),
                settings.opc(),
                settings.dpc());
    }

    /** Starts the ASP (client: connects; server: accepts the configured peer). */
    public void startAsp() throws Exception {
        m3ua.startAsp(aspName());
    }

    /** Stops the ASP: the association goes down, the peer sees the link lost. */
    public void stopAsp() throws Exception {
        m3ua.stopAsp(aspName());
    }

    /** Stops M3UA and sctp, releasing their threads and sockets; safe to call twice or after a failed create. */
    public void destroy() {
        try {
            if (m3ua != null && m3ua.isStarted()) {
                try {
                    m3ua.stopAsp(aspName());
                } catch (Exception e) {
                    LOG.debug("{}: stopAsp on destroy: {}", settings.name(), e.toString());
                }
                m3ua.removeAllResourses();
                m3ua.stop();
            }
        } catch (Exception e) {
            LOG.warn("{}: M3UA stop failed: {}", settings.name(), e.toString());
        }
        try {
            if (sctp != null && sctp.isStarted()) {
                sctp.removeAllResourses();
                sctp.stop();
            }
        } catch (Exception e) {
            LOG.warn("{}: sctp stop failed: {}", settings.name(), e.toString());
        }
        m3ua = null;
        sctp = null;
    }

    private Functionality functionality() {
        return switch (settings.role()) {
            case AS_CLIENT -> Functionality.AS;
            case SGW_SERVER -> Functionality.SGW;
            case IPSP_CLIENT, IPSP_SERVER -> Functionality.IPSP;
        };
    }

    private IPSPType ipspType() {
        return switch (settings.role()) {
            case IPSP_SERVER, SGW_SERVER -> IPSPType.SERVER;
            case IPSP_CLIENT, AS_CLIENT -> IPSPType.CLIENT;
        };
    }

    private int trafficMode() {
        return switch (settings.trafficMode()) {
            case OVERRIDE -> TrafficModeType.Override;
            case LOADSHARE -> TrafficModeType.Loadshare;
            case BROADCAST -> TrafficModeType.Broadcast;
        };
    }

    private static Path cleanDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare persist dir " + dir, e);
        }
    }
}
