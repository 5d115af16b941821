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
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking Linux UDP socket through FFM: made, bound, connected, sized and closed here, and the two calls a
 * block makes, {@code recvmmsg} and {@code sendmmsg} on arrays of {@code struct mmsghdr} that {@link MmsgTransport}
 * lays out. Those two are critical downcalls (no thread-state transition: with {@code MSG_DONTWAIT} they never block
 * and last microseconds) that capture no state: capturing errno slices its segment per call, which allocates until
 * the JIT removes it; errno is read straight after a failed call through {@code __errno_location} instead. The set-up
 * calls, made by the thread opening a span, capture errno in a scratch segment of their own.
 */
final class LinuxUdpSocket implements AutoCloseable {
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_TRUNC = 0x20;
    static final int EAGAIN = 11;
    static final int EINTR = 4;

    private static final Logger LOG = LoggerFactory.getLogger(LinuxUdpSocket.class);
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int SO_MEMINFO = 55;
    /** Index of the socket's drop count in SO_MEMINFO's array (SK_MEMINFO_DROPS), of SK_MEMINFO_VARS. */
    private static final int SK_MEMINFO_DROPS = 8;

    private static final int SK_MEMINFO_VARS = 9;
    private static final int EADDRINUSE = 98;
    private static final int SOCKET_BUFFER_BYTES = 1 << 20;
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
            var critical = Linker.Option.critical(false);
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
        if (!LinuxUdpSocket.class.getModule().isNativeAccessEnabled()) {
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

    /** Whether this platform has these calls: Linux x86-64 or AArch64 (LP64 layouts), native access enabled. */
    static boolean available() {
        return AVAILABLE;
    }

    private final int fd;
    private final boolean v6;
    private final InetSocketAddress bound;
    private Thread errnoThread;
    private MemorySegment errnoAt = MemorySegment.NULL;
    private boolean closed;

    /** Makes a non-blocking socket with 1 MB buffers bound to {@code local}. */
    LinuxUdpSocket(InetSocketAddress local) throws IOException {
        this.v6 = local.getAddress() instanceof Inet6Address;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            int s = (int) Native.SOCKET.invokeExact(
                    state,
                    v6 ? (int) SockAddr.AF_INET6 : (int) SockAddr.AF_INET,
                    SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    0);
            if (s < 0) {
                throw new IOException("socket() failed: errno " + errno(state));
            }
            this.fd = s;
            try {
                MemorySegment opt = scratch.allocate(ValueLayout.JAVA_INT);
                opt.set(ValueLayout.JAVA_INT, 0, SOCKET_BUFFER_BYTES);
                int rc = (int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, opt, 4);
                rc |= (int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_SNDBUF, opt, 4);
                if (rc != 0) {
                    LOG.debug("pseudowire {}: socket buffer size not set (errno {})", local, errno(state));
                }
                MemorySegment addr = scratch.allocate(SockAddr.MAX_BYTES, 8);
                int len = SockAddr.write(local, v6, addr);
                if ((int) Native.BIND.invokeExact(state, fd, addr, len) != 0) {
                    int e = errno(state);
                    throw new IOException(e == EADDRINUSE ? "Address already in use" : "bind failed: errno " + e);
                }
                MemorySegment lenOut = scratch.allocate(ValueLayout.JAVA_INT);
                lenOut.set(ValueLayout.JAVA_INT, 0, SockAddr.MAX_BYTES);
                if ((int) Native.GETSOCKNAME.invokeExact(state, fd, addr, lenOut) != 0) {
                    throw new IOException("getsockname failed: errno " + errno(state));
                }
                this.bound = SockAddr.read(addr);
            } catch (IOException | RuntimeException e) {
                closeFd(s);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("socket set-up failed: " + e, e);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO_VALUE.get(state, 0L);
    }

    InetSocketAddress bound() {
        return bound;
    }

    /** Whether the socket is IPv6 (its addresses are sockaddr_in6, IPv4 ones mapped). */
    boolean v6() {
        return v6;
    }

    /**
     * Connects to the sockaddr at {@code target} ({@code length} bytes), or dissolves the association when {@code
     * target} is null.
     *
     * @return whether the kernel agreed
     */
    boolean connect(MemorySegment target, int length) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            MemorySegment unspec = scratch.allocate(SockAddr.MAX_BYTES, 8);
            // locals, not conditionals in the call: invokeExact takes a conditional's type as Object
            MemorySegment address = target != null ? target : unspec;
            int addressLength = target != null ? length : SockAddr.IN_BYTES;
            int rc = (int) Native.CONNECT.invokeExact(state, fd, address, addressLength);
            if (rc != 0) {
                LOG.debug("pseudowire {}: connect failed (errno {})", bound, errno(state));
            }
            return rc == 0;
        } catch (Throwable e) {
            LOG.debug("pseudowire {}: connect failed", bound, e);
            return false;
        }
    }

