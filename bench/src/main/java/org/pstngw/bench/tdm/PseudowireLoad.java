package org.pstngw.bench.tdm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pstngw.tdm.clock.RealFrameClock;
import org.pstngw.tdm.pseudowire.PseudowireDriver;
import org.pstngw.tdm.pseudowire.PseudowireSpan;
import org.pstngw.tdm.pseudowire.PwLinkStats;
import org.pstngw.tdm.pseudowire.PwSpanOptions;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * Load tool: N full E1 spans carried between two pseudowire driver instances over loopback UDP in real time. Side A
 * plays the TDM-over-IP edge (clock source internal, the master), side B the gateway (clock source line). Every span
 * sends one packet per 8 frames each way (1,000 packets/s per span, 64,000/s for 64 spans). After a warm-up, counts over
 * the measured window the packets sent, received, lost, late and refused,
 * the blocks each frame clock delivered late, the process CPU time, and the CPU time and heap allocation of the frame clock threads (which do all the packet
 * work) from {@code ThreadMXBean}.
 *
 * <p>Arguments (key=value): {@code spans=64 seconds=15 warmup=3 mode=cesopsn|satop block=8 jitter=16 clocks=2
 * scheduling=normal|high|realtime}: {@code high} gives the clock threads nice -15, {@code realtime} SCHED_FIFO, as
 * {@code tdm.frame-clock-scheduling} does (refused without CAP_SYS_NICE, the run says so and goes on normally); both
 * measured worse than {@code normal} (the default) on a shared 2-vCPU box, see docs/perf/pseudowire.md.
 * {@code clocks=2} (the default): each driver has its own real-time clock thread, two independent boxes; {@code
 * clocks=1}: both share one (two line-timed PEs on a synchronous network). {@code b-clock=line} (the default): the B
 * side's spans are line-timed, their clock recovered from A's packets; {@code b-clock=internal}: free-running. {@code
 * ports=shared} (the default): B's spans share one local port, told apart by A's ports; {@code ports=per-span}: a port
 * each. {@code transport=batched} (the default): {@code recvmmsg}/{@code sendmmsg} on Linux; {@code transport=nio}:
 * one system call per datagram, the fallback elsewhere. Prints one result line. Exit code 1 when
 * any packet was lost, late or refused; 2 when the run fell behind real time: fewer than 99.9 % of the packets due in
 * the window were sent, or a clock delivered fewer than 99.9 % of its frames (the box could not keep up, even if
 * nothing was lost).
 */
public final class PseudowireLoad {
    private PseudowireLoad() {}

