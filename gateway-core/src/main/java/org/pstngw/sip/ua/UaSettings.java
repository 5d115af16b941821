package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.Objects;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.SipConfig;
import org.pstngw.conf.SipConfig.Rel100;

/**
 * How the user agent presents itself, from module conf's {@code sip} section.
 *
 * @param user the user part of our Contact
 * @param rel100 RFC 3262: {@code SUPPORTED} (Supported: 100rel; reliable provisionals when the application asks and the
 *     caller supports them, always when the caller requires them), {@code REQUIRED} (our INVITEs require 100rel, an
 *     INVITE without it is refused with 421, every provisional is reliable), {@code DISABLED} (no 100rel; an INVITE
 *     requiring it gets 420)
 * @param userAgent the User-Agent of our requests and Server of our responses; empty for none
 * @param contactHost the host of our Contact and Via sent-by; empty for the listener's bind address
 * @param timerC timer C (RFC 3261 16.6, {@code sip.timer-c}): the longest an INVITE stays without final response, in
 *     either direction. Our INVITE is cancelled and reported 408 when it passes, reset by each provisional above 100;
 *     an INVITE we received and the application leaves unanswered that long (or past its Expires) gets a final
 *     response from the stack
 * @param maxTransactions overload protection ({@code sip.max-transactions}): with this many server transactions
 *     open, a new out-of-dialog request other than CANCEL is answered 503 with Retry-After, statelessly (in-dialog
 *     requests, CANCEL and ACK always pass: they end calls)
 */
public record UaSettings(
        String user, Rel100 rel100, String userAgent, String contactHost, Duration timerC, int maxTransactions) {
    private static final SipConfig CONF_DEFAULTS =
            GatewayConfigLoader.defaults().sip();

    /** Conf's default timer C (just over 3 minutes, 16.6). */
    public static final Duration DEFAULT_TIMER_C = CONF_DEFAULTS.timerC();

    /** Conf's default {@link #maxTransactions}. */
    public static final int DEFAULT_MAX_TRANSACTIONS = CONF_DEFAULTS.maxTransactions();

    /** With {@link #DEFAULT_MAX_TRANSACTIONS}. */
    public UaSettings(String user, Rel100 rel100, String userAgent, String contactHost, Duration timerC) {
        this(user, rel100, userAgent, contactHost, timerC, DEFAULT_MAX_TRANSACTIONS);
    }

    public UaSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rel100, "rel100");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(contactHost, "contactHost");
        Objects.requireNonNull(timerC, "timerC");
        if (timerC.isNegative() || timerC.isZero()) {
            throw new IllegalArgumentException("timer C must be positive: " + timerC);
        }
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be at least 1: " + maxTransactions);
        }
    }

    /** 100rel supported, no User-Agent/Server, Contact on the bind address, conf's default timer C. */
    public static UaSettings defaults(String user) {
        return new UaSettings(user, Rel100.SUPPORTED, "", "", DEFAULT_TIMER_C);
    }

    /** The settings of conf's {@code sip} section, with {@code user} as our Contact user. */
    public static UaSettings from(SipConfig sip, String user) {
        return new UaSettings(
                user, sip.rel100(), sip.userAgent(), sip.contactHost(), sip.timerC(), sip.maxTransactions());
    }

    /** The same with another timer C. */
    public UaSettings withTimerC(Duration c) {
        return new UaSettings(user, rel100, userAgent, contactHost, c, maxTransactions);
    }

    /** The same with another transaction limit. */
    public UaSettings withMaxTransactions(int max) {
        return new UaSettings(user, rel100, userAgent, contactHost, timerC, max);
    }

    /** Whether 100rel is offered at all. */
    boolean reliableProvisionals() {
        return rel100 != Rel100.DISABLED;
    }
}
