package org.pstngw.isup.link;

/**
 * What became of one {@link IsupLink#transmit(IsupPdu)}: handed to the transport, or refused with the reason. A refused
 * PDU is not queued or retried by the link: the caller decides (call control releases or retries the call).
 */
public sealed interface SendResult {

    /** The PDU was handed to M3UA for transmission. */
    SendResult SENT = new Sent();

    /** True when the PDU went out. */
    default boolean sent() {
        return this instanceof Sent;
    }

    /** Handed to the transport. */
    record Sent() implements SendResult {}

    /**
     * Not sent.
     *
     * @param reason why
     * @param detail a human-readable detail (the DPC, jSS7's message), for logs
     */
    record Refused(Reason reason, String detail) implements SendResult {}

    /** Why a PDU was not sent. */
    enum Reason {
        /** The link is not started, or stopped. */
        LINK_STOPPED,
        /** The destination is paused, user-part unavailable, or was never reported available. */
        DESTINATION_UNAVAILABLE,
        /** M3UA has no active AS for the routing label (jSS7: "No AS found"). */
        NO_ROUTE,
        /** The transport or M3UA failed on this PDU. */
        TRANSPORT_FAILED,
        /** The link does not say why (an {@link IsupLink} that only implements {@code send}). */
        UNSPECIFIED
    }
}
