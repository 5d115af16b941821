package org.pstngw.sip.transaction;

import java.util.concurrent.CompletableFuture;
import org.pstngw.sip.transport.Flow;

/** The transport as the transaction layer sees it: bytes out on a flow, completion or a transport error back. */
@FunctionalInterface
public interface Sender {
    CompletableFuture<Void> send(Flow flow, byte[] bytes);
}
