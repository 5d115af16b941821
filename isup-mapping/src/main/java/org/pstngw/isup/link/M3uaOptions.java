package org.pstngw.isup.link;

import java.time.Duration;
import java.util.Objects;

/**
 * M3UA settings that conf's {@code ss7} section does not carry (yet), with defaults that suit a gateway towards one or
 * two STPs. {@link M3uaSettingsFromConf} applies them on top of the configuration.
 *
 * @param ipspSide in IPSP mode, whether this node opens the associations (client) or accepts them (server)
 * @param exchange single or double exchange of ASP state (RFC 4666 4.3.1; IPSP pairs may use double)
 * @param minActiveAsps loadshare: ASPs that must be active before the AS is (1..number of peers; capped there)
 * @param deliveryThreads jSS7 delivery threads for received PDUs (per-SLS order is kept on any count)
 * @param activeTimeout how long start() waits for the destination to become routable
 * @param userPartTestInterval Q.764 T4, the user part test interval (Annex A: 5 to 15 minutes)
 */
public record M3uaOptions(
        IpspSide ipspSide,
        M3uaSettings.Exchange exchange,
        int minActiveAsps,
        int deliveryThreads,
        Duration activeTimeout,
        Duration userPartTestInterval) {

    /** IPSP client, single exchange, 1 active ASP, 2 delivery threads, 10 s to become active, T4 5 minutes. */
    public static final M3uaOptions DEFAULTS = new M3uaOptions(
            IpspSide.CLIENT,
            M3uaSettings.Exchange.SINGLE,
            1,
            2,
            Duration.ofSeconds(10),
            M3uaSettings.DEFAULT_USER_PART_TEST_INTERVAL);

    /** Which end of an IPSP association this node is. */
    public enum IpspSide {
        CLIENT,
        SERVER
    }

    public M3uaOptions {
        Objects.requireNonNull(ipspSide, "ipspSide");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(activeTimeout, "activeTimeout");
        Objects.requireNonNull(userPartTestInterval, "userPartTestInterval");
    }

    public M3uaOptions withIpspSide(IpspSide side) {
        return new M3uaOptions(side, exchange, minActiveAsps, deliveryThreads, activeTimeout, userPartTestInterval);
    }
}
