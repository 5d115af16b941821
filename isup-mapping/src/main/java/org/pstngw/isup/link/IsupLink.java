package org.pstngw.isup.link;

/**
 * Our side of the SS7 network for ISUP: an MTP3 user part (SI 5), in production M3UA through jSS7.
 *
 * <p>Threading: {@link Listener} methods are called from the link's own threads (jSS7's M3UA delivery threads for
 * PDUs, the link's control thread for state changes). They must not block; hop onto the call's own executor. PDUs of
 * one SLS arrive in order on one thread; different SLSs may arrive concurrently.
 *
 * <p>The link owns MTP3-user-level availability: a destination is reported {@link DestinationState#AVAILABLE} only
 * when a PDU sent to it would be routed, and a remote ISUP reported unavailable (MTP-STATUS) is tested with user part
 * test messages (Q.764 2.13) until it answers. User part test and user part available messages (UPT, UPA) are handled
 * by the link and not passed to the listener.
 */
public interface IsupLink extends AutoCloseable {

    /** Starts the link and waits (bounded) until it is up or gives up; idempotent. Does not throw on link failure. */
    void start();

    /** Stops the link, releases its threads and sockets; idempotent. After stop, send returns false. */
    void stop();

    /**
     * Sends one ISUP PDU with the routing label it carries (OPC, DPC, SLS and network indicator are put on the wire as
     * the PDU says). Non-blocking; returns false (and logs) if the DPC is not reachable now or the link is stopped.
     */
    boolean send(IsupPdu pdu);

    /**
     * Sends one ISUP PDU like {@link #send(IsupPdu)} and says why when it was not sent. Links that only implement
     * {@code send} answer {@link SendResult.Reason#UNSPECIFIED} on failure.
     */
    default SendResult transmit(IsupPdu pdu) {
        return send(pdu) ? SendResult.SENT : new SendResult.Refused(SendResult.Reason.UNSPECIFIED, "not sent: " + pdu);
    }

    /** Sets the single receiver of PDUs and state changes; call before {@link #start()}. */
    void setListener(Listener listener);

    /** Current state of the destination, {@link DestinationState#UNAVAILABLE} for an unknown or unreachable DPC. */
    DestinationState state(int dpc);

    /** Our own point code (the OPC of what we send, the DPC of what we accept). */
    int ownPointCode();

    /** The MTP3 network indicator (0..3) this link is configured with; 2 (national) unless the link says otherwise. */
    default int networkIndicator() {
        return 2;
    }

    @Override
    default void close() {
        stop();
    }

    /** Receiver of link events; called on the link's threads (see {@link IsupLink}). */
    interface Listener {
        /** Received ISUP addressed to our OPC. */
        void onPdu(IsupPdu pdu);

        /** The destination's reachability changed: link/route changes reach the calls. */
        void onDestinationState(int dpc, DestinationState state);
    }
}
