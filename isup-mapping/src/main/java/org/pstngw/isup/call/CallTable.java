package org.pstngw.isup.call;

import static org.pstngw.isup.call.CallAction.*;
import static org.pstngw.isup.call.CallEvent.*;
import static org.pstngw.isup.call.CallState.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-circuit transition table (Q.764 clause 2), as data.
 *
 * <pre>
 * Q.764 2.1.4.7: "the outgoing exchange starts T7 on sending the IAM; if T7 expires the connection is released"
 * Q.764 2.1.7:   "on receipt of the ACM, T9 is started; on expiry the call is released (cause 19)"
 * Q.764 2.1.8:   "when the IAM indicates continuity check required, T8 is started; on T8 expiry the call is released"
 * Q.764 2.3.1 d): "if no RLC is received before T1 expires, REL is repeated; if no RLC within T5 (initial REL),
 *                 RSC is sent, maintenance is alerted, T1 is stopped"
 * Q.764 2.5:     "SUS (user) starts T2, SUS (network) starts T6; on expiry the call is released (cause 102)"
 * Q.764 2.9.3.1: "on sending RSC, T16 is started; on expiry RSC is repeated, maintenance alerted, T17 started"
 * Q.764 2.10.1.4 dual seizure: "the exchange with the higher signalling point code controls the even CICs; the
 *                 controlling exchange completes its call and ignores the IAM, the other backs off and re-attempts"
 * </pre>
 *
 * Q.764 2.13 / Q.704 MTP-PAUSE: "the user part ... shall not send messages to the affected destination"; calls in
 * progress are cleared locally with cause 38 and the circuits are reset (GRS) on MTP-RESUME.
 *
 * Rows missing for a received message: discarded (Q.764 2.9.5.3), except on an idle circuit, where it resets the
 * circuit (Q.764 2.9.5.1 a)). Rows missing for a local request: refused.
 */
public final class CallTable {

    /** Q.850 #16 normal call clearing. */
    public static final int NORMAL_CLEARING = 16;
    /** Q.850 #19 no answer from user (T9). */
    public static final int NO_ANSWER = 19;
    /** Q.850 #28 invalid number format (address incomplete, T35). */
    public static final int ADDRESS_INCOMPLETE = 28;
    /** Q.850 #38 network out of order (calls cleared when the destination becomes unreachable). */
    public static final int NETWORK_OUT_OF_ORDER = 38;
    /** Q.850 #41 temporary failure (continuity failure, T8). */
    public static final int TEMPORARY_FAILURE = 41;
    /** Q.850 #102 recovery on timer expiry. */
    public static final int TIMER_EXPIRY = 102;

    private static final Map<CallState, Map<CallEvent, Transition>> TABLE = build();

    private CallTable() {}

    /** The row for {@code event} in {@code state}, if the standard defines one. */
    public static Optional<Transition> lookup(CallState state, CallEvent event) {
        return Optional.ofNullable(TABLE.get(state).get(event));
    }

    /** The whole table, for tests and documentation. */
    public static Map<CallState, Map<CallEvent, Transition>> table() {
        return TABLE;
    }

