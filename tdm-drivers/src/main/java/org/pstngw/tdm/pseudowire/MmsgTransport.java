package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudowire port on Linux: a {@link LinuxUdpSocket} driven a batch of datagrams per system call each way: {@code recvmmsg} reads up to {@value #SLOTS} datagrams (with their sources) per call, {@code
 * sendmmsg} sends the packets the block queued, up to {@value #SLOTS} per call, each to its span's far end. All
 * buffers are native memory allocated once; nothing is allocated per packet.
 *
 * <p>Layouts are the LP64 Linux ones ({@code struct mmsghdr} of 64 bytes: {@code msghdr} of 56 and {@code msg_len};
 * {@code struct iovec} of 16), so it is used only on Linux x86-64 and AArch64 with native access enabled ({@link
 * LinuxUdpSocket#available()}); elsewhere {@link NioTransport} carries the same traffic with one call per datagram.
 */
final class MmsgTransport implements PwTransport {
    static final int SLOTS = 32;
    /** Largest datagram read whole: a 1500-octet MTU's UDP payload (a pseudowire payload is at most 1440 octets). */
    static final int SLOT_BYTES = 1472;

    private static final Logger LOG = LoggerFactory.getLogger(MmsgTransport.class);
    private static final int MMSGHDR = 64;
    private static final int IOVEC = 16;
    private static final int NAME = 0;
    private static final int NAMELEN = 8;
    private static final int IOV = 16;
    private static final int IOVLEN = 24;
    private static final int MSG_FLAGS = 48;
    private static final int MSG_LEN = 56;
    /**
     * Receive buffer asked for per member: a span's 1,000 packets a second take about 1.3 MB of kernel memory a second
     * on loopback (an skb's true size is several times the datagram), so 1 MB a member holds a stalled receiver's
     * backlog for most of a second, as a socket of its own did.
     */
    private static final int RECEIVE_BUFFER_PER_MEMBER = 1 << 20;
    /** Most asked for; the kernel also caps it at net.core.rmem_max unless SO_RCVBUFFORCE is permitted. */
    private static final int MAX_RECEIVE_BUFFER = 256 << 20;

    /** Whether this platform can use the batched transport. */
    static boolean available() {
        return LinuxUdpSocket.available();
    }

    private final InetSocketAddress configured;
    private final LinuxUdpSocket socket;
    private final InetSocketAddress bound;
    private final boolean v6;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment rxHeaders;
    private final MemorySegment rxNames;
    private final ByteBuffer[] rxViews = new ByteBuffer[SLOTS];
    private final MemorySegment txHeaders;
    /** {@code txHeaders} from slot i on: a retry after a refused packet starts there (no slice made per send). */
    private final MemorySegment[] txHeadersFrom = new MemorySegment[SLOTS];

    private final MemorySegment txIovecs;
    private final ByteBuffer[] txViews = new ByteBuffer[SLOTS];
    private final PwSpanLink[] txLinks = new PwSpanLink[SLOTS];
    private final RateLimitedLog receiveLog =
            new RateLimitedLog(LOG, "pseudowire receive failed", TimeUnit.SECONDS.toNanos(10));
    private final RateLimitedLog strangerLog = new RateLimitedLog(
            LOG, "datagram from a source that is no span's far end dropped", TimeUnit.SECONDS.toNanos(10));
    private volatile SourceTable members = SourceTable.EMPTY;
    private int queued;
    private long unknownSources;
    private long receiveFailures;
    private boolean closed;
    private volatile boolean connected;
    private boolean warnedShortBuffer;

    MmsgTransport(InetSocketAddress local) throws IOException {
        this.configured = local;
        this.socket = new LinuxUdpSocket(local);
        this.bound = socket.bound();
        this.v6 = socket.v6();
        this.rxHeaders = arena.allocate((long) MMSGHDR * SLOTS, 8);
        this.rxNames = arena.allocate((long) SockAddr.MAX_BYTES * SLOTS, 8);
        MemorySegment rxIovecs = arena.allocate((long) IOVEC * SLOTS, 8);
        MemorySegment rxData = arena.allocate((long) SLOT_BYTES * SLOTS, 8);
        this.txHeaders = arena.allocate((long) MMSGHDR * SLOTS, 8);
        this.txIovecs = arena.allocate((long) IOVEC * SLOTS, 8);
        MemorySegment txData = arena.allocate((long) SLOT_BYTES * SLOTS, 8);
        for (int i = 0; i < SLOTS; i++) {
            MemorySegment rxSlot = rxData.asSlice((long) i * SLOT_BYTES, SLOT_BYTES);
            rxViews[i] = rxSlot.asByteBuffer();
            rxIovecs.set(ValueLayout.ADDRESS, (long) i * IOVEC, rxSlot);
            rxIovecs.set(ValueLayout.JAVA_LONG, (long) i * IOVEC + 8, SLOT_BYTES);
            long h = (long) i * MMSGHDR;
            rxHeaders.set(ValueLayout.ADDRESS, h + NAME, rxNames.asSlice((long) i * SockAddr.MAX_BYTES));
            rxHeaders.set(ValueLayout.ADDRESS, h + IOV, rxIovecs.asSlice((long) i * IOVEC));
            rxHeaders.set(ValueLayout.JAVA_LONG, h + IOVLEN, 1);
            MemorySegment txSlot = txData.asSlice((long) i * SLOT_BYTES, SLOT_BYTES);
            txViews[i] = txSlot.asByteBuffer();
            txIovecs.set(ValueLayout.ADDRESS, (long) i * IOVEC, txSlot);
            txHeaders.set(ValueLayout.ADDRESS, h + IOV, txIovecs.asSlice((long) i * IOVEC));
            txHeaders.set(ValueLayout.JAVA_LONG, h + IOVLEN, 1);
            txHeadersFrom[i] = txHeaders.asSlice(h);
        }
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
        return true;
    }

    @Override
    public boolean hasMember(InetSocketAddress remote) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment key = scratch.allocate(SockAddr.MAX_BYTES, 8);
            SockAddr.write(remote, v6, key);
            return members.find(SockAddr.familyPort(key, 0), SockAddr.high(key, 0), SockAddr.low(key, 0)) != null;
        }
    }

    @Override
    public synchronized void join(PwSpanLink link) {
        MemorySegment name = arena.allocate(SockAddr.MAX_BYTES, 8);
        int len = SockAddr.write(link.remote(), v6, name);
        link.nativeRemote(name, len);
        members = members.with(SockAddr.familyPort(name, 0), SockAddr.high(name, 0), SockAddr.low(name, 0), link);
        sizeReceiveBuffer(members.size());
        connectToOnlyMember();
    }

    /**
     * A port with one span is connected to its far end: the kernel keeps the route (no lookup per packet, as a send to
     * a named address needs), drops strangers itself and reports a refused port (ICMP) as an error on the socket,
     * counted as a receive or send failure. With more spans it is not connected and sends name each far end. A packet
     * the frame thread queues while a second span joins may be refused once (counted as a send failure).
     */
    private void connectToOnlyMember() {
        PwSpanLink only = members.size() == 1 ? members.only() : null;
        connected = false;
        boolean done =
                only != null ? socket.connect(only.nativeRemote(), only.nativeRemoteLength()) : socket.connect(null, 0);
        connected = done && only != null;
    }

    /**
     * Grows the receive buffer with the members, so a shared port holds a stalled receiver's backlog about as long as
     * a socket per span did: SO_RCVBUFFORCE where permitted (CAP_NET_ADMIN), else SO_RCVBUF (capped at
     * net.core.rmem_max); a port left short says so once.
     */
    private void sizeReceiveBuffer(int memberCount) {
        int want = (int) Math.min(MAX_RECEIVE_BUFFER, (long) memberCount * RECEIVE_BUFFER_PER_MEMBER);
        int got = socket.receiveBuffer(want);
        // the kernel reports twice what it grants for data (half is for its bookkeeping)
        if (got >= 0 && got < want && memberCount > 1 && !warnedShortBuffer) {
            warnedShortBuffer = true;
            LOG.warn(
                    "pseudowire port {}: receive buffer {} KB for {} spans, asked for {} KB: a stalled receiver loses"
                            + " packets sooner than with a port per span; raise net.core.rmem_max",
                    bound,
                    got / 1024,
                    memberCount,
                    want / 1024);
        }
    }

    /**
     * Datagrams the kernel dropped because the socket's receive queue was full (SO_MEMINFO), -1 when not known. A
     * system call: for statistics, not for every block.
     */
    @Override
    public long queueDrops() {
        return socket.queueDrops();
    }

    @Override
    public synchronized boolean leave(PwSpanLink link) {
        members = members.without(link);
        if (members.size() == 0) {
            return true;
        }
        connectToOnlyMember();
        return false;
    }

    @Override
    public int receive(long nowNanos) {
        if (closed) {
            return 0;
        }
        SourceTable table = members;
        int budget = Math.max(1, table.size()) * RECEIVE_BUDGET_PER_MEMBER;
        int total = 0;
        while (total < budget) {
            int want = Math.min(SLOTS, budget - total);
            for (int i = 0; i < want; i++) {
                rxHeaders.set(ValueLayout.JAVA_INT, (long) i * MMSGHDR + NAMELEN, SockAddr.MAX_BYTES);
            }
            int n = socket.receive(rxHeaders, want);
            if (n < 0) {
                int e = socket.lastErrno();
                if (e != LinuxUdpSocket.EAGAIN && e != LinuxUdpSocket.EINTR) {
                    receiveFailures++;
                    receiveLog.warn(nowNanos, "port " + bound, "recvmmsg errno " + e, null);
                }
                break;
            }
            for (int i = 0; i < n; i++) {
                deliver(table, i, nowNanos);
            }
            total += n;
            if (n < want) {
                break;
            }
        }
        return total;
    }

    private void deliver(SourceTable table, int i, long nowNanos) {
        long name = (long) i * SockAddr.MAX_BYTES;
        PwSpanLink link = table.find(
                SockAddr.familyPort(rxNames, name), SockAddr.high(rxNames, name), SockAddr.low(rxNames, name));
        if (link == null) {
            unknownSources++;
            strangerLog.warn(nowNanos, "port " + bound, "unknown source", null);
            return;
        }
        long h = (long) i * MMSGHDR;
        int length = rxHeaders.get(ValueLayout.JAVA_INT, h + MSG_LEN);
        if ((rxHeaders.get(ValueLayout.JAVA_INT, h + MSG_FLAGS) & LinuxUdpSocket.MSG_TRUNC) != 0) {
            length = Math.min(length, SLOT_BYTES);
        }
        link.accept(rxViews[i].clear().limit(length), nowNanos);
    }

    @Override
    public ByteBuffer beginSend() {
        return txViews[queued].clear();
    }

    @Override
    public void endSend(PwSpanLink link, long nowNanos) {
        int i = queued;
        long h = (long) i * MMSGHDR;
        boolean named = !connected;
        txHeaders.set(ValueLayout.ADDRESS, h + NAME, named ? link.nativeRemote() : MemorySegment.NULL);
        txHeaders.set(ValueLayout.JAVA_INT, h + NAMELEN, named ? link.nativeRemoteLength() : 0);
        txIovecs.set(ValueLayout.JAVA_LONG, (long) i * IOVEC + 8, txViews[i].position());
        txLinks[i] = link;
        queued = i + 1;
        if (queued == SLOTS) {
            flush(nowNanos);
        }
    }

    /**
     * Sends the queued packets; a packet the kernel refuses (send buffer full, or an error for its destination) is
     * counted against its span and the rest still go.
     */
    @Override
    public void flush(long nowNanos) {
        int n = queued;
        queued = 0;
        if (closed) {
            return;
        }
        int from = 0;
        while (from < n) {
            int sent = socket.send(txHeadersFrom[from], n - from);
            if (sent <= 0) {
                int e = sent < 0 ? socket.lastErrno() : LinuxUdpSocket.EAGAIN;
                if (e == LinuxUdpSocket.EINTR) {
                    continue;
                }
                txLinks[from].sendFailed(
                        e == LinuxUdpSocket.EAGAIN ? "socket send buffer full" : "sendmmsg errno " + e, nowNanos);
                from++;
                continue;
            }
            for (int i = from; i < from + sent; i++) {
                txLinks[i].sent();
            }
            from += sent;
        }
        for (int i = 0; i < n; i++) {
            txLinks[i] = null;
        }
    }

    @Override
    public long unknownSources() {
        return unknownSources;
    }

    @Override
    public long receiveFailures() {
        return receiveFailures;
    }

    /** Closes the socket; the caller makes sure no block uses it any more. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close();
        arena.close();
    }
}
