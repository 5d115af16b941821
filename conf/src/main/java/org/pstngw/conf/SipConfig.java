package org.pstngw.conf;

import java.time.Duration;
import java.util.List;

/**
 * The SIP side.
 *
 * @param transports listening transports (at least one)
 * @param t1 RFC 3261 T1, RTT estimate (500ms); timers B, F and H are 64*T1
 * @param t2 RFC 3261 T2, maximum retransmit interval for non-INVITE requests and INVITE responses (4s)
 * @param t4 RFC 3261 T4, maximum duration a message remains in the network (5s)
 * @param timerC timer C (RFC 3261 16.6), greater than 3 minutes: the longest an INVITE waits for its final response, in
 *     either direction
 * @param maxMessageSize largest SIP message accepted on a stream transport, bytes
 * @param maxUdpMessageSize largest SIP message accepted on UDP, bytes
 * @param maxHeaders largest number of header fields accepted in one message
 * @param maxTransactions most server transactions open at once; beyond, an out-of-dialog request other than CANCEL is
 *     answered 503 (in-dialog requests, CANCEL and ACK always pass)
 * @param userAgent value of the User-Agent and Server headers
 * @param contactHost host placed in Contact and Via; empty means the transport's bind address
 * @param rel100 RFC 3262 reliable provisional responses
 * @param sessionTimer RFC 4028 session timer (not implemented yet: the loader refuses {@code enabled: true})
 * @param uasDemo demo mode: answer every INVITE (used until the IWF is wired)
 */
public record SipConfig(
        List<SipTransportConfig> transports,
        Duration t1,
        Duration t2,
        Duration t4,
        Duration timerC,
        int maxMessageSize,
        int maxUdpMessageSize,
        int maxHeaders,
        int maxTransactions,
        String userAgent,
        String contactHost,
        Rel100 rel100,
        SessionTimerConfig sessionTimer,
        UasDemoConfig uasDemo) {
    public SipConfig {
        transports = List.copyOf(transports);
    }

    /** RFC 3262 support. */
    public enum Rel100 {
        SUPPORTED,
        REQUIRED,
        DISABLED
    }

    /** Timer B, F and H: 64*T1. */
    public Duration timerB() {
        return t1.multipliedBy(64);
    }
}
