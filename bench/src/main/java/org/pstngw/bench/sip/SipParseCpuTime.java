package org.pstngw.bench.sip;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link SipParseBenchmark}'s operations timed by the thread's CPU time instead of the wall clock, for a machine
 * shared with other work: a thread that gets half a core still reports what one core does. Calls the benchmark's own
 * methods (same message, same work, the same JMH {@link Blackhole}) for both parsers, interleaved round by round so
 * that a change of load hits every row alike. Also reports bytes allocated per operation and the share of a core the
 * thread got.
 *
 * <p>Run after {@code ./mvnw -B -pl bench -am package -DskipTests}: {@code java -cp bench/target/benchmarks.jar
 * org.pstngw.bench.sip.SipParseCpuTime [warmup=2000000] [ops=1000000] [rounds=5]}. Prints one line per row and round,
 * then the median of each row.
 */
public final class SipParseCpuTime {
    private SipParseCpuTime() {}

    /** One benchmark method: does {@code n} operations. */
    @FunctionalInterface
    private interface Row {
        void run(int n) throws ParseException;
    }

    public static void main(String[] args) throws ParseException {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "2000000"));
        int ops = Integer.parseInt(a.getOrDefault("ops", "1000000"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));

        SipParseBenchmark b = new SipParseBenchmark();
        b.setUp();
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("pstngw parse+serialise", n -> {
            for (int i = 0; i < n; i++) {
                bh.consume(b.pstngwParseSerialize());
            }
        });
        rows.put("pstngw parse+touch+serialise", n -> {
            for (int i = 0; i < n; i++) {
                bh.consume(b.pstngwParseTouchSerialize(bh));
            }
        });
        rows.put("JAIN-SIP RI parse+encode", n -> {
            for (int i = 0; i < n; i++) {
                bh.consume(b.jainSipParseSerialize());
            }
        });
        rows.put("JAIN-SIP RI parse+touch+encode", n -> {
            for (int i = 0; i < n; i++) {
                bh.consume(b.jainSipParseTouchSerialize(bh));
            }
        });

        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(
                Locale.ROOT,
                "SIP parse CPU time: warmup=%d ops=%d rounds=%d, %s %s, load average %.2f%n",
                warmup,
                ops,
                rounds,
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                load0);
        for (Row r : rows.values()) {
            r.run(warmup);
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                long alloc0 = threads.getCurrentThreadAllocatedBytes();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                e.getValue().run(ops);
                long wall = System.nanoTime() - wall0;
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long alloc = threads.getCurrentThreadAllocatedBytes() - alloc0;
                double perCpuSecond = ops * 1e9 / cpu;
                double bytesPerOp = (double) alloc / ops;
                double share = (double) cpu / wall;
                results.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new double[] {perCpuSecond, bytesPerOp, share});
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-32s %,10.0f ops per CPU-second %,10.0f ops/s wall  %,8.0f B/op"
                                + "  %3.0f%% of a core%n",
                        round,
                        e.getKey(),
                        perCpuSecond,
                        ops * 1e9 / wall,
                        bytesPerOp,
                        100 * share);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "medians over %d rounds (load average now %.2f):%n",
                rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-32s %,10.0f ops per CPU-second %,8.0f B/op  %3.0f%% of a core%n",
                    e.getKey(),
                    median(e.getValue(), 0),
                    median(e.getValue(), 1),
                    100 * median(e.getValue(), 2));
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
