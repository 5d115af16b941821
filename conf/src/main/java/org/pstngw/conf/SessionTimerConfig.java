package org.pstngw.conf;

import java.time.Duration;

/**
 * RFC 4028 session timer. Not implemented yet: the loader refuses {@code enabled: true} rather than run without it.
 *
 * @param enabled whether the gateway asks for session refreshes (always false for now)
 * @param sessionExpires requested Session-Expires
 * @param minSe smallest Session-Expires accepted (Min-SE), at least 90s
 */
public record SessionTimerConfig(boolean enabled, Duration sessionExpires, Duration minSe) {}
