package org.pstngw.isup.call;

import org.pstngw.sipi.isup.IsupMessage;

/**
 * What the application (the SIP interworking function) hears about its calls. Every method is called on the call
 * control's executor, after the transition that caused it is complete; it may call back into call control (the
 * request is queued behind the current work) but must not block on the returned stage.
 */
public interface IsupCallListener {

    /**
     * A NOTIFY_* action of a circuit: incoming call, address complete, progress, answer, suspend/resume, more digits,
     * released (with its Q.850 cause) or release complete. {@code message} is the received message that caused it,
     * or null for timer expiries, link loss and resets.
     */
    void onCallEvent(int cic, CallAction what, int cause, IsupMessage message);

    /**
     * The outgoing call on {@code fromCic} could not stay there (dual seizure lost, continuity failure, reset or UCIC
     * before a backward message, blocking during set-up) and was re-attempted with its original IAM: it now lives on
     * {@link SetupResult.Started#cic()}, or failed with {@link SetupResult.Refused#cause()}. Told before anything else
     * about {@code fromCic} (which may carry the other exchange's call next).
     */
    void onReattempt(int fromCic, SetupResult result);

    /** A circuit needs human attention; call control logs it too. */
    default void onMaintenanceAlert(int cic, MaintenanceAlert alert) {}
}
