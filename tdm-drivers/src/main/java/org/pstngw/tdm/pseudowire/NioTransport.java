package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudowire port through NIO, where {@link MmsgTransport} cannot be used (not Linux, or native access not enabled):
 * one non-blocking {@link DatagramChannel}, one {@code receive} per datagram (and one that finds the socket empty per
 * block) and one {@code send} per packet, straight from {@link #endSend}. The JDK may allocate the source address of a
 * datagram whose sender differs from the previous one's; the batched transport allocates nothing.
 */
final class NioTransport implements PwTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NioTransport.class);
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;

    private final InetSocketAddress configured;
    private final DatagramChannel channel;
    private final InetSocketAddress bound;
    private final ByteBuffer rx = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer tx = ByteBuffer.allocateDirect(2048);
    private final RateLimitedLog receiveLog =
            new RateLimitedLog(LOG, "pseudowire receive failed", TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog strangerLog = new RateLimitedLog(
            LOG, "datagram from a source that is no span's far end dropped", TimeUnit.SECONDS.toNanos(10));
    private volatile Map<InetSocketAddress, PwSpanLink> members = Map.of();
    private long unknownSources;
    private long receiveFailures;

    NioTransport(InetSocketAddress local) throws IOException {
        this.configured = local;
        var family =
                local.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel ch = DatagramChannel.open(family);
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
            ch.bind(local);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        this.channel = ch;
        this.bound = (InetSocketAddress) ch.getLocalAddress();
    }

    @Override
    public InetSocketAddress configured() {
        return configured;
    }

    @Override
    public InetSocketAddress localAddress() {
        return bound;
    }

    @Override
    public boolean batched() {
        return false;
    }

    @Override
    public boolean hasMember(InetSocketAddress remote) {
        return members.containsKey(remote);
    }

    @Override
    public synchronized void join(PwSpanLink link) {
        Map<InetSocketAddress, PwSpanLink> next = new HashMap<>(members);
        next.put(link.remote(), link);
        members = Map.copyOf(next);
    }

    @Override
    public synchronized boolean leave(PwSpanLink link) {
        Map<InetSocketAddress, PwSpanLink> next = new HashMap<>(members);
        next.values().remove(link);
        members = Map.copyOf(next);
        return next.isEmpty();
    }

    @Override
    public int receive(long nowNanos) {
        Map<InetSocketAddress, PwSpanLink> table = members;
        int budget = Math.max(1, table.size()) * RECEIVE_BUDGET_PER_MEMBER;
        int n = 0;
        try {
            while (n < budget) {
                SocketAddress from = channel.receive(rx.clear());
                if (from == null) {
                    break;
                }
                n++;
                PwSpanLink link = table.get(from);
                if (link == null) {
                    unknownSources++;
                    strangerLog.warn(nowNanos, "port " + bound, from, null);
                    continue;
                }
                link.accept(rx.flip(), nowNanos);
            }
        } catch (ClosedChannelException e) {
            return n;
        } catch (IOException e) {
            receiveFailures++;
            receiveLog.warn(nowNanos, "port " + bound, e.getMessage(), e);
        }
        return n;
    }

    @Override
    public ByteBuffer beginSend() {
        return tx.clear();
    }

    @Override
    public void endSend(PwSpanLink link, long nowNanos) {
        try {
            if (channel.send(tx.flip(), link.remote()) > 0) {
                link.sent();
            } else {
                link.sendFailed("socket send buffer full", nowNanos);
            }
        } catch (ClosedChannelException e) {
            link.sendFailed("socket closed", nowNanos);
        } catch (IOException e) {
            link.sendFailed(e.getMessage(), nowNanos);
        }
    }

    @Override
    public void flush(long nowNanos) {
        // every packet left in endSend
    }

    @Override
    public long unknownSources() {
        return unknownSources;
    }

    @Override
    public long queueDrops() {
        return -1;
    }

    @Override
    public long receiveFailures() {
        return receiveFailures;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing pseudowire socket {} failed", configured, e);
        }
    }
}
