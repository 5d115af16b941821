package org.pstngw.isup.sim;

import java.nio.file.Path;
import java.time.Duration;
import org.pstngw.conf.EmbeddedExchangeConfig;
import org.pstngw.conf.EmbeddedExchangeConfig.NumberRule;
import org.pstngw.conf.Ss7Config;
import org.pstngw.isup.link.M3uaSettings;

/**
 * Maps conf's {@code ss7.embedded-exchange} onto {@link ExchangeSettings}: the exchange is the far end of the
 * gateway's own link, so its M3UA node mirrors the gateway's (an SGW server for an AS client, the other IPSP side for
 * an IPSP, same transport, RC, NA, traffic mode and routing label), with its point code as OPC and the gateway's as
 * DPC, its circuits, and one {@link Behaviour} rule per configured number.
 */
public final class SimulatedExchangeFromConf {

    /** Node name of the embedded exchange (its jSS7 persist files and threads carry it). */
    public static final String NAME = "embedded-exchange";

    private SimulatedExchangeFromConf() {}

    /**
     * @param ss7 the configuration section
     * @param gateway the gateway's link settings, as {@code M3uaSettingsFromConf} made them (with the real ports)
     */
    public static ExchangeSettings map(Ss7Config ss7, M3uaSettings gateway) {
        EmbeddedExchangeConfig ex = ss7.embeddedExchange();
        M3uaSettings.Role role = switch (gateway.role()) {
            case AS_CLIENT -> M3uaSettings.Role.SGW_SERVER;
            case SGW_SERVER -> M3uaSettings.Role.AS_CLIENT;
            case IPSP_CLIENT -> M3uaSettings.Role.IPSP_SERVER;
            case IPSP_SERVER -> M3uaSettings.Role.IPSP_CLIENT;
        };
        Path persist = gateway.persistDir().resolveSibling(gateway.persistDir().getFileName() + "-" + NAME);
        M3uaSettings.Builder b = M3uaSettings.builder(NAME, role, persist)
                .transport(gateway.transport())
                .routingContext(gateway.routingContext())
                .networkAppearance(gateway.networkAppearance())
                .trafficMode(gateway.trafficMode())
                .exchange(gateway.exchange())
                .labelFormat(gateway.labelFormat())
                .pointCodes(ex.pointCode(), gateway.opc())
                .networkIndicator(gateway.networkIndicator())
                .serviceIndicator(gateway.serviceIndicator())
                .activeTimeout(gateway.activeTimeout())
                .deliveryThreads(gateway.deliveryThreads());
        if (gateway.role().isServer()) {
            // the gateway listens: the exchange connects from its own port to the gateway's
            b.local(gateway.localHost(), ex.port()).peer(gateway.localHost(), gateway.localPort());
        } else {
            int toExchange = associationTo(gateway, ex.port());
            M3uaSettings.Peer exchangeEnd = gateway.peers().get(toExchange);
            if (gateway.localPort() == 0) {
                throw new IllegalArgumentException("ss7.local-port 0 cannot be used with the embedded exchange: it"
                        + " accepts the gateway's association from a known port only");
            }
            b.local(exchangeEnd.host(), exchangeEnd.port()).peer(gateway.localHost(), gateway.localPortOf(toExchange));
        }
        return new ExchangeSettings(
                b.build(),
                ex.firstCic(),
                ex.circuits(),
                rules(ex),
                ExchangeSettings.DEFAULT_T8,
                ExchangeSettings.DEFAULT_T35,
                ExchangeSettings.DEFAULT_T7,
                ExchangeSettings.DEFAULT_EVENT_CAPACITY);
    }

    /** The numbers as rules; a number no rule matches is answered after the answer delay. */
    public static Rules rules(EmbeddedExchangeConfig ex) {
        Rules rules = new Rules(new Behaviour.AnswerAfter(ex.answerDelay().toMillis()));
        for (NumberRule n : ex.numbers()) {
            rules = rules.on(n.prefix(), behaviour(n, n.behaviour()));
        }
        return rules;
    }

    private static Behaviour behaviour(NumberRule n, EmbeddedExchangeConfig.Behaviour kind) {
        return switch (kind) {
            case ANSWER -> new Behaviour.AnswerAfter(millis(n.delay()));
            case CONNECT -> new Behaviour.ConnectAfter(millis(n.delay()));
            case PROGRESS ->
                new Behaviour.ProgressThenAnswer(
                        millis(n.progressDelay()), millis(n.progressDelay()) + millis(n.delay()));
            case RING, NO_ANSWER -> Behaviour.NO_ANSWER;
            case BUSY -> Behaviour.BUSY;
            case UNALLOCATED -> Behaviour.UNALLOCATED;
            case CONGESTION -> Behaviour.CONGESTION;
            case REJECT -> new Behaviour.Reject(n.cause());
            case RELEASE_AFTER -> new Behaviour.ReleaseAfter(millis(n.hold()));
            case OVERLAP -> new Behaviour.Overlap(n.digits(), behaviour(n, n.then()));
            case SILENT -> new Behaviour.Silent();
        };
    }

    /** The gateway's association to the exchange: the remote peer on the exchange's port. */
    private static int associationTo(M3uaSettings gateway, int exchangePort) {
        for (int i = 0; i < gateway.peers().size(); i++) {
            if (gateway.peers().get(i).port() == exchangePort) {
                return i;
            }
        }
        throw new IllegalArgumentException(
                "no ss7.remote-peers entry is the embedded exchange (port " + exchangePort + "): " + gateway.peers());
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
