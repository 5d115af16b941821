package org.pstngw.conf;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The TDM side.
 *
 * @param driver name of the TDM driver (ServiceLoader name): loopback, pseudowire
 * @param driverOptions options of every span of the driver, passed through as strings (a span's own options win)
 * @param spans the E1/T1 spans
 * @param frameBlock time the frame clock delivers per tick, a whole number of milliseconds (8 frames each)
 */
public record TdmConfig(String driver, Map<String, String> driverOptions, List<SpanConfig> spans, Duration frameBlock) {
    /** The default frame clock block: 10 ms. */
    public static final Duration DEFAULT_FRAME_BLOCK = Duration.ofMillis(10);

    public TdmConfig {
        driverOptions = Map.copyOf(driverOptions);
        spans = List.copyOf(spans);
        if (frameBlock.toNanos() % 125_000 != 0 || frameBlock.isNegative() || frameBlock.isZero()) {
            throw new IllegalArgumentException("frame block must be a positive multiple of 125 us: " + frameBlock);
        }
    }

    /** A TDM section with the default 10 ms frame block. */
    public TdmConfig(String driver, Map<String, String> driverOptions, List<SpanConfig> spans) {
        this(driver, driverOptions, spans, DEFAULT_FRAME_BLOCK);
    }

    /** The same section with other spans. */
    public TdmConfig withSpans(List<SpanConfig> newSpans) {
        return new TdmConfig(driver, driverOptions, newSpans, frameBlock);
    }

    /** The same section with other driver-wide options. */
    public TdmConfig withDriverOptions(Map<String, String> newOptions) {
        return new TdmConfig(driver, newOptions, spans, frameBlock);
    }

    /** 125 us frames per frame clock tick. */
    public int framesPerBlock() {
        return (int) (frameBlock.toNanos() / 125_000);
    }
}
