package org.pstngw.sip.transaction;

import java.util.concurrent.CompletableFuture;
import org.pstngw.sip.transport.Flow;

/** The transport as the transaction layer sees it: bytes out on a flow, completion or a transport error back. */
@FunctionalInterface
public interface Sender {
    CompletableFuture<Void> send(Flow flow, byte[] bytes);

    /** Sends and calls {@code onError} if the transport fails; the completion itself is of no further interest. */
    default void send(Flow flow, byte[] bytes, java.util.function.Consumer<Throwable> onError) {
        var _ = send(flow, bytes).whenComplete((ok, error) -> {
            if (error != null) {
                onError.accept(error);
            }
        });
    }
}