    /** Totals over both directions. */
    record Totals(
            long sent,
            long received,
            long lost,
            long late,
            long sendFailures,
            long underruns,
            long overflows,
            long malformed,
            long rebuffers) {
        static Totals of(List<PseudowireSpan> spans) {
            long sent = 0, received = 0, lost = 0, late = 0, fail = 0, under = 0, over = 0, bad = 0, rebuf = 0;
            for (PseudowireSpan s : spans) {
                PwLinkStats st = s.pseudowireStats();
                sent += st.packetsSent();
                received += st.packetsReceived();
                lost += st.lost();
                late += st.late();
                fail += st.sendFailures();
                under += st.underruns();
                over += st.overflows();
                bad += st.malformed();
                rebuf += st.rebuffers();
            }
            return new Totals(sent, received, lost, late, fail, under, over, bad, rebuf);
        }

        Totals minus(Totals o) {
            return new Totals(
                    sent - o.sent,
                    received - o.received,
                    lost - o.lost,
                    late - o.late,
                    sendFailures - o.sendFailures,
                    underruns - o.underruns,
                    overflows - o.overflows,
                    malformed - o.malformed,
                    rebuffers - o.rebuffers);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                a.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        int spans = Integer.parseInt(a.getOrDefault("spans", "64"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "15"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        String mode = a.getOrDefault("mode", "cesopsn");
        int block = Integer.parseInt(a.getOrDefault("block", "8"));
        String jitter = a.getOrDefault("jitter", "16");
        int clocks = Integer.parseInt(a.getOrDefault("clocks", "2"));
        String scheduling = a.getOrDefault("scheduling", "normal");
        ClockSource bClock =
                ClockSource.valueOf(a.getOrDefault("b-clock", "line").toUpperCase(Locale.ROOT));
        boolean sharedPort = a.getOrDefault("ports", "shared").equals("shared");
        boolean batched = a.getOrDefault("transport", "batched").equals("batched");
        int priority = scheduling.equals("realtime") ? 50 : 0;
        int nice = scheduling.equals("high") ? -15 : 0;

        var clockA = new RealFrameClock(block, "pw-clock-a", priority, nice);
        var clockB = clocks == 1 ? clockA : new RealFrameClock(block, "pw-clock-b", priority, nice);
        try (var driverA = new PseudowireDriver(DriverContext.of(clockA), batched);
                var driverB = new PseudowireDriver(DriverContext.of(clockB), batched)) {
            List<PseudowireSpan> all = openPairs(driverA, driverB, spans, mode, jitter, bClock, sharedPort);
            driverA.start();
            driverB.start();
            TimeUnit.SECONDS.sleep(warmup);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Totals before = Totals.of(all);
            long cpu0 = os.getProcessCpuTime();
            long clockCpu0 = clockThreadsCpuNanos();
            long clockCpuA0 = threadCpuNanos("pw-clock-a");
            long clockAlloc0 = clockThreadsAllocatedBytes();
            long t0 = System.nanoTime();
            long late0 = lateBlocks(clockA, clockB);
            clockA.takeMaxLatenessNanos();
            clockB.takeMaxLatenessNanos();
            long framesA0 = clockA.frames();
            long framesB0 = clockB.frames();
            long drops0 = driverA.socketQueueDrops() + driverB.socketQueueDrops();
            TimeUnit.SECONDS.sleep(seconds);
            Totals d = Totals.of(all).minus(before);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double clockCpu = (clockThreadsCpuNanos() - clockCpu0) / 1e9;
            double clockCpuA = (threadCpuNanos("pw-clock-a") - clockCpuA0) / 1e9;
            long clockAlloc = clockThreadsAllocatedBytes() - clockAlloc0;
            long lateBlocks = lateBlocks(clockA, clockB) - late0;
            long drops = driverA.socketQueueDrops() + driverB.socketQueueDrops() - drops0;
            double maxStallMs = Math.max(clockA.takeMaxLatenessNanos(), clockB.takeMaxLatenessNanos()) / 1e6;
            double framesDue = wall * 8000;
            double clockShare = Math.min(clockA.frames() - framesA0, clockB.frames() - framesB0) / framesDue;
            double packetsDue = spans * framesDue / 8.0;
            double sentShare = d.sent() / 2.0 / packetsDue;
            boolean behind = sentShare < 0.999 || clockShare < 0.999;
            boolean lossy = d.lost() + d.late() + d.sendFailures() + d.overflows() + d.underruns() > 0;
            System.out.printf(
                    Locale.ROOT,
                    "pseudowire %s spans=%d block=%d jitter=%s clocks=%d scheduling=%s ports=%s transport=%s: %.1f s, sent=%d (%.0f pkt/s each way, %.2f%% of"
                            + " real time; slowest clock %.2f%%), received=%d, lost=%d, late=%d, sendFailures=%d,"
                            + " underruns=%d, overflows=%d, rebuffers=%d, socketDrops=%d, malformed=%d, lateClockBlocks=%d (longest %.1f ms late), cpu=%.2f s (%.1f%% of one"
                            + " core, %.2f us/packet sent+received; clock threads %.2f s, %.2f us/packet, %s; %d bytes allocated)%s%n",
                    mode,
                    spans,
                    block,
                    jitter,
                    clocks,
                    scheduling,
                    sharedPort ? "shared" : "per-span",
                    driverB.batched() ? "batched" : "nio",
                    wall,
                    d.sent(),
                    d.sent() / wall / 2,
                    100 * sentShare,
                    100 * clockShare,
                    d.received(),
                    d.lost(),
                    d.late(),
                    d.sendFailures(),
                    d.underruns(),
                    d.overflows(),
                    d.rebuffers(),
                    drops,
                    d.malformed(),
                    lateBlocks,
                    maxStallMs,
                    cpu,
                    100 * cpu / wall,
                    cpu * 1e6 / (d.sent() + d.received()),
                    clockCpu,
                    clockCpu * 1e6 / (d.sent() + d.received()),
                    clocks == 1
                            ? "one thread"
                            : String.format(
                                    Locale.ROOT,
                                    "A (edge, a port per span) %.2f s, B (gateway%s) %.2f s",
                                    clockCpuA,
                                    sharedPort ? ", one port" : ", a port per span",
                                    clockCpu - clockCpuA),
                    clockAlloc,
                    behind ? " BEHIND REAL TIME" : lossy ? " LOSS" : "");
            clockA.close();
            clockB.close();
            if (lossy) {
                System.exit(1);
            }
            if (behind) {
                System.exit(2);
            }
        }
    }

    /**
     * CPU time of the frame clock threads (named {@code pw-clock-*}), which do all the packet work: the process
     * figure also holds the JIT compiler, GC and this thread.
     */
    private static long clockThreadsCpuNanos() {
        return sumOverClockThreads(false);
    }

    /** Bytes allocated by the frame clock threads: nothing is allocated per packet, so this stays near 0. */
    private static long clockThreadsAllocatedBytes() {
        return sumOverClockThreads(true);
    }

    private static long sumOverClockThreads(boolean allocated) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("pw-clock-")) {
                long id = info.getThreadId();
                total += Math.max(0, allocated ? threads.getThreadAllocatedBytes(id) : threads.getThreadCpuTime(id));
            }
        }
        return total;
    }

