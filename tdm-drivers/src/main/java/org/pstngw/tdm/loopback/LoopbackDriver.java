package org.pstngw.tdm.loopback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.tdm.clock.FrameClock;
import org.pstngw.tdm.clock.FrameListener;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.InvalidSpanConfigException;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanConfigError;
import org.pstngw.tdm.spi.TdmDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code loopback} driver: in-memory spans wired back to back, paced by the context's frame clock. A span with
 * option {@code peer=<name>} receives what the span called {@code name} transmits (open both, each naming the other,
 * for a pair); without {@code peer} a span receives its own transmit signal. A span whose peer is not open receives a
 * dead line (LOS). Each block, every span first builds its transmit frames, then every span deframes its peer's.
 */
public final class LoopbackDriver implements TdmDriver, FrameListener {
    /** The driver's name for {@link org.pstngw.tdm.spi.TdmDrivers#open}. */
    public static final String NAME = "loopback";

    /** Span option naming the span this one is wired to. */
    public static final String PEER_OPTION = "peer";

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackDriver.class);

    private final FrameClock clock;
    private final int maxFrames;
    private final Map<String, LoopbackSpan> byName = new ConcurrentHashMap<>();
    private final byte[] zeros;
    private volatile Wiring wiring = new Wiring(new LoopbackSpan[0], new LoopbackSpan[0]);
    private volatile boolean running;
    private boolean closed;
    private final RateLimitedLog failureLog = new RateLimitedLog(
            LOG, "loopback span failed in this block; the other spans keep running", TimeUnit.SECONDS.toNanos(10));
    private final AtomicLong spanFailures = new AtomicLong();

    public LoopbackDriver(DriverContext context) {
        this.clock = context.clock();
        this.maxFrames = clock.framesPerBlock();
        this.zeros = new byte[maxFrames * 32];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (running || closed) {
            return;
        }
        running = true;
        clock.addListener(this);
        clock.start();
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            clock.removeListener(this);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public synchronized Span openSpan(SpanConfig config) {
        List<SpanConfigError> errors = new ArrayList<>(config.validate());
        if (byName.containsKey(config.name())) {
            errors.add(new SpanConfigError(config.name(), "name", "a span with this name is already open"));
        }
        for (String key : config.options().keySet()) {
            if (!key.equals(PEER_OPTION)) {
                errors.add(new SpanConfigError(
                        config.name(), key, "unknown loopback option (the loopback driver reads only 'peer')"));
            }
        }
        String peer = config.options().get(PEER_OPTION);
        if (peer != null) {
            LoopbackSpan other = byName.get(peer);
            if (other != null && other.config().type() != config.type()) {
                errors.add(new SpanConfigError(
                        config.name(),
                        "options.peer",
                        "peer '" + peer + "' is a " + other.config().type() + " span, this one is " + config.type()));
            }
        }
        if (!errors.isEmpty()) {
            LOG.warn("span '{}' refused: {}", config.name(), errors);
            throw new InvalidSpanConfigException(errors);
        }
        LoopbackSpan span = new LoopbackSpan(config, this, maxFrames);
        byName.put(config.name(), span);
        rewire();
        LOG.info(
                "loopback span '{}' open ({} {}, peer '{}')",
                config.name(),
                config.type(),
                config.framing(),
                span.peerName());
        return span;
    }

    synchronized void remove(LoopbackSpan span) {
        if (byName.remove(span.name(), span)) {
            rewire();
        }
    }

    private void rewire() {
        LoopbackSpan[] spans = byName.values().toArray(new LoopbackSpan[0]);
        LoopbackSpan[] from = new LoopbackSpan[spans.length];
        for (int i = 0; i < spans.length; i++) {
            from[i] = byName.get(spans[i].peerName());
        }
        wiring = new Wiring(spans, from);
    }

    /** The open spans and, at the same index, the span each receives from (null: not open). */
    @SuppressWarnings("ArrayRecordComponent") // private, never mutated after construction
    private record Wiring(LoopbackSpan[] spans, LoopbackSpan[] from) {}

    byte[] zeros(int length) {
        return length <= zeros.length ? zeros : new byte[length];
    }

    /**
     * Clock thread: every span transmits, then every span receives its peer's frames. A span that throws is logged
     * (rate-limited) and skipped for this block; the other spans run.
     */
    @Override
    public void onFrames(long firstFrame, int frames) {
        Wiring w = wiring;
        LoopbackSpan[] spans = w.spans();
        LoopbackSpan[] from = w.from();
        long now = firstFrame * FrameClock.FRAME_NANOS;
        for (LoopbackSpan span : spans) {
            try {
                span.transmit(frames);
            } catch (RuntimeException e) {
                failed(span, now, e);
            }
        }
        for (int i = 0; i < spans.length; i++) {
            try {
                spans[i].receive(from[i], frames);
            } catch (RuntimeException e) {
                failed(spans[i], now, e);
            }
        }
        for (LoopbackSpan span : spans) {
            try {
                span.blockDone(frames);
            } catch (RuntimeException e) {
                failed(span, now, e);
            }
        }
    }

    private void failed(LoopbackSpan span, long now, RuntimeException e) {
        spanFailures.lazySet(spanFailures.get() + 1);
        failureLog.warn(now, "span " + span.name(), e, e);
    }

    /** Span blocks that threw (each logged, rate-limited; the other spans ran). */
    public long spanFailures() {
        return spanFailures.get();
    }

    @Override
    public Optional<Span> span(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** An open loopback span with its test controls ({@link LoopbackSpan#setLineCondition}). */
    public Optional<LoopbackSpan> loopbackSpan(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Collection<Span> spans() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() {
        List<LoopbackSpan> spans;
        synchronized (this) {
            stop();
            closed = true;
            spans = List.copyOf(byName.values());
        }
        for (LoopbackSpan span : spans) {
            span.close();
        }
    }
}
