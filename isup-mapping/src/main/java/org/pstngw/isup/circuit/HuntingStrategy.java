package org.pstngw.isup.circuit;

/** How a free circuit is chosen in a group for an outgoing call (only idle, unblocked circuits are candidates). */
public enum HuntingStrategy {
    /** Lowest free CIC first. */
    SEQUENTIAL_UP,
    /** Highest free CIC first. */
    SEQUENTIAL_DOWN,
    /** The next free CIC after the last one chosen, wrapping. */
    ROUND_ROBIN,
    /** The free CIC idle for the longest time. */
    LEAST_RECENTLY_USED,
    /** Odd CICs first, lowest first; then the even ones, highest first (the far end hunts the other way). */
    ODD_FIRST,
    /** Even CICs first, lowest first; then the odd ones, highest first. */
    EVEN_FIRST,
    /**
     * Q.764 2.9.1.3 method 2: priority access to the circuits this exchange controls on dual seizure (the one
     * released the longest first), then non-priority access to the others (the one released last first).
     */
    CONTROLLED_FIRST
}
