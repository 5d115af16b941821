package org.pstngw.conf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The TDM side.
 *
 * @param driver name of the TDM driver (ServiceLoader name): loopback, pseudowire
 * @param driverOptions options of every span of the driver, passed through as strings (a span's own options win)
 * @param spans the E1/T1 spans
 * @param frameBlock time the frame clock delivers per tick, a whole number of milliseconds (8 frames each)
 * @param clockScheduling how the frame clock thread is scheduled
 */
public record TdmConfig(
        String driver,
        Map<String, String> driverOptions,
        List<SpanConfig> spans,
        Duration frameBlock,
        ClockScheduling clockScheduling) {
    /** Scheduling of the frame clock thread. */
    public enum ClockScheduling {
        /** An ordinary thread. */
        NORMAL,
        /** Nice -15 under normal scheduling when the host allows it (CAP_SYS_NICE): most of the CPU it needs. */
        HIGH,
        /** SCHED_FIFO when the host allows it: pre-empts everything else; only where the TDM load is known to fit. */
        REALTIME
    }

    /** The default frame clock block: 10 ms. */
    public static final Duration DEFAULT_FRAME_BLOCK = Duration.ofMillis(10);

    public TdmConfig {
        driverOptions = Map.copyOf(driverOptions);
        spans = List.copyOf(spans);
        if (frameBlock.toNanos() % 125_000 != 0 || frameBlock.isNegative() || frameBlock.isZero()) {
            throw new IllegalArgumentException("frame block must be a positive multiple of 125 us: " + frameBlock);
        }
        Objects.requireNonNull(clockScheduling, "clockScheduling");
    }

    /** A TDM section with the default 10 ms frame block on a normally scheduled clock. */
    public TdmConfig(String driver, Map<String, String> driverOptions, List<SpanConfig> spans) {
        this(driver, driverOptions, spans, DEFAULT_FRAME_BLOCK, ClockScheduling.NORMAL);
    }

    /** The same section with other spans. */
    public TdmConfig withSpans(List<SpanConfig> newSpans) {
        return new TdmConfig(driver, driverOptions, newSpans, frameBlock, clockScheduling);
    }

    /** The same section with other driver-wide options. */
    public TdmConfig withDriverOptions(Map<String, String> newOptions) {
        return new TdmConfig(driver, newOptions, spans, frameBlock, clockScheduling);
    }

    /** 125 us frames per frame clock tick. */
    public int framesPerBlock() {
        return (int) (frameBlock.toNanos() / 125_000);
    }
}
