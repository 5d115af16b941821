package org.pstngw.isup.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mobicents.protocols.api.Association;
import org.mobicents.protocols.api.IpChannelType;
import org.mobicents.protocols.api.PayloadData;
import org.mobicents.protocols.sctp.netty.NettySctpManagementImpl;
import org.restcomm.protocols.ss7.m3ua.As;
import org.restcomm.protocols.ss7.m3ua.ExchangeType;
import org.restcomm.protocols.ss7.m3ua.Functionality;
import org.restcomm.protocols.ss7.m3ua.IPSPType;
import org.restcomm.protocols.ss7.m3ua.State;
import org.restcomm.protocols.ss7.m3ua.impl.AsImpl;
import org.restcomm.protocols.ss7.m3ua.impl.M3UAManagementImpl;
import org.restcomm.protocols.ss7.m3ua.impl.fsm.FSM;
import org.restcomm.protocols.ss7.m3ua.impl.parameter.ParameterFactoryImpl;
import org.restcomm.protocols.ss7.m3ua.parameter.NetworkAppearance;
import org.restcomm.protocols.ss7.m3ua.parameter.ParameterFactory;
import org.restcomm.protocols.ss7.m3ua.parameter.RoutingContext;
import org.restcomm.protocols.ss7.m3ua.parameter.TrafficModeType;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPart;
import org.restcomm.protocols.ss7.mtp.RoutingLabelFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jSS7 M3UA node (sctp management + M3UA management) configured from {@link M3uaSettings}: one association and
 * one ASP per peer, all in one AS, and one route (DPC, OPC, SI) to that AS. Used by our link and by the simulated
 * exchange alike.
 */
public final class M3uaNode {

    private static final Logger LOG = LoggerFactory.getLogger(M3uaNode.class);
    /** SCTP payload protocol identifier of M3UA (RFC 4666 1.4.7). */
    private static final int M3UA_PPID = 3;

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

    private String assocName(int peer) {
        return settings.name() + "-assoc" + peer;
    }

    private String aspName(int peer) {
        return settings.name() + "-asp" + peer;
    }

    private String asName() {
        return settings.name() + "-as";
    }

    /** Creates and starts the sctp and M3UA managements on a clean persist dir; does not yet start the ASPs. */
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
        m3ua.setRoutingLabelFormat(
                settings.labelFormat() == M3uaSettings.LabelFormat.ANSI
                        ? RoutingLabelFormat.ANSI_Sls8Bit
                        : RoutingLabelFormat.ITU);
        m3ua.start();
        m3ua.removeAllResourses();

