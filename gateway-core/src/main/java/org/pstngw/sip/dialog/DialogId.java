package org.pstngw.sip.dialog;

import java.util.Objects;

/**
 * A dialog's identity, RFC 3261 section 12: Call-ID, local tag, remote tag. For a received request the local tag is
 * the To tag and the remote tag the From tag; for a received response the other way round.
 */
public record DialogId(String callId, String localTag, String remoteTag) {
    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }

    /** The id of the dialog a received in-dialog request belongs to. */
    public static DialogId ofReceivedRequest(String callId, String toTag, String fromTag) {
        return new DialogId(callId, toTag, fromTag);
    }

    /** The id of the dialog a received response creates or belongs to. */
    public static DialogId ofReceivedResponse(String callId, String fromTag, String toTag) {
        return new DialogId(callId, fromTag, toTag);
    }
}
