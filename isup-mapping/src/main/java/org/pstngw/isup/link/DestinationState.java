package org.pstngw.isup.link;

/**
 * Reachability of a remote signalling point as the MTP3 user part sees it.
 *
 * <p>Mapped from jSS7's MTP-PAUSE (M3UA DUNA, ASP/association down: {@link #UNAVAILABLE}), MTP-RESUME (DAVA, ASP
 * active again: {@link #AVAILABLE}) and MTP-STATUS (SCON congestion: {@link #CONGESTED}; user part unavailable is
 * reported as {@link #UNAVAILABLE}).
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