    /**
     * Asks for a receive buffer of {@code bytes}: SO_RCVBUFFORCE where permitted (CAP_NET_ADMIN), else SO_RCVBUF
     * (capped at net.core.rmem_max).
     *
     * @return what the kernel granted, as SO_RCVBUF reports it (twice the usable size), or -1
     */
    int receiveBuffer(int bytes) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment state = scratch.allocate(ERRNO);
            MemorySegment opt = scratch.allocate(ValueLayout.JAVA_INT);
            opt.set(ValueLayout.JAVA_INT, 0, bytes);
            if ((int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUFFORCE, opt, 4) != 0) {
                if ((int) Native.SETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, opt, 4) != 0) {
                    LOG.debug("pseudowire {}: receive buffer not set (errno {})", bound, errno(state));
                }
            }
            MemorySegment len = scratch.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            if ((int) Native.GETSOCKOPT.invokeExact(state, fd, SOL_SOCKET, SO_RCVBUF, opt, len) != 0) {
                return -1;
            }
            return opt.get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable e) {
            LOG.debug("pseudowire {}: receive buffer not sized", bound, e);
            return -1;
        }
    }

    /** Datagrams the kernel dropped at a full receive queue (SO_MEMINFO), -1 when not known. */
    synchronized long queueDrops() {
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

    /** {@code recvmmsg(fd, headers, count, MSG_DONTWAIT, NULL)}: datagrams read, or -1 (then {@link #lastErrno()}). */
    int receive(MemorySegment headers, int count) {
        try {
            return (int) Native.RECVMMSG.invokeExact(fd, headers, count, MSG_DONTWAIT, MemorySegment.NULL);
        } catch (Throwable e) {
            throw new IllegalStateException("recvmmsg could not be called", e);
        }
    }

    /** {@code sendmmsg(fd, headers, count, MSG_DONTWAIT)}: datagrams sent, or -1 (then {@link #lastErrno()}). */
    int send(MemorySegment headers, int count) {
        try {
            return (int) Native.SENDMMSG.invokeExact(fd, headers, count, MSG_DONTWAIT);
        } catch (Throwable e) {
            throw new IllegalStateException("sendmmsg could not be called", e);
        }
    }

    /**
     * The calling thread's errno, read straight after a failed {@link #receive}/{@link #send}. Only a safepoint reached
     * between the two could change it first; the cost would be one failure counted under the wrong cause. errno's
     * address is the thread's: looked up once for the frame thread, not per empty read.
     */
    @SuppressWarnings("restricted") // reinterpret: errno is an int at the address libc gives
    int lastErrno() {
        try {
            Thread t = Thread.currentThread();
            if (t != errnoThread) {
                MemorySegment at = (MemorySegment) Native.ERRNO_LOCATION.invokeExact();
                errnoAt = at.reinterpret(4);
                errnoThread = t;
            }
            return errnoAt.get(ValueLayout.JAVA_INT, 0);
        } catch (Throwable e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeFd(fd);
        }
    }

    private void closeFd(int s) {
        try {
            if ((int) Native.CLOSE.invokeExact(s) != 0) {
                LOG.debug("closing pseudowire socket {} failed", bound);
            }
        } catch (Throwable e) {
            LOG.debug("closing pseudowire socket {} failed", bound, e);
        }
    }
}
