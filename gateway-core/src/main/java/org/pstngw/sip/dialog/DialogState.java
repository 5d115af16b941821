package org.pstngw.sip.dialog;

/** RFC 3261 section 12: a dialog is early (from a 1xx with To tag) or confirmed (from a 2xx), and ends terminated. */
public enum DialogState {
    EARLY,
    CONFIRMED,
    TERMINATED
}
