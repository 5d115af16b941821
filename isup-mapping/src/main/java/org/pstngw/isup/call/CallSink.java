package org.pstngw.isup.call;

/** Carries out a transition's actions (sends messages, tells the application, drives the media loop). */
@FunctionalInterface
public interface CallSink {
    /**
     * Performs one action for circuit {@code cic}; {@code cause} is the Q.850 cause for SEND_REL/NOTIFY_RELEASED
     * (0 when not applicable). Called on the circuit's executor, after the state has changed.
     */
    void perform(int cic, CallAction action, int cause);
}