        IpChannelType channel =
                settings.transport() == M3uaSettings.Transport.TCP ? IpChannelType.TCP : IpChannelType.SCTP;
        String server = settings.name() + "-server";
        if (settings.role().isServer()) {
            sctp.addServer(server, settings.localHost(), settings.localPort(), channel, null);
            sctp.startServer(server);
        }
        for (int i = 0; i < settings.peers().size(); i++) {
            M3uaSettings.Peer peer = settings.peers().get(i);
            if (settings.role().isServer()) {
                sctp.addServerAssociation(peer.host(), peer.port(), server, assocName(i), channel);
            } else {
                sctp.addAssociation(
                        settings.localHost(),
                        settings.localPortOf(i),
                        peer.host(),
                        peer.port(),
                        assocName(i),
                        channel,
                        null);
            }
        }
        ParameterFactory pf = new ParameterFactoryImpl();
        RoutingContext rc = settings.routingContext().isPresent()
                ? pf.createRoutingContext(new long[] {settings.routingContext().getAsLong()})
                : null;
        NetworkAppearance na = settings.networkAppearance().isPresent()
                ? pf.createNetworkAppearance(settings.networkAppearance().getAsLong())
                : null;
        m3ua.createAs(
                asName(),
                functionality(),
                settings.exchange() == M3uaSettings.Exchange.DOUBLE ? ExchangeType.DE : ExchangeType.SE,
                ipspType(),
                rc,
                pf.createTrafficModeType(trafficMode()),
                settings.minActiveAsps(),
                na);
        for (int i = 0; i < settings.peers().size(); i++) {
            m3ua.createAspFactory(aspName(i), assocName(i));
            m3ua.assignAspToAs(asName(), aspName(i));
        }
        m3ua.addRoute(settings.dpc(), settings.opc(), settings.serviceIndicator(), asName());
        LOG.info(
                "M3UA node {} created: {} over {} {}:{} <-> {}, RC {}, NA {}, {} {}, OPC {}, DPC {}, SI {}",
                settings.name(),
                settings.role(),
                settings.transport(),
                settings.localHost(),
                settings.localPort(),
                settings.peers(),
                settings.routingContext(),
                settings.networkAppearance(),
                settings.trafficMode(),
                settings.labelFormat(),
                settings.opc(),
                settings.dpc(),
                settings.serviceIndicator());
    }

    /** Starts every ASP (client: connects; server: accepts the configured peer). */
    public void startAsp() throws Exception {
        for (int i = 0; i < settings.peers().size(); i++) {
            startAsp(i);
        }
    }

    /** Starts the ASP towards peer {@code index}. */
    public void startAsp(int index) throws Exception {
        m3ua.startAsp(aspName(index));
    }

    /** Stops every ASP: the associations go down, the peers see the link lost. */
    public void stopAsp() throws Exception {
        for (int i = 0; i < settings.peers().size(); i++) {
            stopAsp(i);
        }
    }

    /** Stops the ASP towards peer {@code index} only. */
    public void stopAsp(int index) throws Exception {
        m3ua.stopAsp(aspName(index));
    }

    /**
     * Whether jSS7 would route DATA to the DPC now: its AS is ACTIVE in the state machine jSS7's router consults
     * (jSS7 8.0.0-168 {@code RouteAsImpl.isAsActive}: the peer FSM where the far end owns the AS state, the local one
     * otherwise). MTP-RESUME is delivered from a state-entry handler, before that state is current, so RESUME alone
     * does not prove that a send would succeed.
     */
    public boolean routable() {
        M3UAManagementImpl m = m3ua;
        if (m == null || !m.isStarted()) {
            return false;
        }
        for (As as : m.getAppServers()) {
            if (as instanceof AsImpl impl && isActive(impl)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActive(AsImpl as) {
        boolean peerOwned = as.getFunctionality() == Functionality.AS
                || (as.getExchangeType() == ExchangeType.DE)
                || (as.getFunctionality() == Functionality.IPSP && as.getIpspType() == IPSPType.CLIENT);
        FSM fsm = peerOwned ? as.getPeerFSM() : as.getLocalFSM();
        return fsm != null
                && fsm.getState() != null
                && State.STATE_ACTIVE.equals(fsm.getState().getName());
    }

    /**
     * Writes a raw, already encoded M3UA message on the association to peer {@code index}, stream 0 (management
     * messages, RFC 4666 1.4.7). For the simulated exchange's network management (DUPU), which jSS7's SGW does not
     * originate.
     */
    public void sendRaw(int index, byte[] m3uaMessage) throws Exception {
        Association association = sctp.getAssociation(assocName(index));
        association.send(new PayloadData(m3uaMessage.length, m3uaMessage, true, false, M3UA_PPID, 0));
    }

    /**
     * Stops M3UA and sctp, releasing their threads and sockets; safe to call twice or after a failed create. M3UA is
     * stopped even when removing its resources fails (jSS7 refuses while an ASP is still DOWN_SENT), since only its
     * {@code stop()} ends its FSM ticker and delivery threads.
     */
    public void destroy() {
        M3UAManagementImpl m = m3ua;
        if (m != null && m.isStarted()) {
            try {
                stopAsp();
            } catch (Exception e) {
                LOG.debug("{}: stopAsp on destroy: {}", settings.name(), e.toString());
            }
            try {
                m.removeAllResourses();
            } catch (Exception e) {
                LOG.debug("{}: M3UA resources not removed: {}", settings.name(), e.toString());
            }
            try {
                m.stop();
            } catch (Exception e) {
                LOG.warn("{}: M3UA stop failed: {}", settings.name(), e.toString());
            }
        }
        NettySctpManagementImpl s = sctp;
        if (s != null && s.isStarted()) {
            try {
                s.removeAllResourses();
            } catch (Exception e) {
                LOG.debug("{}: sctp resources not removed: {}", settings.name(), e.toString());
            }
            try {
                s.stop();
            } catch (Exception e) {
                LOG.warn("{}: sctp stop failed: {}", settings.name(), e.toString());
            }
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
