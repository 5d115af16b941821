package org.pstngw.tdm.pseudowire;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
 * PwSpanOptions}). Spans configured with the same local address and port share one socket ({@link PwTransport}), told
 * apart by their far end's address and port. Everything runs on the frame clock's thread, once per block: every port
 * hands the datagrams waiting to their spans' jitter buffers, every span moves the block's frames each way (queueing
 * one packet per {@code frames-per-packet} frames), then every port sends what was queued. On Linux a port moves a
 * batch of datagrams per system call ({@code recvmmsg}/{@code sendmmsg}, {@link MmsgTransport}): a shared port of 64
 * spans reads and sends a block's 64 packets in two or three calls. No locks on that path and nothing allocated per
 * packet.
 *
 * <p>A span that fails to open (bad options, port in use) is refused with a clear error and the others
 * keep running; a malformed packet is dropped, counted and logged at a rate-limited WARN.
 */
public final class PseudowireDriver implements TdmDriver {
    public static final String NAME = "pseudowire";

    private static final Logger LOG = LoggerFactory.getLogger(PseudowireDriver.class);

    private final FrameClock clock;
    private final boolean batched;
    private final LongSupplier random;
    private final FrameListener listener = this::onFrames;
    private final Object lock = new Object();
    private volatile PseudowireSpan[] spans = new PseudowireSpan[0];
    private volatile PwTransport[] ports = new PwTransport[0];
    private volatile boolean running;
    private volatile boolean closed;
    private volatile boolean inBlock;
    private volatile Thread blockThread;
    private final RateLimitedLog failureLog = new RateLimitedLog(
            LOG, "pseudowire span failed in this block; the other spans keep running", TimeUnit.SECONDS.toNanos(10));
    private final AtomicLong spanFailures = new AtomicLong();

    /** The driver on the context's clock; batched system calls where the platform has them. */
    public PseudowireDriver(DriverContext context) {
        this(context, true);
    }

    /**
     * The driver on the context's clock.
     *
     * @param batched batched system calls where the platform has them ({@code false}: one per datagram everywhere, as
     *     on platforms without them)
     */
    public PseudowireDriver(DriverContext context, boolean batched) {
        this(context, batched, () -> ThreadLocalRandom.current().nextLong());
    }

    /**
     * @param batched use {@link MmsgTransport} where available ({@code false}: the NIO fallback everywhere)
     * @param random the random bits each span's first sequence number and RTP timestamp come from
     */
    PseudowireDriver(DriverContext context, boolean batched, LongSupplier random) {
        this.clock = context.clock();
        this.batched = batched;
        this.random = random;
    }

    /** Whether this driver's ports move datagrams in batches (Linux with native access), else one call each. */
    public boolean batched() {
        return batched && MmsgTransport.available();
    }

    /**
     * Datagrams the kernel dropped at this driver's ports because a receive queue was full (the clock thread stalled
     * longer than the socket buffers hold), -1 when the platform does not tell (the NIO fallback). One system call per
     * port: for statistics, not for every block.
     */
    public long socketQueueDrops() {
        long n = 0;
        for (PwTransport p : ports) {
            long d = p.queueDrops();
            if (d < 0) {
                return -1;
            }
            n += d;
        }
        return n;
    }

    /** Datagrams dropped at this driver's ports because their source is no span's far end. */
    public long unknownSources() {
        long n = 0;
        for (PwTransport p : ports) {
            n += p.unknownSources();
        }
        return n;
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
            PwTransport port = sharedPort(options);
            if (port != null && port.hasMember(options.remote())) {
                throw new InvalidSpanConfigException(List.of(new SpanConfigError(
                        config.name(),
                        PwSpanOptions.REMOTE_PORT,
                        "another span on local port " + options.local() + " already has the far end "
                                + options.remote()
                                + ": spans sharing a local port are told apart by their remote address and port")));
            }
            boolean newPort = port == null;
            if (newPort) {
                try {
                    port = PwTransport.open(options.local(), batched);
                } catch (IOException | IllegalArgumentException e) {
                    throw new TdmException(
                            "span '" + config.name() + "': cannot bind UDP " + options.local() + ": " + e.getMessage(),
                            e);
                }
            }
            PwSpanLink link = new PwSpanLink(
                    config.name(),
                    config.type(),
                    config.law(),
                    options,
                    config.clockSource() == ClockSource.LINE,
                    random.getAsLong());
            try {
                link.attach(port);
            } catch (IllegalArgumentException e) {
                if (newPort) {
                    port.close();
                }
                throw new InvalidSpanConfigException(
                        List.of(new SpanConfigError(config.name(), PwSpanOptions.REMOTE_ADDRESS, e.getMessage())));
            }
            PseudowireSpan[] holder = new PseudowireSpan[1];
            PseudowireSpan span = new PseudowireSpan(config, link, () -> remove(holder[0]));
            holder[0] = span;
            span.driverRunning(running);
            if (newPort) {
                PwTransport[] nextPorts = Arrays.copyOf(ports, ports.length + 1);
                nextPorts[nextPorts.length - 1] = port;
                ports = nextPorts;
            }
            PseudowireSpan[] next = Arrays.copyOf(spans, spans.length + 1);
            next[next.length - 1] = span;
            spans = next;
            LOG.info(
                    "span {} open: {} {} -> {}{}, {} payload octets per packet, jitter buffer {} ms ({} packets)",
                    config.name(),
                    options.mode(),
                    port.localAddress(),
                    options.remote(),
                    newPort ? "" : " (shared port)",
                    link.payloadBytes(),
                    options.jitterMs(),
                    options.jitterPackets(config.type()));
            return span;
        }
    }

    /** The open port this span's configured local address names, if it names a fixed port. */
    private PwTransport sharedPort(PwSpanOptions options) {
        if (options.local().getPort() == 0) {
            return null;
        }
        for (PwTransport p : ports) {
            if (p.configured().equals(options.local())) {
                return p;
            }
        }
        return null;
    }

    /**
     * Takes a closed span out; its port closes with its last span, once no block uses it (the clock thread may be
     * in a block that read the port list before it changed).
     */
    private void remove(PseudowireSpan span) {
        PwTransport emptied = null;
        synchronized (lock) {
            spans = Arrays.stream(spans).filter(s -> s != span).toArray(PseudowireSpan[]::new);
            PwTransport port = span.link().transport();
            if (port.leave(span.link())) {
                ports = Arrays.stream(ports).filter(p -> p != port).toArray(PwTransport[]::new);
                emptied = port;
            }
        }
        if (emptied != null) {
            awaitBlockEnd();
            emptied.close();
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
     * Receives at every port (each hands its datagrams to their spans), runs every span's block (which queues its
     * packets at its port), then sends at every port.
     */
    private void block(long firstFrame, int frames) {
        long nowNanos = firstFrame * FrameClock.FRAME_NANOS;
        PwTransport[] open = ports;
        for (PwTransport p : open) {
            try {
                p.receive(nowNanos);
            } catch (RuntimeException e) {
                failureLog.warn(nowNanos, "pseudowire port " + p.localAddress(), e, e);
            }
        }
        for (PseudowireSpan s : spans) {
            try {
                s.onBlock(firstFrame, frames, nowNanos);
            } catch (RuntimeException e) {
                spanFailures.lazySet(spanFailures.get() + 1);
                failureLog.warn(nowNanos, "span " + s.name(), e, e);
            }
        }
        for (PwTransport p : open) {
            try {
                p.flush(nowNanos);
            } catch (RuntimeException e) {
                failureLog.warn(nowNanos, "pseudowire port " + p.localAddress(), e, e);
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
    }
}