    private static Map<CallState, Map<CallEvent, Transition>> build() {
        Map<CallState, Map<CallEvent, Transition>> t = new EnumMap<>(CallState.class);
        for (CallState s : CallState.values()) {
            t.put(s, new EnumMap<>(CallEvent.class));
        }
        // Outgoing
        t.get(IDLE)
                .put(
                        LOCAL_SETUP,
                        Transition.to(AWAIT_ADDRESS_COMPLETE, SEND_IAM).start(IsupTimer.T7));
        t.get(AWAIT_ADDRESS_COMPLETE).put(LOCAL_SAM, Transition.to(AWAIT_ADDRESS_COMPLETE, SEND_SAM));
        t.get(AWAIT_ADDRESS_COMPLETE)
                .put(ACM, Transition.to(AWAIT_ANSWER, NOTIFY_ADDRESS_COMPLETE).start(IsupTimer.T9));
        t.get(AWAIT_ADDRESS_COMPLETE).put(CON, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.get(AWAIT_ADDRESS_COMPLETE).put(ANM, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.get(AWAIT_ADDRESS_COMPLETE).put(CPG, Transition.to(AWAIT_ADDRESS_COMPLETE, NOTIFY_PROGRESS));
        t.get(AWAIT_ADDRESS_COMPLETE).put(DUAL_SEIZURE_WON, Transition.to(AWAIT_ADDRESS_COMPLETE));
        t.get(AWAIT_ADDRESS_COMPLETE)
                .put(DUAL_SEIZURE_LOST, Transition.to(INCOMING_SEIZED, NOTIFY_REATTEMPT, NOTIFY_INCOMING_CALL));
        t.get(AWAIT_ADDRESS_COMPLETE)
                .put(
                        T7_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL, NOTIFY_RELEASED)
                                .cause(TIMER_EXPIRY)
                                .start(IsupTimer.T1, IsupTimer.T5));
        t.get(AWAIT_ANSWER).put(CPG, Transition.to(AWAIT_ANSWER, NOTIFY_PROGRESS));
        t.get(AWAIT_ANSWER).put(ANM, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.get(AWAIT_ANSWER)
                .put(
                        T9_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL, NOTIFY_RELEASED)
                                .cause(NO_ANSWER)
                                .start(IsupTimer.T1, IsupTimer.T5));
        // Incoming
        t.get(IDLE).put(REL, Transition.to(IDLE, SEND_RLC));
        t.get(IDLE).put(IAM_COMPLETE, Transition.to(INCOMING_SEIZED, NOTIFY_INCOMING_CALL));
        t.get(IDLE).put(IAM_INCOMPLETE, Transition.to(AWAIT_FURTHER_ADDRESS).start(IsupTimer.T35));
        t.get(IDLE)
                .put(
                        IAM_CONTINUITY_REQUIRED,
                        Transition.to(AWAIT_CONTINUITY, CONNECT_LOOP).start(IsupTimer.T8));
        t.get(AWAIT_FURTHER_ADDRESS)
                .put(
                        SAM_INCOMPLETE,
                        Transition.to(AWAIT_FURTHER_ADDRESS, NOTIFY_MORE_DIGITS).start(IsupTimer.T35));
        t.get(AWAIT_FURTHER_ADDRESS).put(SAM_COMPLETE, Transition.to(INCOMING_SEIZED, NOTIFY_INCOMING_CALL));
        t.get(AWAIT_FURTHER_ADDRESS)
                .put(
                        T35_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL)
                                .cause(ADDRESS_INCOMPLETE)
                                .start(IsupTimer.T1, IsupTimer.T5));
        t.get(AWAIT_CONTINUITY).put(COT_SUCCESS, Transition.to(INCOMING_SEIZED, DISCONNECT_LOOP, NOTIFY_INCOMING_CALL));
        t.get(AWAIT_CONTINUITY).put(COT_FAILURE, Transition.to(IDLE, DISCONNECT_LOOP));
        t.get(AWAIT_CONTINUITY)
                .put(
                        T8_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, DISCONNECT_LOOP, SEND_REL)
                                .cause(TEMPORARY_FAILURE)
                                .start(IsupTimer.T1, IsupTimer.T5));
        t.get(INCOMING_SEIZED).put(LOCAL_ADDRESS_COMPLETE, Transition.to(INCOMING_ALERTING, SEND_ACM));
        t.get(INCOMING_SEIZED).put(LOCAL_ANSWER, Transition.to(ANSWERED, SEND_ANM));
        t.get(INCOMING_ALERTING).put(LOCAL_ANSWER, Transition.to(ANSWERED, SEND_ANM));
        // Suspend / resume
        t.get(ANSWERED)
                .put(SUS_USER, Transition.to(SUSPENDED_BY_USER, NOTIFY_SUSPEND).start(IsupTimer.T2));
        t.get(ANSWERED)
                .put(
                        SUS_NETWORK,
                        Transition.to(SUSPENDED_BY_NETWORK, NOTIFY_SUSPEND).start(IsupTimer.T6));
        for (CallState s : new CallState[] {SUSPENDED_BY_USER, SUSPENDED_BY_NETWORK}) {
            t.get(s).put(RES, Transition.to(ANSWERED, NOTIFY_RESUME));
        }
        t.get(SUSPENDED_BY_USER)
                .put(
                        T2_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL, NOTIFY_RELEASED)
                                .cause(TIMER_EXPIRY)
                                .start(IsupTimer.T1, IsupTimer.T5));
        t.get(SUSPENDED_BY_NETWORK)
                .put(
                        T6_EXPIRED,
                        Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL, NOTIFY_RELEASED)
                                .cause(TIMER_EXPIRY)
                                .start(IsupTimer.T1, IsupTimer.T5));
        // Release in both directions, from every state carrying a call
        for (CallState s : CallState.values()) {
            if (s.hasCall()) {
                Transition local = s == AWAIT_CONTINUITY
                        ? Transition.to(AWAIT_RELEASE_COMPLETE, DISCONNECT_LOOP, SEND_REL)
                        : Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL);
                t.get(s).put(LOCAL_RELEASE, local.start(IsupTimer.T1, IsupTimer.T5));
                Transition remote = s == AWAIT_CONTINUITY
                        ? Transition.to(IDLE, DISCONNECT_LOOP, SEND_RLC, NOTIFY_RELEASED)
                        : Transition.to(IDLE, SEND_RLC, NOTIFY_RELEASED);
                t.get(s).put(REL, remote);
            }
        }
        t.get(AWAIT_RELEASE_COMPLETE).put(RLC, Transition.to(IDLE));
        t.get(AWAIT_RELEASE_COMPLETE).put(REL, Transition.to(IDLE, SEND_RLC));
        t.get(AWAIT_RELEASE_COMPLETE)
                .put(T1_EXPIRED, Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL).start(IsupTimer.T1));
        t.get(AWAIT_RELEASE_COMPLETE)
                .put(
                        T5_EXPIRED,
                        Transition.to(AWAIT_RESET_ACK, SEND_RSC, ALERT_MAINTENANCE)
                                .start(IsupTimer.T17));
        // Continuity re-check on an idle circuit (the loop through the media path)
        t.get(IDLE).put(CCR, Transition.to(CONTINUITY_RECHECK_LOOP, CONNECT_LOOP, SEND_LPA));
        t.get(CONTINUITY_RECHECK_LOOP).put(REL, Transition.to(IDLE, DISCONNECT_LOOP, SEND_RLC));
        t.get(CONTINUITY_RECHECK_LOOP).put(CCR, Transition.to(CONTINUITY_RECHECK_LOOP, SEND_LPA));
        // Reset, from every state (the way back to idle)
        for (CallState s : CallState.values()) {
            boolean loop = s == AWAIT_CONTINUITY || s == CONTINUITY_RECHECK_LOOP;
            Transition rsc = s.hasCall()
                    ? (loop
                            ? Transition.to(IDLE, DISCONNECT_LOOP, SEND_RLC, NOTIFY_RELEASED)
                            : Transition.to(IDLE, SEND_RLC, NOTIFY_RELEASED))
                    : (loop ? Transition.to(IDLE, DISCONNECT_LOOP, SEND_RLC) : Transition.to(IDLE, SEND_RLC));
            t.get(s).put(RSC, rsc.cause(TEMPORARY_FAILURE));
            Transition reset = s.hasCall()
                    ? (loop
                            ? Transition.to(AWAIT_RESET_ACK, DISCONNECT_LOOP, SEND_RSC, NOTIFY_RELEASED)
                            : Transition.to(AWAIT_RESET_ACK, SEND_RSC, NOTIFY_RELEASED))
                    : (loop
                            ? Transition.to(AWAIT_RESET_ACK, DISCONNECT_LOOP, SEND_RSC)
                            : Transition.to(AWAIT_RESET_ACK, SEND_RSC));
            t.get(s).put(LOCAL_RESET, reset.cause(TEMPORARY_FAILURE).start(IsupTimer.T16));
        }
        // Destination unreachable or group reset received: clear locally with the caller's cause (38 / 41)
        for (CallState s : CallState.values()) {
            boolean loop = s == AWAIT_CONTINUITY || s == CONTINUITY_RECHECK_LOOP;
            Transition lost = s.hasCall()
                    ? (loop
                            ? Transition.to(IDLE, DISCONNECT_LOOP, NOTIFY_RELEASED)
                            : Transition.to(IDLE, NOTIFY_RELEASED))
                    : (loop ? Transition.to(IDLE, DISCONNECT_LOOP) : Transition.to(IDLE));
            t.get(s).put(LINK_LOST, lost);
        }
        t.get(AWAIT_RESET_ACK).put(RLC, Transition.to(IDLE));
        t.get(AWAIT_RESET_ACK).put(RSC, Transition.to(IDLE, SEND_RLC));
        t.get(AWAIT_RESET_ACK)
                .put(
                        T16_EXPIRED,
                        Transition.to(AWAIT_RESET_ACK, SEND_RSC, ALERT_MAINTENANCE)
                                .start(IsupTimer.T17));
        t.get(AWAIT_RESET_ACK)
                .put(
                        T17_EXPIRED,
                        Transition.to(AWAIT_RESET_ACK, SEND_RSC, ALERT_MAINTENANCE)
                                .start(IsupTimer.T17));
        Map<CallState, Map<CallEvent, Transition>> frozen = new EnumMap<>(CallState.class);
        t.forEach((state, row) -> frozen.put(state, Map.copyOf(row)));
        return Map.copyOf(frozen);
    }
}
