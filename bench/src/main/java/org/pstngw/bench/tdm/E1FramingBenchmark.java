package org.pstngw.bench.tdm;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pstngw.tdm.clock.VirtualFrameClock;
import org.pstngw.tdm.framing.AlarmListener;
import org.pstngw.tdm.framing.E1Deframer;
import org.pstngw.tdm.framing.E1Framer;
import org.pstngw.tdm.framing.T1Deframer;
import org.pstngw.tdm.framing.T1Framer;
import org.pstngw.tdm.loopback.LoopbackDriver;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.Framing;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanType;

/**
 * E1/T1 framing cost on one core. Every score is in 125 us frames per second (one operation = one frame of one span),
 * so the number of spans one core keeps in real time is the score divided by 8,000.
 *
 * <ul>
 *   <li>{@code e1FramerDeframer}: E1 framer (TS0 + CRC-4) then deframer (alignment, CRC-4 check, LOS/AIS count) over
 *       10 ms blocks of {@link #SPANS} spans, as a driver that carries whole frames would run them.
 *   <li>{@code t1EsfFramerDeframer}: the same for T1 ESF (F bit, CRC-6 both ways).
 *   <li>{@code loopbackDriverBlock}: the whole loopback driver path per span: channel buffers to frames (SpanMux),
 *       framer, deframer, frames to channel buffers, on {@link #SPANS} self-looped E1 spans of 31 channels.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class E1FramingBenchmark {
    static final int SPANS = 64;
    static final int BLOCK = 80;

    private E1Framer[] e1Framers;
    private E1Deframer[] e1Deframers;
    private byte[][] e1Blocks;
    private T1Framer[] t1Framers;
    private T1Deframer[] t1Deframers;
    private byte[][] t1Blocks;
    private int[] fbits;
    private VirtualFrameClock clock;
    private LoopbackDriver driver;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(1);
        e1Framers = new E1Framer[SPANS];
        e1Deframers = new E1Deframer[SPANS];
        e1Blocks = new byte[SPANS][BLOCK * 32];
        t1Framers = new T1Framer[SPANS];
        t1Deframers = new T1Deframer[SPANS];
        t1Blocks = new byte[SPANS][BLOCK * 24];
        fbits = new int[BLOCK];
        for (int s = 0; s < SPANS; s++) {
            e1Framers[s] = new E1Framer(true);
            e1Deframers[s] = new E1Deframer(true, AlarmListener.NONE);
            random.nextBytes(e1Blocks[s]);
            t1Framers[s] = new T1Framer(Framing.T1_ESF);
            t1Deframers[s] = new T1Deframer(Framing.T1_ESF, AlarmListener.NONE);
            random.nextBytes(t1Blocks[s]);
        }
        clock = new VirtualFrameClock(BLOCK);
        driver = new LoopbackDriver(DriverContext.of(clock));
        for (int s = 0; s < SPANS; s++) {
            driver.openSpan(SpanConfig.full("span" + s, SpanType.E1, 16).withOptions(Map.of()));
        }
        driver.start();
        clock.advance(BLOCK * 4);
        for (int s = 0; s < SPANS; s++) {
            if (!driver.span("span" + s).orElseThrow().alarms().isEmpty()) {
                throw new IllegalStateException("loopback span" + s + " did not align");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
        for (E1Deframer d : e1Deframers) {
            if (d.frames() > 0 && (!d.multiframeAligned() || d.crcErrors() != 0)) {
                throw new IllegalStateException("E1 deframer lost alignment or saw CRC errors");
            }
        }
        for (T1Deframer d : t1Deframers) {
            if (d.frames() > 0 && (!d.aligned() || d.crcErrors() != 0)) {
                throw new IllegalStateException("T1 deframer lost alignment or saw CRC errors");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SPANS * BLOCK)
    public long e1FramerDeframer() {
        long sum = 0;
        for (int s = 0; s < SPANS; s++) {
            byte[] block = e1Blocks[s];
            e1Framers[s].frames(block, 0, BLOCK);
            E1Deframer d = e1Deframers[s];
            d.frames(block, 0, BLOCK);
            sum += d.crcErrors();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS * BLOCK)
    public long t1EsfFramerDeframer() {
        long sum = 0;
        int[] f = fbits;
        for (int s = 0; s < SPANS; s++) {
            byte[] block = t1Blocks[s];
            T1Framer framer = t1Framers[s];
            for (int i = 0; i < BLOCK; i++) {
                f[i] = framer.frame(block, i * 24);
            }
            T1Deframer d = t1Deframers[s];
            for (int i = 0; i < BLOCK; i++) {
                d.frame(f[i], block, i * 24);
            }
            sum += d.crcErrors();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(SPANS * BLOCK)
    public long loopbackDriverBlock() {
        clock.advance(BLOCK);
        return clock.frames();
    }
}
