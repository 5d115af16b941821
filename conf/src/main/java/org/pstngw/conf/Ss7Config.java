package org.pstngw.conf;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * The SS7 side: M3UA association, MTP3 routing label values and ISUP.
 *
 * @param mode M3UA role of this node
 * @param transport SCTP in production; TCP where the kernel has no SCTP (tests, demo)
 * @param local local address and port of the association
 * @param remotePeers remote M3UA peers (signalling gateways or the far end)
 * @param routingContext M3UA routing context, if the peer requires one
 * @param networkAppearance M3UA network appearance, if used
 * @param trafficMode M3UA traffic mode type
 * @param ipspSide in IPSP mode, whether this node opens the associations (client) or accepts them (server)
 * @param exchangeType in IPSP mode, single or double exchange of ASP state (RFC 4666 4.3.1)
 * @param minActiveAsps loadshare: ASPs that must be active before the AS is (1..number of remote peers)
 * @param deliveryThreads jSS7 M3UA threads delivering received messages
 * @param activationWait how long start-up waits for the destination to become routable
 * @param pointCodeFormat notation used to write point codes as x-y-z
 * @param opc own signalling point code
 * @param dpc adjacent or destination signalling point code
 * @param networkIndicator MTP3 network indicator (sub-service field)
 * @param serviceIndicator MTP3 service indicator (5 = ISUP)
 * @param isupVariant ITU-T Q.76x or ANSI T1.113
 * @param isupTimers ISUP call-control timers (Q.764 Annex A)
 * @param circuitGroups circuit groups: CIC ranges mapped to TDM timeslots
 * @param glareControl which CICs this side controls on dual seizure (Q.764 2.9.1.4)
 * @param persistDir directory for jSS7 persistence; relative paths are under the node data dir
 * @param embeddedExchange the simulated far-end exchange used by the demo and tests
 */
public record Ss7Config(
        M3uaMode mode,
        Ss7Transport transport,
        HostPort local,
        List<HostPort> remotePeers,
        OptionalLong routingContext,
        OptionalLong networkAppearance,
        TrafficMode trafficMode,
        IpspSide ipspSide,
        ExchangeType exchangeType,
        int minActiveAsps,
        int deliveryThreads,
        Duration activationWait,
        PointCodeFormat pointCodeFormat,
        int opc,
        int dpc,
        NetworkIndicator networkIndicator,
        int serviceIndicator,
        IsupVariant isupVariant,
        IsupTimers isupTimers,
        List<CircuitGroupConfig> circuitGroups,
        GlareControl glareControl,
        String persistDir,
        EmbeddedExchangeConfig embeddedExchange) {
    public Ss7Config {
        remotePeers = List.copyOf(remotePeers);
        circuitGroups = List.copyOf(circuitGroups);
    }

    /** M3UA role (RFC 4666). */
    public enum M3uaMode {
        AS,
        IPSP,
        SGW
    }

    /** Transport under M3UA. */
    public enum Ss7Transport {
        SCTP,
        TCP
    }

    /** M3UA traffic mode type. */
    public enum TrafficMode {
        LOADSHARE,
        OVERRIDE,
        BROADCAST
    }

    /** Which end of an IPSP association this node is: the client connects, the server accepts. */
    public enum IpspSide {
        CLIENT,
        SERVER
    }

    /** RFC 4666 4.3.1: single exchange (only the client IPSP reports its state) or double exchange of ASP state. */
    public enum ExchangeType {
        SE,
        DE
    }

    /** How x-y-z point codes are read: ITU 3-8-3 (14 bits) or ANSI 8-8-8 (24 bits). */
    public enum PointCodeFormat {
        ITU_3_8_3,
        ANSI_8_8_8
    }

    /** MTP3 network indicator, with its two-bit code. */
    public enum NetworkIndicator {
        INTERNATIONAL(0),
        INTERNATIONAL_SPARE(1),
        NATIONAL(2),
        NATIONAL_SPARE(3);

        private final int code;

        NetworkIndicator(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** ISUP variant. */
    public enum IsupVariant {
        ITU,
        ANSI
    }

    /**
     * Dual-seizure control (applied by isup-mapping's DualSeizure, the one rule). AUTO: Q.764 2.9.1.4, the exchange
     * with the higher point code controls the even CICs.
     */
    public enum GlareControl {
        AUTO,
        EVEN,
        ODD,
        ALL,
        NONE
    }
}
