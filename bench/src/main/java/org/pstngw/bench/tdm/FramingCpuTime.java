package org.pstngw.bench.tdm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;

/**
 * The E1 framer plus deframer of {@link E1FramingBenchmark}, measured in the thread's CPU time instead of wall-clock
 * time: on a shared box, where the benchmark thread gets only part of a core, JMH's throughput says how much CPU the
 * thread was given, this says what a frame costs. Prints, per one-second round of CPU time, the CPU per frame and the
 * E1 spans one core keeps in real time at that cost (8,000 frames a second each).
 *
 * <p>Arguments (key=value): {@code spans=64 block=80 rounds=6}.
 */
public final class FramingCpuTime {
    private FramingCpuTime() {}

    public static void main(String[] args) {
        int spans = 64;
        int block = 80;
        int rounds = 6;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "spans" -> spans = Integer.parseInt(kv[1]);
                case "block" -> block = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        E1Framer[] framers = new E1Framer[spans];
        E1Deframer[] deframers = new E1Deframer[spans];
        byte[][] blocks = new byte[spans][block * 32];
        Random random = new Random(1);
        for (int s = 0; s < spans; s++) {
            framers[s] = new E1Framer(true);
            deframers[s] = new E1Deframer(true, AlarmListener.NONE);
            random.nextBytes(blocks[s]);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long frames = 0;
            while (mx.getCurrentThreadCpuTime() - cpu0 < 1_000_000_000L) {
                for (int s = 0; s < spans; s++) {
                    framers[s].frames(blocks[s], 0, block);
                    deframers[s].frames(blocks[s], 0, block);
                }
                frames += (long) spans * block;
            }
            double ns = (mx.getCurrentThreadCpuTime() - cpu0) / (double) frames;
            System.out.printf(
                    Locale.ROOT,
                    "e1 framer+deframer round %d: %.1f ns CPU per frame, %.1f M frames/s per core, %.0f spans%n",
                    round,
                    ns,
                    1e3 / ns,
                    1e9 / ns / 8000);
        }
        for (E1Deframer d : deframers) {
            if (!d.multiframeAligned() || d.crcErrors() != 0) {
                throw new IllegalStateException("E1 deframer lost alignment or saw CRC errors");
            }
        }
    }
}
