package org.pstngw.sip.transaction;

import java.time.Duration;
import java.util.Objects;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.SipConfig;

/**
 * The base timer values of RFC 3261 section 17 and the transaction timers derived from them (table 4 of RFC 3261,
 * with timers L and M of RFC 6026).
 *
 * <pre>
 * T1  500 ms default  RTT estimate
 * T2  4 s             maximum retransmit interval for non-INVITE requests and INVITE responses
 * T4  5 s             maximum duration a message remains in the network
 * A   initially T1    INVITE request retransmit interval, UDP only (doubles)
 * B   64*T1           INVITE transaction timeout
 * D   &gt; 32 s for UDP, 0 for TCP/SCTP   wait time for response retransmits
 * E   initially T1    non-INVITE request retransmit interval, UDP only (doubles up to T2)
 * F   64*T1           non-INVITE transaction timeout
 * G   initially T1    INVITE response retransmit interval (doubles up to T2)
 * H   64*T1           wait time for ACK receipt
 * I   T4 for UDP, 0 for TCP/SCTP      wait time for ACK retransmits
 * J   64*T1 for UDP, 0 for TCP/SCTP   wait time for non-INVITE request retransmits
 * K   T4 for UDP, 0 for TCP/SCTP      wait time for response retransmits
 * L   64*T1           wait time for accepted INVITE request retransmits (RFC 6026)
 * M   64*T1           wait time for retransmission of 2xx to INVITE (RFC 6026)
 * </pre>
 *
 * @param t1 round-trip time estimate
 * @param t2 maximum retransmission interval
 * @param t4 maximum time a message stays in the network
 * @param timerD timer D for unreliable transports (at least 32 s by the RFC)
 * @param trying how long an INVITE server transaction waits for a provisional from the TU before it sends 100 Trying
 *     itself (17.2.1: 200 ms); zero sends it at once
 */
public record TimerConfig(Duration t1, Duration t2, Duration t4, Duration timerD, Duration trying) {

    /**
     * The defaults: T1, T2 and T4 of module conf's embedded default (RFC 3261's 500 ms, 4 s, 5 s; defined once, in
     * conf), timer D 32 s, 100 Trying at once.
     */
    public static final TimerConfig DEFAULT =
            from(GatewayConfigLoader.defaults().sip());

    /** T1, T2 and T4 of conf's {@code sip} section; timer D 32 s (RFC 3261's minimum); 100 Trying sent at once. */
    public static TimerConfig from(SipConfig sip) {
        return new TimerConfig(sip.t1(), sip.t2(), sip.t4(), Duration.ofSeconds(32), Duration.ZERO);
    }

    public TimerConfig {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        Objects.requireNonNull(timerD, "timerD");
        Objects.requireNonNull(trying, "trying");
        if (t1.isNegative() || t1.isZero()) {
            throw new IllegalArgumentException("T1 must be positive: " + t1);
        }
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("T2 " + t2 + " must not be below T1 " + t1);
        }
    }

    /** The same values with T1, T2 and T4 replaced. */
    public TimerConfig withBase(Duration newT1, Duration newT2, Duration newT4) {
        return new TimerConfig(newT1, newT2, newT4, timerD, trying);
    }

    /** Timer B, F, H, L and M: 64*T1. */
    public Duration timeout64T1() {
        return t1.multipliedBy(64);
    }

    /** Timer D: {@link #timerD()} on unreliable transports, zero on reliable ones. */
    public Duration timerD(boolean reliable) {
        return reliable ? Duration.ZERO : timerD;
    }

    /** Timer I and K: T4 on unreliable transports, zero on reliable ones. */
    public Duration timerIorK(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    /** Timer J: 64*T1 on unreliable transports, zero on reliable ones. */
    public Duration timerJ(boolean reliable) {
        return reliable ? Duration.ZERO : timeout64T1();
    }

    /** The initial value of {@code timer} on a reliable or unreliable transport. */
    public Duration initial(TimerName timer, boolean reliable) {
        return switch (timer) {
            case A, E, G -> t1;
            case B, F, H, L, M -> timeout64T1();
            case D -> timerD(reliable);
            case I, K -> timerIorK(reliable);
            case J -> timerJ(reliable);
            case TRYING -> trying;
        };
    }

    /** The next retransmission interval after {@code current}: doubled, capped at T2 (timers E and G). */
    public Duration backoffCapped(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }
}
