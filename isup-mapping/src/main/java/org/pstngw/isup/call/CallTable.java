package org.pstngw.isup.call;

import static org.pstngw.isup.call.CallAction.*;
import static org.pstngw.isup.call.CallEvent.*;
import static org.pstngw.isup.call.CallState.*;
import static org.pstngw.isup.call.IsupTimer.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-circuit transition table (Q.764 clause 2, 12/1999), as data. The rows quote the clause they follow:
 *
 * <pre>
 * 2.1.4.7 / A.1 T7: "started when the latest address message is sent ... at expiry release all equipment and
 *                    connection (send release message)"; a SAM restarts it (overlap sending)
 * 2.1.7 / A.1 T9:   "when the controlling exchange receives ACM ... at expiry release (cause 19)"
 * 2.1.8 / A.1 T8:   "when an exchange receives an IAM requiring continuity check on this circuit or indicating that
 *                    continuity check has been performed on a previous circuit ... at expiry send release message"
 * 2.1.8 / A.1 T24/T25/T26/T27/T36: tone check within T24; after the first failure COT (failed), re-attempt of the
 *                    call elsewhere, CCR after T25, later failures after T26; the incoming side waits T27 for the
 *                    CCR after a COT (failed) and then resets; after a CCR it waits T36 for COT or REL, then resets
 * 2.3.1 / 2.9.6 / A.1 T1/T5: "REL repeated at T1 ... at T5 send reset circuit message, alert maintenance, remove the
 *                    circuit from service, stop T1, start T17"
 * 2.4 / A.1 T2/T6:   the controlling exchange starts T2 on SUS (user), T6 on SUS (network); at expiry release (102)
 * 2.9.1.4:           dual seizure: the controlling exchange completes its call and ignores the IAM, the other one
 *                    backs off and makes an automatic repeat attempt on another circuit
 * 2.9.3.1 / A.1 T16/T17: RSC starts T16 and T17; at T16 RSC repeated; at T17 RSC repeated, maintenance alerted,
 *                    T16 stopped; RSC received: the circuit is released and RLC sent (after IAM sent, before a
 *                    backward message: repeat attempt on another circuit); after RSC sent: RLC, stay until our RLC
 * 2.9.5.1:           UCIC: the call is released (re-attempted if our IAM got it), the circuit removed from service
 * </pre>
 *
 * Q.764 2.13 / Q.704 MTP-PAUSE: "the user part ... shall not send messages to the affected destination": calls are
 * cleared locally (cause 38) and the circuits reset (GRS) on MTP-RESUME.
 *
 * <p>No row: a received message is discarded (2.9.5.3), except on an idle circuit, where it resets the circuit
 * (2.9.5.1 a)); a local request is refused; an indication is ignored.
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
    /** Q.850 #41 temporary failure (continuity failure, T8, resets, hardware blocking). */
    public static final int TEMPORARY_FAILURE = 41;
    /** Q.850 #63 service or option not available (IAM on an outgoing-only circuit). */
    public static final int SERVICE_NOT_AVAILABLE = 63;
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
        Rows t = new Rows();
        outgoing(t);
        incoming(t);
        suspendResume(t);
        continuity(t);
        release(t);
        reset(t);
        Map<CallState, Map<CallEvent, Transition>> frozen = new EnumMap<>(CallState.class);
        t.rows.forEach((state, row) -> frozen.put(state, Map.copyOf(row)));
        return Map.copyOf(frozen);
    }

    private static void outgoing(Rows t) {
        t.put(IDLE, LOCAL_SETUP, Transition.to(AWAIT_ADDRESS_COMPLETE, SEND_IAM).start(T7));
        t.put(
                IDLE,
                LOCAL_SETUP_WITH_CONTINUITY,
                Transition.to(OUTGOING_CONTINUITY_CHECK, SEND_IAM, START_TONE_TEST)
                        .start(T7, T24));
        for (CallState s : List.of(OUTGOING_CONTINUITY_CHECK, AWAIT_ADDRESS_COMPLETE)) {
            t.put(s, LOCAL_SAM, Transition.to(s, SEND_SAM).start(T7));
            t.put(s, DUAL_SEIZURE_WON, Transition.to(s));
            t.put(s, DUAL_SEIZURE_LOST, Transition.to(IDLE, with(s.cleanup(), REATTEMPT)));
            t.put(s, UCIC, Transition.to(IDLE, with(s.cleanup(), REATTEMPT)));
            t.put(s, RSC, Transition.to(IDLE, with(s.cleanup(), SEND_RLC, REATTEMPT)));
            t.put(s, BLOCKED_REMOTELY, releasing(TEMPORARY_FAILURE, with(s.cleanup(), SEND_REL, REATTEMPT)));
            t.put(s, T7_EXPIRED, releasing(TIMER_EXPIRY, with(s.cleanup(), SEND_REL, NOTIFY_RELEASED)));
        }
        t.put(
                OUTGOING_CONTINUITY_CHECK,
                TONE_RECEIVED,
                Transition.to(AWAIT_ADDRESS_COMPLETE, STOP_TONE_TEST, SEND_COT_SUCCESS)
                        .keep(T7));
        for (CallEvent failed : List.of(TONE_FAILED, T24_EXPIRED)) {
            t.put(
                    OUTGOING_CONTINUITY_CHECK,
                    failed,
                    Transition.to(CONTINUITY_RETEST_WAIT, STOP_TONE_TEST, SEND_COT_FAILURE, REATTEMPT)
                            .start(T25));
        }
        t.put(
                AWAIT_ADDRESS_COMPLETE,
                ACM,
                Transition.to(AWAIT_ANSWER, NOTIFY_ADDRESS_COMPLETE).start(T9));
        t.put(AWAIT_ADDRESS_COMPLETE, CON, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.put(AWAIT_ADDRESS_COMPLETE, ANM, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.put(AWAIT_ADDRESS_COMPLETE, CPG, Transition.to(AWAIT_ADDRESS_COMPLETE, NOTIFY_PROGRESS));
        t.put(AWAIT_ANSWER, CPG, Transition.to(AWAIT_ANSWER, NOTIFY_PROGRESS));
        t.put(AWAIT_ANSWER, ANM, Transition.to(ANSWERED, NOTIFY_ANSWER));
        t.put(AWAIT_ANSWER, T9_EXPIRED, releasing(NO_ANSWER, SEND_REL, NOTIFY_RELEASED));
    }

    private static void incoming(Rows t) {
        t.put(IDLE, IAM, Transition.to(INCOMING_SEIZED, NOTIFY_INCOMING_CALL));
        t.put(
                IDLE,
                IAM_CONTINUITY_REQUIRED,
                Transition.to(AWAIT_CONTINUITY, CONNECT_LOOP).start(T8));
        t.put(
                IDLE,
                IAM_CONTINUITY_PREVIOUS,
                Transition.to(AWAIT_CONTINUITY_PREVIOUS).start(T8));
        t.put(IDLE, IAM_REFUSED, releasing(SERVICE_NOT_AVAILABLE, SEND_REL));
        t.put(AWAIT_CONTINUITY, COT_SUCCESS, Transition.to(INCOMING_SEIZED, DISCONNECT_LOOP, NOTIFY_INCOMING_CALL));
        t.put(
                AWAIT_CONTINUITY,
                COT_FAILURE,
                Transition.to(AWAIT_CONTINUITY_RECHECK, DISCONNECT_LOOP).start(T27));
        t.put(AWAIT_CONTINUITY_PREVIOUS, COT_SUCCESS, Transition.to(INCOMING_SEIZED, NOTIFY_INCOMING_CALL));
        for (CallState s : List.of(AWAIT_CONTINUITY, AWAIT_CONTINUITY_PREVIOUS)) {
            t.put(s, T8_EXPIRED, releasing(TEMPORARY_FAILURE, with(s.cleanup(), SEND_REL)));
        }
        t.put(AWAIT_CONTINUITY_PREVIOUS, COT_FAILURE, releasing(TEMPORARY_FAILURE, SEND_REL));
        // overlap receiving: SAMs reach the number analysis whenever they come; it decides on completeness
        t.put(
                INCOMING_SEIZED,
                SAM_INCOMPLETE,
                Transition.to(AWAIT_FURTHER_ADDRESS, NOTIFY_MORE_DIGITS).start(T35));
        t.put(INCOMING_SEIZED, SAM_COMPLETE, Transition.to(INCOMING_SEIZED, NOTIFY_MORE_DIGITS));
        t.put(
                INCOMING_SEIZED,
                LOCAL_AWAIT_DIGITS,
                Transition.to(AWAIT_FURTHER_ADDRESS).start(T35));
        t.put(INCOMING_SEIZED, LOCAL_DIGITS_COMPLETE, Transition.to(INCOMING_SEIZED));
        t.put(
                AWAIT_FURTHER_ADDRESS,
                SAM_INCOMPLETE,
                Transition.to(AWAIT_FURTHER_ADDRESS, NOTIFY_MORE_DIGITS).start(T35));
        t.put(AWAIT_FURTHER_ADDRESS, SAM_COMPLETE, Transition.to(INCOMING_SEIZED, NOTIFY_MORE_DIGITS));
        t.put(AWAIT_FURTHER_ADDRESS, LOCAL_AWAIT_DIGITS, Transition.to(AWAIT_FURTHER_ADDRESS));
        t.put(AWAIT_FURTHER_ADDRESS, LOCAL_DIGITS_COMPLETE, Transition.to(INCOMING_SEIZED));
        t.put(AWAIT_FURTHER_ADDRESS, T35_EXPIRED, releasing(ADDRESS_INCOMPLETE, SEND_REL, NOTIFY_RELEASED));
        for (CallState s : List.of(INCOMING_SEIZED, AWAIT_FURTHER_ADDRESS)) {
            t.put(s, LOCAL_ADDRESS_COMPLETE, Transition.to(INCOMING_ALERTING, SEND_ACM));
            t.put(s, LOCAL_CONNECT, Transition.to(ANSWERED, SEND_CON));
        }
        t.put(INCOMING_ALERTING, LOCAL_PROGRESS, Transition.to(INCOMING_ALERTING, SEND_CPG));
        t.put(INCOMING_ALERTING, LOCAL_ANSWER, Transition.to(ANSWERED, SEND_ANM));
    }

    private static void suspendResume(Rows t) {
        t.put(
                ANSWERED,
                SUS_USER,
                Transition.to(SUSPENDED_BY_USER, NOTIFY_SUSPEND).start(T2));
        t.put(
                ANSWERED,
                SUS_NETWORK,
                Transition.to(SUSPENDED_BY_NETWORK, NOTIFY_SUSPEND).start(T6));
        t.put(ANSWERED, SUS_NOT_CONTROLLING, Transition.to(SUSPENDED_REMOTELY, NOTIFY_SUSPEND));
        t.put(ANSWERED, LOCAL_SUSPEND, Transition.to(SUSPENDED_LOCALLY, SEND_SUS));
        t.put(
                ANSWERED,
                LOCAL_SUSPEND_CONTROLLING,
                Transition.to(SUSPENDED_LOCALLY, SEND_SUS).start(T2));
        t.put(ANSWERED, CPG, Transition.to(ANSWERED, NOTIFY_PROGRESS));
        t.put(ANSWERED, LOCAL_PROGRESS, Transition.to(ANSWERED, SEND_CPG));
        for (CallState s : List.of(SUSPENDED_BY_USER, SUSPENDED_BY_NETWORK, SUSPENDED_REMOTELY)) {
            t.put(s, RES, Transition.to(ANSWERED, NOTIFY_RESUME));
        }
        t.put(SUSPENDED_LOCALLY, LOCAL_RESUME, Transition.to(ANSWERED, SEND_RES));
        for (CallState s : List.of(SUSPENDED_BY_USER, SUSPENDED_LOCALLY)) {
            t.put(s, T2_EXPIRED, releasing(TIMER_EXPIRY, SEND_REL, NOTIFY_RELEASED));
        }
        t.put(SUSPENDED_BY_NETWORK, T6_EXPIRED, releasing(TIMER_EXPIRY, SEND_REL, NOTIFY_RELEASED));
    }

    private static void continuity(Rows t) {
        // incoming side: re-check after a failure, or a test call on an idle circuit
        for (CallState s : List.of(IDLE, AWAIT_CONTINUITY_RECHECK)) {
            t.put(
                    s,
                    CCR,
                    Transition.to(CONTINUITY_RECHECK_LOOP, CONNECT_LOOP, SEND_LPA)
                            .start(T36));
        }
        t.put(
                CONTINUITY_RECHECK_LOOP,
                CCR,
                Transition.to(CONTINUITY_RECHECK_LOOP, SEND_LPA).start(T36));
        t.put(
                CONTINUITY_RECHECK_LOOP,
                COT_FAILURE,
                Transition.to(AWAIT_CONTINUITY_RECHECK, DISCONNECT_LOOP).start(T27));
        t.put(
                CONTINUITY_RECHECK_LOOP,
                T36_EXPIRED,
                Transition.to(AWAIT_RESET_ACK, DISCONNECT_LOOP, SEND_RSC).start(T16, T17));
        t.put(
                AWAIT_CONTINUITY_RECHECK,
                T27_EXPIRED,
                Transition.to(AWAIT_RESET_ACK, SEND_RSC).start(T16, T17));
        // outgoing side: re-test after a failure, or a test call we start
        t.put(
                IDLE,
                LOCAL_CONTINUITY_TEST,
                Transition.to(CONTINUITY_RETEST, SEND_CCR, START_TONE_TEST).start(T24));
        for (CallEvent due : List.of(T25_EXPIRED, T26_EXPIRED)) {
            t.put(
                    CONTINUITY_RETEST_WAIT,
                    due,
                    Transition.to(CONTINUITY_RETEST, SEND_CCR, START_TONE_TEST).start(T24));
        }
        t.put(CONTINUITY_RETEST, TONE_RECEIVED, releasing(NORMAL_CLEARING, STOP_TONE_TEST, SEND_REL));
        for (CallEvent failed : List.of(TONE_FAILED, T24_EXPIRED)) {
            t.put(
                    CONTINUITY_RETEST,
                    failed,
                    Transition.to(CONTINUITY_RETEST_WAIT, STOP_TONE_TEST, SEND_COT_FAILURE, ALERT_CONTINUITY_FAILURE)
                            .start(T26));
        }
    }

    private static void release(Rows t) {
        t.put(AWAIT_RELEASE_COMPLETE, RLC, Transition.to(IDLE, NOTIFY_RELEASE_COMPLETE));
        t.put(AWAIT_RELEASE_COMPLETE, REL, Transition.to(IDLE, SEND_RLC, NOTIFY_RELEASE_COMPLETE));
        t.put(
                AWAIT_RELEASE_COMPLETE,
                T1_EXPIRED,
                Transition.to(AWAIT_RELEASE_COMPLETE, SEND_REL).start(T1));
        t.put(
                AWAIT_RELEASE_COMPLETE,
                T5_EXPIRED,
                Transition.to(AWAIT_RESET_ACK, SEND_RSC, ALERT_RELEASE_UNACKNOWLEDGED)
                        .start(T17));
        t.put(IDLE, REL, Transition.to(IDLE, SEND_RLC));
        // RSC sent and a REL crosses it: answer it, the circuit stays reset until our RLC
        t.put(AWAIT_RESET_ACK, REL, Transition.to(AWAIT_RESET_ACK, SEND_RLC));
        for (CallState s : CallState.values()) {
            if (s.hasCall()) {
                t.put(
                        s,
                        LOCAL_RELEASE,
                        Transition.to(AWAIT_RELEASE_COMPLETE, with(s.cleanup(), SEND_REL))
                                .start(T1, T5));
                t.putIfAbsent(s, REL, Transition.to(IDLE, with(s.cleanup(), SEND_RLC, NOTIFY_RELEASED)));
            } else {
                t.putIfAbsent(s, REL, Transition.to(IDLE, with(s.cleanup(), SEND_RLC)));
            }
        }
    }

    private static void reset(Rows t) {
        // the circuit of a call we released (REL or RSC sent) becomes idle: the application hears the cycle ended
        for (CallState s : List.of(AWAIT_RELEASE_COMPLETE, AWAIT_RESET_ACK)) {
            t.put(s, CLEAR_LOCALLY, Transition.to(IDLE, NOTIFY_RELEASE_COMPLETE));
            t.put(s, UCIC, Transition.to(IDLE, NOTIFY_RELEASE_COMPLETE));
        }
        t.put(AWAIT_RESET_ACK, RLC, Transition.to(IDLE, NOTIFY_RELEASE_COMPLETE));
        t.put(AWAIT_RESET_ACK, RSC, Transition.to(AWAIT_RESET_ACK, SEND_RLC));
        t.put(
                AWAIT_RESET_ACK,
                T16_EXPIRED,
                Transition.to(AWAIT_RESET_ACK, SEND_RSC).start(T16));
        t.put(
                AWAIT_RESET_ACK,
                T17_EXPIRED,
                Transition.to(AWAIT_RESET_ACK, SEND_RSC, ALERT_RESET_UNACKNOWLEDGED)
                        .start(T17)
                        .stop(T16));
        t.put(AWAIT_RELEASE_COMPLETE, RSC, Transition.to(IDLE, SEND_RLC, NOTIFY_RELEASE_COMPLETE));
        for (CallState s : CallState.values()) {
            List<CallAction> released = s.hasCall() ? List.of(NOTIFY_RELEASED) : List.of();
            t.putIfAbsent(
                    s,
                    RSC,
                    Transition.to(IDLE, with(s.cleanup(), SEND_RLC, released)).cause(TEMPORARY_FAILURE));
            t.putIfAbsent(
                    s,
                    LOCAL_RESET,
                    Transition.to(AWAIT_RESET_ACK, with(s.cleanup(), SEND_RSC, released))
                            .cause(TEMPORARY_FAILURE)
                            .start(T16, T17));
            t.putIfAbsent(s, CLEAR_LOCALLY, Transition.to(IDLE, with(s.cleanup(), released)));
            t.putIfAbsent(
                    s, UCIC, Transition.to(IDLE, with(s.cleanup(), released)).cause(TEMPORARY_FAILURE));
        }
    }

    /** We release the call: to AWAIT_RELEASE_COMPLETE with REL carrying {@code cause}, T1 and T5 started (Q.764 2.3.1). */
    private static Transition releasing(int cause, CallAction... actions) {
        return Transition.to(AWAIT_RELEASE_COMPLETE, actions).cause(cause).start(T1, T5);
    }

    private static Transition releasing(int cause, List<CallAction> actions) {
        return Transition.to(AWAIT_RELEASE_COMPLETE, actions).cause(cause).start(T1, T5);
    }

    private static List<CallAction> with(List<CallAction> first, CallAction... then) {
        List<CallAction> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all;
    }

    private static List<CallAction> with(List<CallAction> first, CallAction then, List<CallAction> last) {
        List<CallAction> all = with(first, then);
        all.addAll(last);
        return all;
    }

    private static List<CallAction> with(List<CallAction> first, List<CallAction> last) {
        List<CallAction> all = new ArrayList<>(first);
        all.addAll(last);
        return all;
    }

    /** The table under construction; a row defined twice is a bug in the table, not a choice. */
    private static final class Rows {
        final Map<CallState, Map<CallEvent, Transition>> rows = new EnumMap<>(CallState.class);

        Rows() {
            for (CallState s : CallState.values()) {
                rows.put(s, new EnumMap<>(CallEvent.class));
            }
        }

        void put(CallState s, CallEvent e, Transition t) {
            if (rows.get(s).putIfAbsent(e, t) != null) {
                throw new IllegalStateException("row " + s + " --" + e + "--> defined twice");
            }
        }

        void putIfAbsent(CallState s, CallEvent e, Transition t) {
            rows.get(s).putIfAbsent(e, t);
        }
    }
}
