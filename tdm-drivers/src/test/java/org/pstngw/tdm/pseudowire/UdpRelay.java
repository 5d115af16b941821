package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A UDP relay on loopback between two pseudowire spans A and B that the test pumps by hand between clock blocks (no
 * thread). Each side sees one address, which it sends to and receives from, as a real far end: A talks to {@link
 * #addressForA()}, B to {@link #addressForB()}. Each direction forwards what it received, dropping, duplicating or
 * swapping packets on request.
 */
final class UdpRelay implements AutoCloseable {
    /** What to do with the n-th packet of a direction (counted from 0). */
    interface Policy {
        Action decide(long n);
    }

    enum Action {
        FORWARD,
        DROP,
        DUPLICATE,
        /** Hold this packet and send it right after the next one (a swap). */
        SWAP_WITH_NEXT,
        /** Forward it with the least significant bit of its last octet inverted (one bit error in the payload). */
        FLIP_LAST_BIT
    }

    /** One direction: datagrams read on one socket leave by the other. */
    static final class Leg {
        private final DatagramChannel in;
        private final DatagramChannel out;
        private final ByteBuffer buf = ByteBuffer.allocate(2048);
        private final ByteBuffer held = ByteBuffer.allocate(2048);
        private boolean holding;
        private InetSocketAddress target;
        private Policy policy = n -> Action.FORWARD;
        private long count;
        private long dropped;
        private java.util.function.Consumer<byte[]> capture = d -> {};

        private Leg(DatagramChannel in, DatagramChannel out) {
            this.in = in;
            this.out = out;
        }

        void policy(Policy newPolicy) {
            this.policy = newPolicy;
        }

        /** Hands a copy of every datagram this direction receives, before its policy applies. */
        void capture(java.util.function.Consumer<byte[]> sink) {
            this.capture = sink;
        }

        long dropped() {
            return dropped;
        }

        /** Packets this direction has received so far. */
        long count() {
            return count;
        }

        /** Sends raw bytes to this leg's receiver from the address it expects its far end at. */
        void inject(byte[] datagram) throws IOException {
            out.send(ByteBuffer.wrap(datagram), target);
        }

        int pump() throws IOException {
            int n = 0;
            while (in.receive(buf.clear()) != null) {
                n++;
                buf.flip();
                byte[] copy = new byte[buf.remaining()];
                buf.duplicate().get(copy);
                capture.accept(copy);
                switch (policy.decide(count++)) {
                    case FORWARD -> out.send(buf, target);
                    case DROP -> dropped++;
                    case FLIP_LAST_BIT -> {
                        buf.put(buf.limit() - 1, (byte) (buf.get(buf.limit() - 1) ^ 1));
                        out.send(buf, target);
                    }
                    case DUPLICATE -> {
                        out.send(buf.duplicate(), target);
                        out.send(buf, target);
                    }
                    case SWAP_WITH_NEXT -> {
                        held.clear().put(buf).flip();
                        holding = true;
                        continue;
                    }
                }
                if (holding) {
                    holding = false;
                    out.send(held, target);
                }
            }
            return n;
        }
    }

    private final DatagramChannel facingA;
    private final DatagramChannel facingB;
    private final Leg aToB;
    private final Leg bToA;

    UdpRelay() throws IOException {
        facingA = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        facingB = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        facingA.configureBlocking(false);
        facingB.configureBlocking(false);
        aToB = new Leg(facingA, facingB);
        bToA = new Leg(facingB, facingA);
    }

    InetSocketAddress addressForA() throws IOException {
        return (InetSocketAddress) facingA.getLocalAddress();
    }

    InetSocketAddress addressForB() throws IOException {
        return (InetSocketAddress) facingB.getLocalAddress();
    }

    /** Where the spans listen. */
    void spans(InetSocketAddress a, InetSocketAddress b) {
        bToA.target = a;
        aToB.target = b;
    }

    Leg aToB() {
        return aToB;
    }

    Leg bToA() {
        return bToA;
    }

    void pump() throws IOException {
        aToB.pump();
        bToA.pump();
    }

    @Override
    public void close() throws IOException {
        facingA.close();
        facingB.close();
    }
}
