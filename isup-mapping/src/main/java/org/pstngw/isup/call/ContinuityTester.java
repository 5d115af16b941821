package org.pstngw.isup.call;

import java.util.function.Consumer;

/**
 * The media path's part of the continuity check (Q.764 2.1.8, Q.724 7): a loop on the incoming side, a transceiver
 * that sends the check tone and listens for it on the outgoing side. Implemented by the media engine (it owns the
 * circuits' timeslots); call control runs the signalling and the timers (T8, T24, T25, T26, T27, T36) around it.
 *
 * <p>Methods are called on the call control's executor and must not block. The tone result may be reported on any
 * thread, at most once per {@link #startToneTest}; call control ignores a result that arrives after T24 or after
 * {@link #stopToneTest}.
 */
public interface ContinuityTester {

    /** Whether the check tone came back. */
    enum ToneResult {
        RECEIVED,
        NOT_RECEIVED
    }

    /** Connects the check loop on {@code cic} (incoming side: IAM with continuity check required, CCR). */
    void connectLoop(int cic);

    /** Removes the check loop from {@code cic}. */
    void disconnectLoop(int cic);

    /** Connects a transceiver to {@code cic}, sends the check tone and reports whether it came back. */
    void startToneTest(int cic, Consumer<ToneResult> result);

    /** Disconnects the transceiver from {@code cic}. */
    void stopToneTest(int cic);
}
