package org.pstngw.isup.call;

import org.pstngw.sipi.isup.IsupMessage;

/** Carries out a circuit's transitions: its actions and its changes to and from idle. */
public interface CallSink {
    /**
     * Performs one action for circuit {@code cic}, after the state has changed. {@code cause} is the Q.850 cause for
     * SEND_REL/NOTIFY_RELEASED (0 when not applicable); {@code message} is the event's message (the received one for
     * NOTIFY_*, the one to send for SEND_IAM/ACM/..., the original IAM for REATTEMPT), or null when the event had none
     * (timer expiry, link loss).
     */
    void perform(int cic, CallAction action, int cause, IsupMessage message);

    /** The circuit left idle ({@code busy}) or returned to it; called before the transition's actions. */
    default void occupancy(int cic, boolean busy) {}
}
