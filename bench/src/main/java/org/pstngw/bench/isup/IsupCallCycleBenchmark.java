package org.pstngw.bench.isup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pstngw.isup.call.CallAction;
import org.pstngw.isup.call.IsupCallControl;
import org.pstngw.isup.call.IsupCallListener;
import org.pstngw.isup.call.SetupResult;
import org.pstngw.isup.call.WheelScheduler;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.M3uaIsupLink;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.isup.sim.Rules;
import org.pstngw.isup.sim.SimulatedExchange;
import org.pstngw.sipi.isup.CallingPartyCategory;
import org.pstngw.sipi.isup.ForwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.PartyNumber;

/**
 * Complete ISUP call cycles between our call control ({@link IsupCallControl} over {@link M3uaIsupLink}, AS client) and
 * the simulated exchange (jSS7's ISUP stack on its own M3UA node, SGW server) over M3UA/TCP on loopback. One cycle:
 * {@code setup} -> IAM; ACM (NOTIFY_ADDRESS_COMPLETE) and ANM (NOTIFY_ANSWER) from the exchange; {@code release(16)}
 * -> REL; RLC (NOTIFY_RELEASE_COMPLETE); the next {@code setup} on the freed capacity. {@code circuits} calls are in
 * flight, each batch's cycles starting only from its own completions. A refused setup, a call released by anything but
 * us or a re-attempt counts as lost and fails the batch; a batch that does not complete within 30 s fails the run (a
 * lost message). Score: cycles per second. {@link IsupLinkOnlyCycleBenchmark} is the same traffic without call
 * control.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IsupCallCycleBenchmark implements IsupCallListener {

    private static final int GW = 1;
    private static final int EX = 2;
    private static final int BATCH = 2_000;

    private static final IsupParameters IAM = IsupMessages.iam(
                    0,
                    NatureOfConnectionIndicators.PLAIN,
                    ForwardCallIndicators.of(false, false, true, 0, true),
                    CallingPartyCategory.ORDINARY,
                    3,
                    PartyNumber.called(PartyNumber.NAI_NATIONAL, "1234567"),
                    IsupMessages.callingPartyNumber(PartyNumber.calling(PartyNumber.NAI_NATIONAL, "7654321")))
            .parameters();

    @Param({"64"})
    public int circuits;

    private M3uaIsupLink link;
    private SimulatedExchange exchange;
    private IsupCallControl control;
    private ExecutorService controlThread;
    private WheelScheduler timers;
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final Map<String, AtomicLong> lostBy = new ConcurrentHashMap<>();
    /**
     * The batch each circuit's current call belongs to (a late event never counts in the next batch); touched on call
     * control's thread only.
     */
    private Batch[] batchOf;

    /** One invocation's cycles: started and completed only by its own calls. */
    private final class Batch {
        final CountDownLatch done = new CountDownLatch(BATCH);
        final AtomicInteger toStart = new AtomicInteger(BATCH);
        final AtomicInteger lost = new AtomicInteger();

        /** Starts the next cycle of this batch, if any is left. */
        void next() {
            if (toStart.getAndDecrement() > 0) {
                control.setup(IAM).thenAccept(r -> {
                    switch (r) {
                        case SetupResult.Started(int cic) -> batchOf[cic] = this;
                        case SetupResult.Refused(int cause) -> ended(false, "refused " + cause);
                    }
                });
            }
        }

        /** A cycle of this batch ended, completed or lost; its capacity goes to the next cycle. */
        void ended(boolean completed, String why) {
            if (completed) {
                cycles.incrementAndGet();
            } else {
                lost.incrementAndGet();
                IsupCallCycleBenchmark.this.lost.incrementAndGet();
                lostBy.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
            }
            done.countDown();
            next();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("isup-bench");
        int serverPort = freePort();
        int clientPort = freePort();
        batchOf = new Batch[circuits + 1];
        exchange = new SimulatedExchange(
                M3uaSettings.loopback(
                        "sim", M3uaSettings.Role.SGW_SERVER, serverPort, clientPort, EX, GW, dir.resolve("sim")),
                1,
                circuits,
                Rules.answerAll());
        link = new M3uaIsupLink(M3uaSettings.loopback(
                "gw", M3uaSettings.Role.AS_CLIENT, clientPort, serverPort, GW, EX, dir.resolve("gw")));
        controlThread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("call-control").factory());
        timers = new WheelScheduler("isup-timers");
        control = IsupCallControl.builder(link, CircuitGroup.contiguous("bench", EX, 1, circuits, "span0", 1))
                .scheduler(timers)
                .executor(controlThread)
                .listener(this)
                .build();
        link.setListener(control);
        exchange.start();
        link.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!control.ready() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!control.ready()) {
            throw new IllegalStateException("call control did not see the exchange and its GRA");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        link.stop();
        exchange.stop();
        controlThread.shutdownNow();
        timers.close();
        System.out.printf(
                "%nISUP call control cycles: completed %d, lost %d %s; exchange: IAM received %d, RLC sent %d%n",
                cycles.get(), lost.get(), lostBy, exchange.received(0x01), exchange.sent(0x10));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callCycles() throws InterruptedException {
        Batch batch = new Batch();
        // started on call control's own thread, as every later cycle is (from the listener): the setup's stage is
        // then completed, and batchOf written, before any event of that call can be heard
        controlThread.execute(() -> {
            for (int i = 0; i < circuits; i++) {
                batch.next();
            }
        });
        if (!batch.done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(batch.done.getCount() + " cycles of " + BATCH + " did not complete in 30 s"
                    + " (lost so far " + lostBy + "; unfinished: " + unfinished(batch) + ")");
        }
        if (batch.lost.get() > 0) {
            throw new IllegalStateException(batch.lost.get() + " cycles of " + BATCH + " lost: " + lostBy);
        }
    }

    /** The circuits whose call of the batch has not ended, with our state and the exchange's phase. */
    private String unfinished(Batch batch) {
        try {
            List<Integer> cics = controlThread
                    .submit(() -> {
                        List<Integer> open = new ArrayList<>();
                        for (int cic = 1; cic <= circuits; cic++) {
                            if (batchOf[cic] == batch) {
                                open.add(cic);
                            }
                        }
                        return open;
                    })
                    .get(5, TimeUnit.SECONDS);
            StringBuilder sb = new StringBuilder();
            for (int cic : cics) {
                sb.append(" CIC ").append(cic).append(' ');
                sb.append(control.state(cic).toCompletableFuture().get(5, TimeUnit.SECONDS));
                sb.append('/').append(exchange.phase(cic));
            }
            return sb.toString();
        } catch (Exception e) {
            return "not known: " + e;
        }
    }

    @Override
    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
        switch (what) {
            case NOTIFY_ANSWER -> control.release(cic, 16);
            case NOTIFY_RELEASE_COMPLETE -> end(cic, true, "");
            case NOTIFY_RELEASED -> end(cic, false, "released " + cause);
            default -> {}
        }
    }

    @Override
    public void onReattempt(int fromCic, SetupResult result) {
        end(fromCic, false, "re-attempted");
    }

    /** Each cycle ends once: a release complete after a lost call's NOTIFY_RELEASED is not counted again. */
    private void end(int cic, boolean completed, String why) {
        Batch b = batchOf[cic];
        batchOf[cic] = null;
        if (b != null) {
            b.ended(completed, why);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
