package org.pstngw.tdm.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pstngw.conf.TdmConfig;
import org.pstngw.tdm.clock.FrameClock;
import org.pstngw.tdm.clock.RealFrameClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TDM side of the gateway as configured: the driver named by {@code tdm.driver} (found with {@link
 * java.util.ServiceLoader}), every span of {@code tdm.spans} opened on it, and the driver started.
 *
 * <p>A span that cannot be opened (invalid settings, a port in use, an address this host does not have) is reported
 * in {@link #failures()} with its name and the reason, logged, and the other spans run. A driver name that does not
 * exist is refused as a whole with {@link UnknownDriverException} ({@code driver "dahdi" is not available in this
 * build; available: loopback, pseudowire}). {@link #close()} stops the driver, closes its spans and, when this object
 * made the frame clock, the clock.
 */
public final class TdmSpans implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TdmSpans.class);

    /** A configured span that is not running, and why. */
    public record Failure(String span, String reason) {
        @Override
        public String toString() {
            return "span '" + span + "' not opened: " + reason;
        }
    }

    private final TdmDriver driver;
    private final FrameClock clock;
    private final boolean ownsClock;
    private final Map<String, Span> spans;
    private final List<Failure> failures;
    private boolean closed;

    private TdmSpans(
            TdmDriver driver, FrameClock clock, boolean ownsClock, Map<String, Span> spans, List<Failure> failures) {
        this.driver = driver;
        this.clock = clock;
        this.ownsClock = ownsClock;
        this.spans = Collections.unmodifiableMap(spans);
        this.failures = List.copyOf(failures);
    }

    /** SCHED_FIFO priority of the frame clock thread with {@code tdm.frame-clock-scheduling: realtime}. */
    public static final int REALTIME_PRIORITY = 50;

    /** Nice value of the frame clock thread with {@code tdm.frame-clock-scheduling: high}. */
    public static final int HIGH_NICE = -15;

    /**
     * Opens the configured TDM side on a real frame clock of {@code tdm.frame-block}, scheduled as {@code
     * tdm.frame-clock-scheduling} says, owned (and closed) by the result.
     *
     * @throws UnknownDriverException when no driver of that name is on the class path
     * @throws TdmException when the driver cannot be created or started
     */
    public static TdmSpans open(TdmConfig config) {
        RealFrameClock clock = new RealFrameClock(
                config.framesPerBlock(),
                "tdm-frame-clock",
                config.clockScheduling() == TdmConfig.ClockScheduling.REALTIME ? REALTIME_PRIORITY : 0,
                config.clockScheduling() == TdmConfig.ClockScheduling.HIGH ? HIGH_NICE : 0);
        try {
            return open(config, clock, true);
        } catch (RuntimeException e) {
            clock.close();
            throw e;
        }
    }

    /**
     * Opens the configured TDM side on the caller's frame clock (left open by {@link #close()}).
     *
     * @throws UnknownDriverException when no driver of that name is on the class path
     * @throws TdmException when the driver cannot be created or started
     */
    public static TdmSpans open(TdmConfig config, FrameClock clock) {
        return open(config, clock, false);
    }

    private static TdmSpans open(TdmConfig config, FrameClock clock, boolean ownsClock) {
        if (clock.framesPerBlock() != config.framesPerBlock()) {
            LOG.info(
                    "TDM frame clock delivers {} frames per block; tdm.frame-block asks for {}: the clock given wins",
                    clock.framesPerBlock(),
                    config.framesPerBlock());
        }
        TdmDriver driver = TdmDrivers.open(config.driver(), new DriverContext(clock, config.driverOptions()));
        Map<String, Span> opened = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (SpanConfig span : SpanConfigs.from(config)) {
            String reason;
            try {
                opened.put(span.name(), driver.openSpan(span));
                continue;
            } catch (InvalidSpanConfigException e) {
                reason = e.errors().stream()
                        .map(err -> err.field() + ": " + err.message())
                        .collect(Collectors.joining("; "));
            } catch (TdmException e) {
                reason = e.getMessage();
            } catch (RuntimeException e) {
                reason = "driver " + config.driver() + " failed: " + e;
                LOG.error("span '{}': driver {} failed while opening it", span.name(), config.driver(), e);
            }
            Failure failure = new Failure(span.name(), reason);
            LOG.warn("{}; the other spans run", failure);
            failures.add(failure);
        }
        try {
            driver.start();
        } catch (RuntimeException e) {
            driver.close();
            throw new TdmException("TDM driver " + config.driver() + " failed to start: " + e.getMessage(), e);
        }
        LOG.info(
                "TDM driver {} running: {} span(s) open {}, {} refused",
                driver.name(),
                opened.size(),
                opened.keySet(),
                failures.size());
        return new TdmSpans(driver, clock, ownsClock, opened, failures);
    }

    /** The running driver. */
    public TdmDriver driver() {
        return driver;
    }

    /** The frame clock pacing the driver (and the media loop). */
    public FrameClock clock() {
        return clock;
    }

    /** The spans that opened, by name, in configuration order. */
    public Map<String, Span> spans() {
        return spans;
    }

    public Optional<Span> span(String name) {
        return Optional.ofNullable(spans.get(name));
    }

    /** The configured spans that did not open, in configuration order. */
    public List<Failure> failures() {
        return failures;
    }

    /** Stops the driver and closes its spans, then the frame clock if it was made here. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.close();
        } finally {
            if (ownsClock) {
                clock.close();
            }
        }
    }
}
