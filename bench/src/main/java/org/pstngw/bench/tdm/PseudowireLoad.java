package org.pstngw.bench.tdm;

import java.lang.management.ManagementFactory;
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
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * Load tool: N full E1 spans carried between two pseudowire driver instances over loopback UDP in
 * real time, each driver on its own {@link RealFrameClock}. Every span sends one packet per
 * {@code frames-per-packet} frames each way (8 frames: 1,000 packets/s per span, 64,000/s for 64
 * spans). After a warm-up, counts packets sent, received, lost, late and refused over the measured
 * window, and the process CPU time.
 *
 * <p>Arguments (key=value): {@code spans=64 seconds=15 warmup=3 mode=cesopsn|satop block=8
 * jitter=16 port=47000 clocks=2}. With {@code clocks=2} each driver has its own real-time clock
 * thread (two independent boxes: a stall of either thread beyond the jitter buffer depth is loss);
 * with {@code clocks=1} both share one (two line-timed PEs on a synchronous network). Prints one result line; exit code 1 when any packet was lost.
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
            long malformed) {
        static Totals of(List<PseudowireSpan> spans) {
            long sent = 0, received = 0, lost = 0, late = 0, fail = 0, under = 0, over = 0, bad = 0;
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
            }
            return new Totals(sent, received, lost, late, fail, under, over, bad);
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
                    malformed - o.malformed);
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
        int port = Integer.parseInt(a.getOrDefault("port", "47000"));
        int clocks = Integer.parseInt(a.getOrDefault("clocks", "2"));

        var clockA = new RealFrameClock(block, "pw-clock-a");
        var clockB = clocks == 1 ? clockA : new RealFrameClock(block, "pw-clock-b");
        List<PseudowireSpan> all = new ArrayList<>();
        try (var driverA = new PseudowireDriver(DriverContext.of(clockA));
                var driverB = new PseudowireDriver(DriverContext.of(clockB))) {
            for (int i = 0; i < spans; i++) {
                int pa = port + 2 * i;
                int pb = pa + 1;
                all.add(driverA.openSpan(span("a" + i, mode, jitter, pa, pb)));
                all.add(driverB.openSpan(span("b" + i, mode, jitter, pb, pa)));
            }
            driverA.start();
            driverB.start();
            TimeUnit.SECONDS.sleep(warmup);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Totals before = Totals.of(all);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long late0 = lateBlocks(clockA, clockB);
            TimeUnit.SECONDS.sleep(seconds);
            Totals d = Totals.of(all).minus(before);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long lateBlocks = lateBlocks(clockA, clockB) - late0;
            System.out.printf(
                    Locale.ROOT,
                    "pseudowire %s spans=%d block=%d jitter=%s clocks=%d: %.1f s, sent=%d (%.0f pkt/s each way),"
                            + " received=%d, lost=%d, late=%d, sendFailures=%d, underruns=%d, overflows=%d, malformed=%d,"
                            + " lateClockBlocks=%d, cpu=%.2f s (%.1f%% of one core, %.2f us/packet sent+received)%n",
                    mode,
                    spans,
                    block,
                    jitter,
                    clocks,
                    wall,
                    d.sent(),
                    d.sent() / wall / 2,
                    d.received(),
                    d.lost(),
                    d.late(),
                    d.sendFailures(),
                    d.underruns(),
                    d.overflows(),
                    d.malformed(),
                    lateBlocks,
                    cpu,
                    100 * cpu / wall,
                    cpu * 1e6 / (d.sent() + d.received()));
            clockA.close();
            clockB.close();
            if (d.lost() + d.late() + d.sendFailures() + d.overflows() + d.underruns() > 0) {
                System.exit(1);
            }
        }
    }

    private static long lateBlocks(RealFrameClock a, RealFrameClock b) {
        return a == b ? a.lateBlocks() : a.lateBlocks() + b.lateBlocks();
    }

    private static SpanConfig span(String name, String mode, String jitter, int local, int remote) {
        return SpanConfig.full(name, SpanType.E1, 0)
                .withOptions(Map.of(
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
