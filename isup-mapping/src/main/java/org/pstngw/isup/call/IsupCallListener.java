package org.pstngw.isup.call;

import org.pstngw.sipi.isup.IsupMessage;

/** What the application (the SIP interworking function) hears about its calls; called on the control's executor. */
public interface IsupCallListener {

    /**
     * A NOTIFY_* action of a circuit: incoming call, address complete, progress, answer, suspend/resume, released
     * (with its Q.850 cause) or re-attempt after a lost dual seizure. {@code message} is the received message that
     * caused it, or null for timer expiries and link loss.
     */
    void onCallEvent(int cic, CallAction what, int cause, IsupMessage message);
}
