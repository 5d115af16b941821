package org.pstngw.tdm.pseudowire;

/** What {@link JitterBuffer#playout} put into the caller's buffer. */
public enum PlayoutResult {
    /** A received packet, in order. */
    PLAYED,
    /** A received packet whose L bit was set: the far end's TDM side failed; all-ones was played. */
    REMOTE_FAILURE,
    /** The packet due is missing: counted as lost and filled. */
    LOST,
    /** The buffer is (re)filling to its depth before playout starts: filled, not counted as lost. */
    FILLING
}
