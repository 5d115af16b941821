package org.pstngw.tdm.clock;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Real-time scheduling of the calling platform thread on Linux (SCHED_FIFO through {@code sched_setscheduler(2)},
 * called with the FFM API): a frame clock thread so scheduled runs as soon as its deadline comes, whatever else
 * loads the machine, as media servers do with theirs (Asterisk's {@code -p}). It needs CAP_SYS_NICE (or an
 * RLIMIT_RTPRIO); without it the call is refused and the thread keeps normal scheduling. Linux's real-time
 * throttling (95 % of each second by default) still leaves the rest of the system its share.
 */
public final class RealtimeScheduling {
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_FIFO = 1;
    private static final int PRIO_PROCESS = 0;
    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    private static final StructLayout ERRNO = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_VALUE =
            ERRNO.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private RealtimeScheduling() {}

    /** The native calls, looked up once when first used (Linux only). */
    @SuppressWarnings("restricted") // the FFM downcalls this class exists for; needs --enable-native-access
    private static final class Native {
        static final MethodHandle GETTID;
        static final MethodHandle SET_SCHEDULER;
        static final MethodHandle GET_SCHEDULER;
        static final MethodHandle SET_PRIORITY;
        static final MethodHandle GET_PRIORITY;

        static {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            GETTID = linker.downcallHandle(
                    libc.find("gettid").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
            SET_SCHEDULER = linker.downcallHandle(
                    libc.find("sched_setscheduler").orElseThrow(),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                    Linker.Option.captureCallState("errno"));
            GET_SCHEDULER = linker.downcallHandle(
                    libc.find("sched_getscheduler").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            SET_PRIORITY = linker.downcallHandle(
                    libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
                    Linker.Option.captureCallState("errno"));
            GET_PRIORITY = linker.downcallHandle(
                    libc.find("getpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        }
    }

    /**
     * Makes the calling thread SCHED_FIFO at {@code priority}.
     *
     * @param priority 1 (lowest) to 99
     * @return empty when done, else why not (not Linux, or the kernel's refusal with its errno)
     */
    public static Optional<String> makeCurrentThreadRealtime(int priority) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("SCHED_FIFO priority must be 1..99: " + priority);
        }
        return setScheduler(SCHED_FIFO, priority);
    }

    /** Returns the calling thread to normal scheduling (SCHED_OTHER). */
    public static Optional<String> makeCurrentThreadNormal() {
        return setScheduler(SCHED_OTHER, 0);
    }

    /**
     * Gives the calling thread a nice value under normal (CFS) scheduling: -15 weighs it about 28 times an ordinary
     * thread, so it gets the CPU it needs from a loaded host while the JVM's own threads (the JIT compilers, the
     * garbage collector) and everything else still run. Lowering the nice value needs CAP_SYS_NICE.
     *
     * @param nice -20 (highest) to 19
     * @return empty when done, else why not
     */
    public static Optional<String> setCurrentThreadNice(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice must be -20..19: " + nice);
        }
        if (!LINUX) {
            return Optional.of("per-thread nice values are set through Linux's setpriority; this is "
                    + System.getProperty("os.name"));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(ERRNO);
            int tid = (int) Native.GETTID.invokeExact();
            int rc = (int) Native.SET_PRIORITY.invokeExact(state, PRIO_PROCESS, tid, nice);
            if (rc == 0) {
                return Optional.empty();
            }
            int errno = (int) ERRNO_VALUE.get(state, 0L);
            return Optional.of("setpriority refused (errno " + errno
                    + (errno == 13 || errno == 1 ? ": lowering the nice value needs CAP_SYS_NICE" : "") + ")");
        } catch (Throwable e) {
            return Optional.of("setpriority could not be called: " + e);
        }
    }

    /** The calling thread's nice value (0 when it cannot be read). */
    public static int currentThreadNice() {
        if (!LINUX) {
            return 0;
        }
        try {
            int tid = (int) Native.GETTID.invokeExact();
            return (int) Native.GET_PRIORITY.invokeExact(PRIO_PROCESS, tid);
        } catch (Throwable e) {
            return 0;
        }
    }

    /** Whether the calling thread runs under SCHED_FIFO. */
    public static boolean isCurrentThreadRealtime() {
        if (!LINUX) {
            return false;
        }
        try {
            int tid = (int) Native.GETTID.invokeExact();
            return (int) Native.GET_SCHEDULER.invokeExact(tid) == SCHED_FIFO;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Optional<String> setScheduler(int policy, int priority) {
        if (!LINUX) {
            return Optional.of("real-time scheduling is set through Linux's sched_setscheduler; this is "
                    + System.getProperty("os.name"));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(ValueLayout.JAVA_INT);
            param.set(ValueLayout.JAVA_INT, 0, priority);
            MemorySegment state = arena.allocate(ERRNO);
            int tid = (int) Native.GETTID.invokeExact();
            int rc = (int) Native.SET_SCHEDULER.invokeExact(state, tid, policy, param);
            if (rc == 0) {
                return Optional.empty();
            }
            int errno = (int) ERRNO_VALUE.get(state, 0L);
            return Optional.of("sched_setscheduler refused (errno " + errno
                    + (errno == 1 ? ", EPERM: needs CAP_SYS_NICE or an RLIMIT_RTPRIO" : "") + ")");
        } catch (Throwable e) {
            return Optional.of("sched_setscheduler could not be called: " + e);
        }
    }
}
