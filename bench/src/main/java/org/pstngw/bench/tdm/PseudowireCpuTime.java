package org.pstngw.bench.tdm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.pseudowire.PseudowireDriver;
import org.pstngw.tdm.pseudowire.PseudowireSpan;
import org.pstngw.tdm.pseudowire.PwLinkStats;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;

/**
 * What a pseudowire packet costs in CPU, free of scheduling: the two drivers of {@link PseudowireLoad} (N full E1
 * spans each, paired over loopback UDP) on one {@link VirtualFrameClock}, advanced block after block as fast as this
 * thread runs. Every block each span sends one packet (8 frames) and reads the one its peer sent: the same system
 * calls and Java work as in real time, without the parking and the wake-ups. Prints, per round of one second of this
 * thread's CPU time, the CPU and the bytes allocated per packet (sent + received counted as two, as {@link
 * PseudowireLoad} does), and fails if a packet was lost.
 *
 * <p>Arguments (key=value): {@code spans=64 mode=cesopsn|satop rounds=6 ports=shared|per-span transport=batched|nio}
 * ({@link PseudowireLoad} says what the last two mean).
 */
public final class PseudowireCpuTime {
    private PseudowireCpuTime() {}

    public static void main(String[] args) throws IOException {
        int spans = 64;
        String mode = "cesopsn";
        int rounds = 6;
        boolean sharedPort = true;
        boolean batched = true;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "spans" -> spans = Integer.parseInt(kv[1]);
                case "mode" -> mode = kv[1];
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "ports" -> sharedPort = kv[1].equals("shared");
                case "transport" -> batched = kv[1].equals("batched");
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        var clock = new VirtualFrameClock(8);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        try (var driverA = new PseudowireDriver(DriverContext.of(clock), batched);
                var driverB = new PseudowireDriver(DriverContext.of(clock), batched)) {
            List<PseudowireSpan> all =
                    PseudowireLoad.openPairs(driverA, driverB, spans, mode, "16", ClockSource.LINE, sharedPort);
            driverA.start();
            driverB.start();
            clock.advanceBlocks(4000); // warm-up: 4 s of line
            long lost0 = lost(all);
            for (int round = 0; round < rounds; round++) {
                long[] before = packets(all);
                long cpu0 = mx.getCurrentThreadCpuTime();
                long alloc0 = mx.getThreadAllocatedBytes(self);
                while (mx.getCurrentThreadCpuTime() - cpu0 < 1_000_000_000L) {
                    clock.advanceBlocks(100);
                }
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                long alloc = mx.getThreadAllocatedBytes(self) - alloc0;
                long[] after = packets(all);
                long packets = after[0] - before[0] + after[1] - before[1];
                System.out.printf(
                        Locale.ROOT,
                        "pseudowire %s spans=%d ports=%s transport=%s round %d: %.2f us CPU per packet sent+received, %.2f bytes allocated"
                                + " per packet, %d packets%n",
                        mode,
                        spans,
                        sharedPort ? "shared" : "per-span",
                        driverB.batched() ? "batched" : "nio",
                        round,
                        cpu / 1e3 / packets,
                        alloc / (double) packets,
                        packets);
            }
            long lost = lost(all) - lost0;
            if (lost != 0) {
                throw new IllegalStateException(lost + " packets lost on a virtual clock");
            }
        }
    }

    private static long[] packets(List<PseudowireSpan> spans) {
        long sent = 0;
        long received = 0;
        for (PseudowireSpan s : spans) {
            PwLinkStats st = s.pseudowireStats();
            sent += st.packetsSent();
            received += st.packetsReceived();
        }
        return new long[] {sent, received};
    }

    private static long lost(List<PseudowireSpan> spans) {
        long lost = 0;
        for (PseudowireSpan s : spans) {
            PwLinkStats st = s.pseudowireStats();
            lost += st.lost() + st.late() + st.overflows() + st.underruns() + st.sendFailures();
        }
        return lost;
    }
}
