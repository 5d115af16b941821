package org.pstngw.isup.link;

/**
 * Reachability of a remote signalling point's ISUP as the MTP3 user part sees it.
 *
 * <p>Mapped from jSS7's MTP-PAUSE (M3UA DUNA, ASP/association down: {@link #UNAVAILABLE}), MTP-RESUME (DAVA, ASP
 * active again: {@link #AVAILABLE} once M3UA routes to it) and MTP-STATUS (SCON congestion: {@link #CONGESTED}; user
 * part unavailable, DUPU: {@link #UNAVAILABLE} until the user part test gets an answer, Q.764 2.13).
 */
public enum DestinationState {
    AVAILABLE,
    UNAVAILABLE,
    CONGESTED;

    /** True when ISUP may send to the destination (congested still accepts traffic, with throttling up to the user). */
    public boolean canSend() {
        return this != UNAVAILABLE;
    }
}
