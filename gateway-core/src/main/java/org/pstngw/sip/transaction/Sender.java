package org.pstngw.sip.transaction;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.pstngw.sip.transport.Flow;

/**
 * The transport as the transaction layer sees it: bytes out on a flow, completion or a transport error back; a
 * response over a stream only on a connection that is already open (18.2.2); a name resolved once for a whole
 * transaction.
 */
@FunctionalInterface
public interface Sender {
    /** Sends on {@code flow}, opening a stream connection if none is open and resolving a name first. */
    CompletableFuture<Void> send(Flow flow, byte[] bytes);

    /**
     * Sends a response on {@code flow}: over a stream transport only on the connection that is open to it (RFC 3261
     * 18.2.2: "the existing connection to the source of the original request"), failing when there is none rather
     * than connecting to the peer's ephemeral port. A datagram flow is sent as by {@link #send(Flow, byte[])}, which is
     * also the default for senders without connections.
     */
    default CompletableFuture<Void> sendOnExisting(Flow flow, byte[] bytes) {
        return send(flow, bytes);
    }

    /**
     * The flow with its address resolved (a name looked up off the caller's thread), so that every message of a
     * transaction goes to the same address (9.1, 17.1.1). The default: the flow as it is.
     */
    default CompletableFuture<Flow> resolve(Flow flow) {
        return CompletableFuture.completedFuture(flow);
    }

    /**
     * Sends and calls {@code onError} if the transport fails (also when it throws instead of failing the future); the
     * completion itself is of no further interest.
     */
    default void send(Flow flow, byte[] bytes, Consumer<Throwable> onError) {
        onFailure(() -> send(flow, bytes), onError);
    }

    /** {@link #sendOnExisting(Flow, byte[])}, calling {@code onError} if it fails or throws. */
    default void sendOnExisting(Flow flow, byte[] bytes, Consumer<Throwable> onError) {
        onFailure(() -> sendOnExisting(flow, bytes), onError);
    }

    private static void onFailure(Supplier<CompletableFuture<Void>> sending, Consumer<Throwable> onError) {
        CompletableFuture<Void> sent;
        try {
            sent = sending.get();
        } catch (RuntimeException e) {
            onError.accept(e);
            return;
        }
        var _ = sent.whenComplete((ok, error) -> {
            if (error != null) {
                onError.accept(error);
            }
        });
    }
}
