package org.pstngw.isup.link;

/**
 * Our side of the SS7 network for ISUP: an MTP3 user part (SI 5), in production M3UA through jSS7.
 *
 * <p>Threading: {@link Listener} methods are called from the link's own threads (jSS7's M3UA delivery threads). They
 * must not block; hop onto the call's own executor. PDUs of one SLS arrive in order on one thread; different SLSs may
 * arrive concurrently.
 */
public interface IsupLink extends AutoCloseable {

    /** Starts the link and waits (bounded) until it is up or gives up; idempotent. Does not throw on link failure. */
    void start();

    /** Stops the link, releases its threads and sockets; idempotent. After stop, send returns false. */
    void stop();

    /**
     * Sends one ISUP PDU. Non-blocking; returns false (and logs) if the DPC is not reachable now or the link is
     * stopped.
     */
    boolean send(IsupPdu pdu);

    /** Sets the single receiver of PDUs and state changes; call before {@link #start()}. */
    void setListener(Listener listener);

    /** Current state of the destination, {@link DestinationState#UNAVAILABLE} for an unknown or unreachable DPC. */
    DestinationState state(int dpc);

    /** Our own point code (the OPC of what we send, the DPC of what we accept). */
    int ownPointCode();

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
