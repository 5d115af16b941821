package org.pstngw.sip.transport;

import org.pstngw.sip.message.ParseResult;

/** Receives every message the transport reads, parsed, on the Netty event loop of its channel. */
@FunctionalInterface
public interface InboundSink {
    /**
     * One received message: a UDP datagram or one framed message of a stream, as the parser saw it.
     *
     * @param message the parsed message, or its defect
     * @param flow the transport and the sender's address
     */
    void onMessage(ParseResult message, Flow flow);
}
