package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.pstngw.tdm.clock.FrameClock;
import org.pstngw.tdm.clock.FrameListener;
import org.pstngw.tdm.clock.RateLimitedLog;
import org.pstngw.tdm.spi.ClockSource;
import org.pstngw.tdm.spi.DriverContext;
import org.pstngw.tdm.spi.InvalidSpanConfigException;
import org.pstngw.tdm.spi.Span;
import org.pstngw.tdm.spi.SpanConfig;
import org.pstngw.tdm.spi.SpanConfigError;
import org.pstngw.tdm.spi.TdmDriver;
import org.pstngw.tdm.spi.TdmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pseudowire} driver: each span is carried over UDP as SAToP or CESoPSN ({@link
 * PwSpanOptions}). Everything runs on the frame clock's thread, once per block: one {@link Selector}
 * finds the spans' sockets with datagrams waiting and drains them into their jitter buffers, then every
 * span moves the block's frames each way (sending one packet per {@code frames-per-packet} frames). No
 * locks on that path and nothing allocated per packet.
 *
 * <p>A span that fails to open (bad options, port in use) is refused with a clear error and the others
 * keep running; a malformed packet is dropped, counted and logged at a rate-limited WARN.
 */
public final class PseudowireDriver implements TdmDriver {
    public static final String NAME = "pseudowire";

    /**
     * Drain rounds per block, so datagrams read per socket per block: half the smallest jitter ring (256 packets), so
     * a backlog after a stall stays in the socket for the next blocks instead of overflowing the ring.
     */
    private static final int DRAIN_ROUNDS = 128;

    private static final Logger LOG = LoggerFactory.getLogger(PseudowireDriver.class);

    private final FrameClock clock;
    private final Selector selector;
    private final FrameListener listener = this::onFrames;
    private final Consumer<SelectionKey> drainKey = this::drainKey;
    private final Object lock = new Object();
    private volatile PseudowireSpan[] spans = new PseudowireSpan[0];
    private volatile boolean running;
    private volatile boolean closed;
    private volatile boolean inBlock;
    private volatile Thread blockThread;
    private long nowNanos;
    private final RateLimitedLog failureLog = new RateLimitedLog(
            LOG, "pseudowire span failed in this block; the other spans keep running", TimeUnit.SECONDS.toNanos(10));
    private final AtomicLong spanFailures = new AtomicLong();

    public PseudowireDriver(DriverContext context) {
        this.clock = context.clock();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the pseudowire driver", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running || closed) {
                return;
            }
            running = true;
            for (PseudowireSpan s : spans) {
                s.driverRunning(true);
            }
            clock.addListener(listener);
        }
        clock.start();
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            clock.removeListener(listener);
            for (PseudowireSpan s : spans) {
                s.driverRunning(false);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public PseudowireSpan openSpan(SpanConfig config) {
        List<SpanConfigError> errors = new ArrayList<>(config.validate());
        PwSpanOptions options = PwSpanOptions.parse(config, errors);
        synchronized (lock) {
            if (closed) {
                throw new TdmException("the pseudowire driver is closed");
            }
            if (span(config.name()).isPresent()) {
                errors.add(new SpanConfigError(config.name(), "name", "a span of this name is already open"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidSpanConfigException(errors);
            }
            PwSpanLink link;
            try {
                link = new PwSpanLink(
                        config.name(), config.type(), config.law(), options, config.clockSource() == ClockSource.LINE);
            } catch (IOException e) {
                throw new TdmException(
                        "span '" + config.name() + "': cannot bind UDP " + options.local() + ": " + e.getMessage(), e);
            }
            PseudowireSpan[] holder = new PseudowireSpan[1];
            PseudowireSpan span = new PseudowireSpan(config, link, () -> remove(holder[0]));
            holder[0] = span;
            try {
                link.channel().register(selector, SelectionKey.OP_READ, link);
            } catch (ClosedChannelException e) {
                link.close();
                throw new TdmException("span '" + config.name() + "': socket closed while opening", e);
            }
            span.driverRunning(running);
            PseudowireSpan[] next = Arrays.copyOf(spans, spans.length + 1);
            next[next.length - 1] = span;
            spans = next;
            LOG.info(
                    "span {} open: {} {} -> {}, {} payload octets per packet, jitter buffer {} ms ({} packets)",
                    config.name(),
                    options.mode(),
                    options.local(),
                    options.remote(),
                    link.payloadBytes(),
                    options.jitterMs(),
                    options.jitterPackets(config.type()));
            return span;
        }
    }

    private void remove(PseudowireSpan span) {
        synchronized (lock) {
            spans = Arrays.stream(spans).filter(s -> s != span).toArray(PseudowireSpan[]::new);
        }
    }

    @Override
    public Optional<Span> span(String name) {
        for (PseudowireSpan s : spans) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Span blocks that threw (each logged, rate-limited; the other spans ran). */
    public long spanFailures() {
        return spanFailures.get();
    }

    @Override
    public Collection<Span> spans() {
        return List.of(spans);
    }

    /**
     * Clock thread, once per block. {@link #close()} waits for a block under way to end before it closes the
     * selector: the block marks itself busy, then checks the closed flag (both volatile, so one of the two sees the
     * other).
     */
    private void onFrames(long firstFrame, int frames) {
        inBlock = true;
        try {
            if (closed) {
                return;
            }
            blockThread = Thread.currentThread();
            block(firstFrame, frames);
        } finally {
            inBlock = false;
        }
    }

    /**
     * Drains the sockets in rounds: each round the selector names the readable sockets and one datagram is read from
     * each, until a round finds none (or a backlog's budget is spent). A span receiving one packet a block costs one
     * read, not a second one that finds the socket empty: two epoll calls a block replace one wasted read per span.
     */
    private void block(long firstFrame, int frames) {
        nowNanos = firstFrame * FrameClock.FRAME_NANOS;
        try {
            for (int round = 0; round < DRAIN_ROUNDS; round++) {
                if (selector.selectNow(drainKey) == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            failureLog.warn(nowNanos, "pseudowire selector", e, e);
        }
        for (PseudowireSpan s : spans) {
            try {
                s.onBlock(firstFrame, frames, nowNanos);
            } catch (RuntimeException e) {
                spanFailures.lazySet(spanFailures.get() + 1);
                failureLog.warn(nowNanos, "span " + s.name(), e, e);
            }
        }
    }

    private void awaitBlockEnd() {
        if (Thread.currentThread() == blockThread) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (inBlock && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private void drainKey(SelectionKey key) {
        if (key.isValid() && key.attachment() instanceof PwSpanLink link) {
            link.drainOne(nowNanos);
        }
    }

    @Override
    public void close() {
        stop();
        PseudowireSpan[] all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = spans;
        }
        awaitBlockEnd();
        for (PseudowireSpan s : all) {
            s.close();
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the pseudowire selector failed", e);
        }
    }
}
