package org.pstngw.bench.sipi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.restcomm.protocols.ss7.isup.ParameterException;

/**
 * The {@link SipIBodyBenchmark} rows timed by the thread's own CPU time rather than the wall clock: on a shared
 * build machine whose load average is several times its core count, JMH's wall-clock throughput mostly measures the
 * scheduler, while CPU time per operation stays close to what one idle core gives (cache and hyperthread sharing
 * still count). Median (and spread) of 15 rounds of 200,000 operations each, after a warm-up round; the rows take
 * turns round by round, so a slow minute of the machine falls on all of them. Run with
 * {@code java -cp bench/target/benchmarks.jar org.pstngw.bench.sipi.SipICpuTime}.
 */
public final class SipICpuTime {
    private static final int OPS = 200_000;
    private static final int ROUNDS = 15;
    private static long sink;

    private SipICpuTime() {}

    /** One benchmark row. */
    @FunctionalInterface
    private interface Row {
        long run() throws ParameterException;
    }

    public static void main(String[] args) throws ParameterException {
        SipIBodyBenchmark b = new SipIBodyBenchmark();
        b.setUp();
        String[] names = {
            "sipiBuildAndParse",
            "sipiBuildAndParseNewHeaders",
            "sipiBuildAndParseOwnBody",
            "isupEncodeAndDecode",
            "jss7EncodeAndDecode"
        };
        Row[] rows = {
            b::sipiBuildAndParse,
            b::sipiBuildAndParseNewHeaders,
            b::sipiBuildAndParseOwnBody,
            b::isupEncodeAndDecode,
            b::jss7EncodeAndDecode
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ns = new double[rows.length][ROUNDS];
        // rounds interleaved across the rows (a warm-up round first), so that every row sees the same machine:
        // on a shared machine the CPU time of the same code drifts by tens of percent within a minute
        for (int round = 0; round <= ROUNDS; round++) {
            for (int r = 0; r < rows.length; r++) {
                long start = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < OPS; i++) {
                    sink += rows[r].run();
                }
                if (round > 0) {
                    ns[r][round - 1] = (mx.getCurrentThreadCpuTime() - start) / (double) OPS;
                }
            }
        }
        for (int r = 0; r < rows.length; r++) {
            print(names[r], ns[r]);
        }
        System.out.println("(sink " + sink + ")");
    }

    private static void print(String name, double[] ns) {
        java.util.Arrays.sort(ns);
        double median = ns[ROUNDS / 2];
        System.out.printf(
                Locale.ROOT,
                "%-26s median %6.0f ns of CPU per op (min %6.0f, max %6.0f) = %,10.0f ops per CPU second%n",
                name,
                median,
                ns[0],
                ns[ROUNDS - 1],
                1e9 / median);
    }
}
