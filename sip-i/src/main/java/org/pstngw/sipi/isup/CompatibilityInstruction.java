package org.pstngw.sipi.isup;

/**
 * What the instruction indicators of a compatibility information parameter (Q.763 3.33 and 3.41) tell a node to do
 * with a message or parameter it does not recognise, in increasing severity (the most severe instruction among a
 * message's unrecognised parameters is the one carried out, Q.764 2.9.5.3).
 */
public enum CompatibilityInstruction {
    /** Pass the information on unchanged (at an intermediate exchange that can). */
    PASS_ON,
    /** Discard the unrecognised parameter, act on the rest of the message. */
    DISCARD_PARAMETER,
    /** Discard the whole message. */
    DISCARD_MESSAGE,
    /** Release the call. */
    RELEASE_CALL
}