    private static long lateBlocks(RealFrameClock a, RealFrameClock b) {
        return a == b ? a.lateBlocks() : a.lateBlocks() + b.lateBlocks();
    }

    /** CPU time of the thread named {@code name} (0 when there is none). */
    private static long threadCpuNanos(String name) {
        var threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                return Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return 0;
    }

    /**
     * Opens {@code spans} span pairs: A's span i on a port of its own (a TDM-over-IP device with a port per PW), B's on
     * one port for all when {@code sharedPort} (the gateway: its spans told apart by A's ports), else on a port each.
     */
    static List<PseudowireSpan> openPairs(
            PseudowireDriver driverA,
            PseudowireDriver driverB,
            int spans,
            String mode,
            String jitter,
            ClockSource bClock,
            boolean sharedPort)
            throws IOException {
        int[] ports = freePorts(2 * spans);
        List<PseudowireSpan> all = new ArrayList<>();
        for (int i = 0; i < spans; i++) {
            int pa = ports[2 * i];
            int pb = sharedPort ? ports[1] : ports[2 * i + 1];
            all.add(driverA.openSpan(span("a" + i, ClockSource.INTERNAL, mode, jitter, pa, pb)));
            all.add(driverB.openSpan(span("b" + i, bClock, mode, jitter, pb, pa)));
        }
        return all;
    }

    /** {@code n} UDP ports on the loopback free a moment ago (bound, read, released). */
    static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<DatagramChannel> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                DatagramChannel ch =
                        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(ch);
                ports[i] = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            }
        } finally {
            for (DatagramChannel ch : held) {
                ch.close();
            }
        }
        return ports;
    }

    /** An E1 span of the pseudowire driver on 127.0.0.1: CESoPSN or SAToP, the jitter buffer in ms. */
    static SpanConfig span(String name, ClockSource clock, String mode, String jitter, int local, int remote) {
        SpanConfig full = SpanConfig.full(name, SpanType.E1, 0);
        return new SpanConfig(
                name,
                full.type(),
                full.framing(),
                full.lineCode(),
                clock,
                full.law(),
                full.channels(),
                Map.of(
                        PwSpanOptions.MODE,
                        mode,
                        PwSpanOptions.LOCAL_PORT,
                        Integer.toString(local),
                        PwSpanOptions.REMOTE_ADDRESS,
                        "127.0.0.1",
                        PwSpanOptions.REMOTE_PORT,
                        Integer.toString(remote),
                        PwSpanOptions.JITTER_BUFFER_MS,
                        jitter));
    }
}
