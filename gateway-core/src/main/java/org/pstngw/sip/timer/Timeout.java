package org.pstngw.sip.timer;

/** A scheduled timer expiry that has not necessarily fired yet. */
public interface Timeout {
    /** A timeout that never fires; cancelling it does nothing. */
    Timeout NONE = () -> false;

    /**
     * Cancels the expiry.
     *
     * @return true if the event was still pending and will now never be delivered
     */
    boolean cancel();
}
