package org.pstngw.isup.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * One circuit of the simulated exchange: its call, if any, and its blocking states as this exchange sees them. Each
 * call gets a new generation, so a delayed action (ANM, REL) that fires after the call was released finds another
 * generation and does nothing; release also cancels the pending actions. Touched only on the exchange's thread.
 */
final class SimCircuit {

    final int cic;
    CallPhase phase = CallPhase.IDLE;
    long generation;
    String digits = "";
    /** An ST signal ended the number. */
    boolean numberEnded;

    Behaviour behaviour;
    /** The IAM asked for a continuity check and no successful COT came yet. */
    boolean continuityPending;

    boolean suspended;
    boolean locallyMaintenanceBlocked;
    boolean remotelyMaintenanceBlocked;
    boolean locallyHardwareBlocked;
    boolean remotelyHardwareBlocked;
    /**
     * RELs still to leave unanswered (no RLC, the call stays as it was), so that the other side's T1 and T5 run out
     * over the wire. Set from a test; not part of a call, so {@link #clear()} keeps it.
     */
    int releasesToIgnore;

    private final List<Future<?>> pending = new ArrayList<>();
    private Future<?> digitTimer;

    SimCircuit(int cic) {
        this.cic = cic;
    }

    /** Starts a new call in the phase: cancels what the previous one left pending. */
    long begin(CallPhase first) {
        clear();
        phase = first;
        return generation;
    }

    /** Back to idle: cancels every pending action of the call. */
    void clear() {
        pending.forEach(f -> f.cancel(false));
        pending.clear();
        digitTimer = null;
        phase = CallPhase.IDLE;
        digits = "";
        numberEnded = false;
        behaviour = null;
        continuityPending = false;
        suspended = false;
        generation++;
    }

    /** (Re)starts T35, the wait for further digits. */
    void restartDigitTimer(Future<?> t35) {
        stopDigitTimer();
        digitTimer = t35;
        pending.add(t35);
    }

    void stopDigitTimer() {
        if (digitTimer != null) {
            digitTimer.cancel(false);
            digitTimer = null;
        }
    }

    void pending(Future<?> action) {
        pending.add(action);
    }

    boolean isCallOf(long gen) {
        return generation == gen && phase != CallPhase.IDLE;
    }

    /**
     * Q.763 3.14 circuit state indicator octet: bits BA maintenance blocking (00 none, 01 locally, 10 remotely, 11
     * both), bits DC call processing (01 incoming busy, 10 outgoing busy, 11 idle), bits FE hardware blocking (coded
     * like BA; when not 00, DC is 11).
     */
    int stateIndicator() {
        int ba = (locallyMaintenanceBlocked ? 0b01 : 0) | (remotelyMaintenanceBlocked ? 0b10 : 0);
        int fe = (locallyHardwareBlocked ? 0b01 : 0) | (remotelyHardwareBlocked ? 0b10 : 0);
        int dc = switch (phase) {
            case IDLE -> 0b11;
            case OUTGOING, OUTGOING_ALERTING, OUTGOING_ANSWERED -> 0b10;
            default -> 0b01;
        };
        if (fe != 0) {
            dc = 0b11;
        }
        return fe << 4 | dc << 2 | ba;
    }

    /** Q.763 3.14 for a CIC this exchange does not have: DC 00 with BA 11, unequipped. */
    static int unequippedIndicator() {
        return 0b11;
    }
}
