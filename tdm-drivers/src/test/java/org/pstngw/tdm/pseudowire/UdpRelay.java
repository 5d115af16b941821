package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A one-way UDP relay on loopback that the test pumps by hand between clock blocks (no thread): it
 * forwards what it received, dropping, duplicating, holding back or swapping packets on request.
 */
final class UdpRelay implements AutoCloseable {
    /** What to do with the n-th packet (counted from 0). */
    interface Policy {
        Action decide(long n);
    }

    enum Action {
        FORWARD,
        DROP,
        DUPLICATE,
        /** Hold this packet and send it right after the next one (a swap). */
        SWAP_WITH_NEXT
    }

    private final DatagramChannel in;
    private final DatagramChannel out;
    private final ByteBuffer buf = ByteBuffer.allocate(2048);
    private final ByteBuffer held = ByteBuffer.allocate(2048);
    private boolean holding;
    private InetSocketAddress target;
    private Policy policy = n -> Action.FORWARD;
    private long count;
    private long dropped;

    UdpRelay() throws IOException {
        in = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        in.configureBlocking(false);
        out = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) in.getLocalAddress();
    }

    void target(InetSocketAddress target) {
        this.target = target;
    }

    void policy(Policy policy) {
        this.policy = policy;
    }

    long forwardedOrDropped() {
        return count;
    }

    long dropped() {
        return dropped;
    }

    /** Forwards every datagram waiting; returns how many were read. */
    int pump() throws IOException {
        int n = 0;
        while (in.receive(buf.clear()) != null) {
            n++;
            buf.flip();
            switch (policy.decide(count++)) {
                case FORWARD -> send(buf);
                case DROP -> dropped++;
                case DUPLICATE -> {
                    send(buf.duplicate());
                    send(buf);
                }
                case SWAP_WITH_NEXT -> {
                    held.clear().put(buf).flip();
                    holding = true;
                    continue;
                }
            }
            if (holding) {
                holding = false;
                send(held);
            }
        }
        return n;
    }

    private void send(ByteBuffer b) throws IOException {
        out.send(b, target);
    }

    @Override
    public void close() throws IOException {
        in.close();
        out.close();
    }
}
