package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudowire port on Linux: a non-blocking UDP socket made and driven through FFM, with a batch of datagrams per
 * system call each way: {@code recvmmsg} reads up to {@value #SLOTS} datagrams (with their sources) per call, {@code
 * sendmmsg} sends the packets the block queued, up to {@value #SLOTS} per call, each to its span's far end. All
 * buffers are native memory allocated once; nothing is allocated per packet.
 *
 * <p>Layouts are the LP64 Linux ones ({@code struct mmsghdr} of 64 bytes: {@code msghdr} of 56 and {@code msg_len};
 * {@code struct iovec} of 16), so it is used only on Linux x86-64 and AArch64 with native access enabled ({@link
 * #available()}); elsewhere {@link NioTransport} carries the same traffic with one call per datagram.
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
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_TRUNC = 0x20;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;
    /**
     * Receive buffer asked for per member: a span's 1,000 packets a second take about 1.3 MB of kernel memory a second
     * on loopback (an skb's true size is several times the datagram), so 1 MB a member holds a stalled receiver's
     * backlog for most of a second, as a socket of its own did.
     */
    private static final int RECEIVE_BUFFER_PER_MEMBER = 1 << 20;
    /** Most asked for; the kernel also caps it at net.core.rmem_max unless SO_RCVBUFFORCE is permitted. */
    private static final int MAX_RECEIVE_BUFFER = 256 << 20;

    private static final int SO_RCVBUFFORCE = 33;
    private static final int SO_MEMINFO = 55;
    /** Index of the socket's drop count in SO_MEMINFO's array (SK_MEMINFO_DROPS). */
    private static final int SK_MEMINFO_DROPS = 8;

    private static final int SK_MEMINFO_VARS = 9;
    private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE = ERRNO.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** The libc calls, looked up when first used. */
    @SuppressWarnings("restricted") // the FFM downcalls this class exists for; needs --enable-native-access
    private static final class Native {
        static final MethodHandle SOCKET;
        static final MethodHandle BIND;
        static final MethodHandle CONNECT;
        static final MethodHandle GETSOCKNAME;
        static final MethodHandle SETSOCKOPT;
        static final MethodHandle GETSOCKOPT;
        static final MethodHandle RECVMMSG;
        static final MethodHandle SENDMMSG;
        static final MethodHandle ERRNO_LOCATION;
        static final MethodHandle CLOSE;

        static {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            var errno = Linker.Option.captureCallState("errno");
            ValueLayout i = ValueLayout.JAVA_INT;
            ValueLayout p = ValueLayout.ADDRESS;
            SOCKET = linker.downcallHandle(libc.find("socket").orElseThrow(), FunctionDescriptor.of(i, i, i, i), errno);
            BIND = linker.downcallHandle(libc.find("bind").orElseThrow(), FunctionDescriptor.of(i, i, p, i), errno);
            CONNECT =
                    linker.downcallHandle(libc.find("connect").orElseThrow(), FunctionDescriptor.of(i, i, p, i), errno);
            GETSOCKNAME = linker.downcallHandle(
                    libc.find("getsockname").orElseThrow(), FunctionDescriptor.of(i, i, p, p), errno);
            SETSOCKOPT = linker.downcallHandle(
                    libc.find("setsockopt").orElseThrow(), FunctionDescriptor.of(i, i, i, i, p, i), errno);
            GETSOCKOPT = linker.downcallHandle(
                    libc.find("getsockopt").orElseThrow(), FunctionDescriptor.of(i, i, i, i, p, p), errno);
            // The per-block calls are critical (no thread-state transition: they never block, with MSG_DONTWAIT, and
            // last microseconds) and capture no state: capturing errno slices its segment per call, which allocates
            // until the JIT removes it. errno is read right after a failed call instead, through __errno_location.
            var critical = Linker.Option.critical(false);
            RECVMMSG = linker.downcallHandle(
                    libc.find("recvmmsg").orElseThrow(), FunctionDescriptor.of(i, i, p, i, i, p), critical);
            SENDMMSG = linker.downcallHandle(
                    libc.find("sendmmsg").orElseThrow(), FunctionDescriptor.of(i, i, p, i, i), critical);
            ERRNO_LOCATION = linker.downcallHandle(
                    libc.find("__errno_location").orElseThrow(), FunctionDescriptor.of(p), critical);
            CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(i, i));
        }
    }

    private static final boolean AVAILABLE = probe();

    private static boolean probe() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            return false;
        }
        if (!MmsgTransport.class.getModule().isNativeAccessEnabled()) {
            LOG.info("pseudowire: native access is not enabled (--enable-native-access): one system call per packet");
            return false;
        }
        try {
            return Native.SENDMMSG != null;
        } catch (LinkageError e) {
            LOG.info("pseudowire: recvmmsg/sendmmsg not usable ({}): one system call per packet", e.toString());
            return false;
        }
    }

    /** Whether this platform can use the batched transport. */
    static boolean available() {
        return AVAILABLE;
    }

    private final InetSocketAddress configured;
    private final InetSocketAddress bound;
    private final boolean v6;
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment errno;
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
    private Thread errnoThread;
    private MemorySegment errnoAt = MemorySegment.NULL;
    private boolean warnedShortBuffer;

    MmsgTransport(InetSocketAddress local) throws IOException {
        this.configured = local;
        this.v6 = local.getAddress() instanceof Inet6Address;
        this.errno = arena.allocate(ERRNO);
        int s;
        try {
            s = (int) Native.SOCKET.invokeExact(
                    errno,
                    v6 ? (int) SockAddr.AF_INET6 : (int) SockAddr.AF_INET,
                    SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    0);
        } catch (Throwable e) {
            arena.close();
            throw new IOException("socket() could not be called: " + e, e);
        }
        if (s < 0) {
            arena.close();
            throw new IOException("socket() failed: errno " + errno());
        }
        this.fd = s;
        try {
            MemorySegment opt = arena.allocate(ValueLayout.JAVA_INT);
            opt.set(ValueLayout.JAVA_INT, 0, SOCKET_BUFFER_BYTES);
            int rc = (int) Native.SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVBUF, opt, 4);
            rc |= (int) Native.SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_SNDBUF, opt, 4);
            if (rc != 0) {
                LOG.debug("pseudowire {}: socket buffer size not set (errno {})", local, errno());
            }
            MemorySegment addr = arena.allocate(SockAddr.MAX_BYTES, 8);
            int len = SockAddr.write(local, v6, addr);
            if ((int) Native.BIND.invokeExact(errno, fd, addr, len) != 0) {
                int e = errno();
                throw new IOException(e == 98 ? "Address already in use" : "bind failed: errno " + e);
            }
            MemorySegment lenOut = arena.allocate(ValueLayout.JAVA_INT);
            lenOut.set(ValueLayout.JAVA_INT, 0, SockAddr.MAX_BYTES);
            if ((int) Native.GETSOCKNAME.invokeExact(errno, fd, addr, lenOut) != 0) {
                throw new IOException("getsockname failed: errno " + errno());
            }
            this.bound = SockAddr.read(addr);
        } catch (IOException | RuntimeException e) {
            closeSocket();
            arena.close();
            throw e;
        } catch (Throwable e) {
            closeSocket();
            arena.close();
            throw new IOException("socket set-up failed: " + e, e);
        }
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

    /**
     * The calling thread's errno, read straight after a failed critical call. Only a safepoint reached between the two
     * could change it first; the cost would be one failure counted under the wrong cause.
     */
    private int lastErrno() {
        try {
            Thread t = Thread.currentThread();
            if (t != errnoThread) {
                // errno's address is the thread's: looked up once for the frame thread, not per empty read
                MemorySegment at = (MemorySegment) Native.ERRNO_LOCATION.invokeExact();
                errnoAt = at.reinterpret(4);
                errnoThread = t;
            }
            return errnoAt.get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable e) {
            return -1;
        }
    }

    private int errno() {
        return (int) ERRNO_VALUE.get(errno, 0L);
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
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            MemorySegment unspec = scratch.allocate(SockAddr.MAX_BYTES, 8);
            MemorySegment target = only != null ? only.nativeRemote() : unspec;
            int len = only != null ? only.nativeRemoteLength() : SockAddr.IN_BYTES;
            int rc = (int) Native.CONNECT.invokeExact(state, fd, target, len);
            if (rc != 0) {
                LOG.debug("pseudowire {}: connect failed (errno {})", bound, ERRNO_VALUE.get(state, 0L));
                return;
            }
            connected = only != null;
        } catch (Throwable e) {
            LOG.debug("pseudowire {}: connect failed", bound, e);
        }
    }

    /**
     * Grows the receive buffer with the members, so a shared port holds a stalled receiver's backlog about as long as
     * a socket per span did: SO_RCVBUFFORCE where permitted (CAP_NET_ADMIN), else SO_RCVBUF (capped at
     * net.core.rmem_max); a port left short says so once.
     */
    private void sizeReceiveBuffer(int memberCount) {
        int want = (int) Math.min(MAX_RECEIVE_BUFFER, (long) memberCount * RECEIVE_BUFFER_PER_MEMBER);
        // not the frame thread's errno segment: this runs on the thread opening a span
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            MemorySegment opt = scratch.allocate(ValueLayout.JAVA_INT);
            opt.set(ValueLayout.JAVA_INT, 0, want);
            if ((int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUFFORCE, opt, 4) != 0) {
                int rc = (int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, opt, 4);
                if (rc != 0) {
                    LOG.debug("pseudowire {}: receive buffer not set (errno {})", bound, ERRNO_VALUE.get(state, 0L));
                }
            }
            MemorySegment len = scratch.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            if ((int) Native.GETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, opt, len) == 0) {
                int got = opt.get(ValueLayout.JAVA_INT, 0);
                // the kernel doubles what it grants (half for its bookkeeping)
                if (got < want && memberCount > 1 && !warnedShortBuffer) {
                    warnedShortBuffer = true;
                    LOG.warn(
                            "pseudowire port {}: receive buffer {} KB for {} spans, asked for {} KB: a stalled receiver"
                                    + " loses packets sooner than with a port per span; raise net.core.rmem_max",
                            bound,
                            got / 1024,
                            memberCount,
                            want / 1024);
                }
            }
        } catch (Throwable e) {
            LOG.debug("pseudowire {}: receive buffer not sized", bound, e);
        }
    }

    /**
     * Datagrams the kernel dropped because the socket's receive queue was full (SO_MEMINFO), -1 when not known. A
     * system call: for statistics, not for every block.
     */
    @Override
    public synchronized long queueDrops() {
        if (closed) {
            return -1;
        }
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            MemorySegment info = scratch.allocate(ValueLayout.JAVA_INT, SK_MEMINFO_VARS);
            MemorySegment len = scratch.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4 * SK_MEMINFO_VARS);
            if ((int) Native.GETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_MEMINFO, info, len) != 0) {
                return -1;
            }
            return info.getAtIndex(ValueLayout.JAVA_INT, SK_MEMINFO_DROPS) & 0xFFFFFFFFL;
        } catch (Throwable e) {
            return -1;
        }
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
            int n;
            try {
                n = (int) Native.RECVMMSG.invokeExact(fd, rxHeaders, want, MSG_DONTWAIT, MemorySegment.NULL);
            } catch (Throwable e) {
                throw new IllegalStateException("recvmmsg could not be called", e);
            }
            if (n < 0) {
                int e = lastErrno();
                if (e != EAGAIN && e != EINTR) {
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
        if ((rxHeaders.get(ValueLayout.JAVA_INT, h + MSG_FLAGS) & MSG_TRUNC) != 0) {
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
            int sent;
            try {
                sent = (int) Native.SENDMMSG.invokeExact(fd, txHeadersFrom[from], n - from, MSG_DONTWAIT);
            } catch (Throwable e) {
                throw new IllegalStateException("sendmmsg could not be called", e);
            }
            if (sent <= 0) {
                int e = sent < 0 ? lastErrno() : EAGAIN;
                if (e == EINTR) {
                    continue;
                }
                txLinks[from].sendFailed(e == EAGAIN ? "socket send buffer full" : "sendmmsg errno " + e, nowNanos);
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
        closeSocket();
        arena.close();
    }

    private void closeSocket() {
        try {
            int rc = (int) Native.CLOSE.invokeExact(fd);
            if (rc != 0) {
                LOG.debug("closing pseudowire socket {} failed", configured);
            }
        } catch (Throwable e) {
            LOG.debug("closing pseudowire socket {} failed", configured, e);
        }
    }
}
