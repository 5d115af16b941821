package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One local UDP port and the pseudowire spans that use it. Spans configured with the same local address and port share
 * one socket and are told apart by the far end's address and port (the datagram's source), as TDM-over-IP devices
 * commonly allow (RFC 4553 section 4.2 and RFC 5086 section 4.2 let the UDP port pair identify the PW); a datagram from
 * any other source is counted and dropped. A span with a local port of its own is the same thing with one member.
 *
 * <p>Everything but {@link #join}/{@link #leave} runs on the driver's frame clock thread, once per block: {@link
 * #receive} hands every waiting datagram to its span, the spans queue their packets with {@link #beginSend} / {@link
 * #endSend}, and {@link #flush} sends what is queued. {@link MmsgTransport} (Linux, through FFM) moves a batch of
 * datagrams per system call ({@code recvmmsg}/{@code sendmmsg}); {@link NioTransport}, the fallback elsewhere or without
 * native access, does one call per datagram.
 */
sealed interface PwTransport extends AutoCloseable permits MmsgTransport, NioTransport {
    /** Datagrams read per member per block at most, so a backlog after a stall stays in the socket for later blocks. */
    int RECEIVE_BUDGET_PER_MEMBER = 128;

    /** The configured local address (port 0 for an ephemeral one): spans configured the same way share it. */
    InetSocketAddress configured();

    /** The bound address (the actual port when 0 was configured). */
    InetSocketAddress localAddress();

    /** Whether a member already has {@code remote} as its far end. */
    boolean hasMember(InetSocketAddress remote);

    /** Adds a span's link: heard from, and sending to, {@link PwSpanLink#remote()}. */
    void join(PwSpanLink link);

    /**
     * Removes a span's link.
     *
     * @return whether no member is left (the caller closes the transport once no block uses it)
     */
    boolean leave(PwSpanLink link);

    /** Hands every datagram waiting (up to the budget) to the member it came from; returns the datagrams read. */
    int receive(long nowNanos);

    /** A buffer, position 0, for the next packet to send. */
    ByteBuffer beginSend();

    /** Queues the packet written into {@link #beginSend()}'s buffer (position 0 to its position) for {@code link}. */
    void endSend(PwSpanLink link, long nowNanos);

    /** Sends every queued packet. */
    void flush(long nowNanos);

    /** Datagrams dropped because their source is no member's far end. */
    long unknownSources();

    /** Socket errors on receive at this port (not per span: a failed read has no source). */
    long receiveFailures();

    /**
     * Datagrams the kernel dropped at this port because its receive queue was full (a receiver stalled longer than the
     * socket buffer holds), -1 when the platform does not tell. A system call: for statistics, not every block.
     */
    long queueDrops();

    /** Whether packets move in batches (one system call per batch each way). */
    boolean batched();

    @Override
    void close();

    /**
     * Binds {@code local}: batched on Linux when native access is enabled and {@code preferBatched}, else through NIO.
     */
    static PwTransport open(InetSocketAddress local, boolean preferBatched) throws IOException {
        if (preferBatched && MmsgTransport.available()) {
            return new MmsgTransport(local);
        }
        return new NioTransport(local);
    }
}
