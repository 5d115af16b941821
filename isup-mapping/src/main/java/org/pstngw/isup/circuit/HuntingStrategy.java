package org.pstngw.isup.circuit;

/** How a free circuit is chosen in a group for an outgoing call. */
public enum HuntingStrategy {
    /** Lowest free CIC first. */
    SEQUENTIAL_UP,
    /** Highest free CIC first. */
    SEQUENTIAL_DOWN,
    /** The next free CIC after the last one chosen, wrapping. */
    ROUND_ROBIN,
    /** The free CIC idle for the longest time. */
    LEAST_RECENTLY_USED,
    /**
     * CICs this exchange controls on dual seizure first (Q.764 2.10.1.4 recommends each side seizing its own
     * circuits first to make glare rare), lowest first, then the others, highest first.
     */
    CONTROLLED_FIRST
}
