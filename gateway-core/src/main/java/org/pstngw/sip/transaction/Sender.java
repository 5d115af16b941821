package org.pstngw.sip.transaction;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.pstngw.sip.transport.Flow;

/** The transport as the transaction layer sees it: bytes out on a flow, completion or a transport error back. */
@FunctionalInterface
public interface Sender {
    CompletableFuture<Void> send(Flow flow, byte[] bytes);

    /**
     * Sends and calls {@code onError} if the transport fails (also when it throws instead of failing the future); the
     * completion itself is of no further interest.
     */
    default void send(Flow flow, byte[] bytes, Consumer<Throwable> onError) {
        CompletableFuture<Void> sent;
        try {
            sent = send(flow, bytes);
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
