package org.pstngw.sip.ua;

import java.util.Objects;
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
 */
public record UaSettings(String user, Rel100 rel100, String userAgent, String contactHost) {
    public UaSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rel100, "rel100");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(contactHost, "contactHost");
    }

    /** 100rel supported, no User-Agent/Server, Contact on the bind address. */
    public static UaSettings defaults(String user) {
        return new UaSettings(user, Rel100.SUPPORTED, "", "");
    }

    /** The settings of conf's {@code sip} section, with {@code user} as our Contact user. */
    public static UaSettings from(SipConfig sip, String user) {
        return new UaSettings(user, sip.rel100(), sip.userAgent(), sip.contactHost());
    }

    /** Whether 100rel is offered at all. */
    boolean reliableProvisionals() {
        return rel100 != Rel100.DISABLED;
    }
}
