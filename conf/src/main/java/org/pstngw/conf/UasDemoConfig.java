package org.pstngw.conf;

import java.time.Duration;

/**
 * Demo user agent server: answers every INVITE with 180 then 200 + SDP after a delay.
 *
 * @param enabled whether the demo UAS answers calls
 * @param answerDelay time between the INVITE and the 200 OK
 */
public record UasDemoConfig(boolean enabled, Duration answerDelay) {}
