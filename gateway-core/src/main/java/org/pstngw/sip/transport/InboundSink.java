package org.pstngw.sip.transport;

/** Receives every complete message the transport reads, on the Netty event loop of its channel. */
@FunctionalInterface
public interface InboundSink {
    /**
     * One whole SIP message (a UDP datagram, or one framed message of a stream).
     *
     * @param bytes the message's bytes, owned by the callee
     * @param flow the transport and the sender's address
     */
    void onMessage(byte[] bytes, Flow flow);
}
