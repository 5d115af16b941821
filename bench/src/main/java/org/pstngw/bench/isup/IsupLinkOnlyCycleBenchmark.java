package org.pstngw.bench.isup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
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
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.M3uaIsupLink;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.isup.sim.Rules;
import org.pstngw.isup.sim.SimulatedExchange;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * Baseline for {@link IsupCallCycleBenchmark}: the same IAM, ACM, ANM, REL, RLC cycles between our M3UA link and the
 * simulated exchange over M3UA/TCP on loopback, but without call control: a hand-written driver on the link sends
 * hand-encoded IAMs, REL on ANM and the next IAM on RLC, keeping {@code circuits} calls in flight. The difference
 * between the two is what call control costs. Score: cycles per second; a batch that does not complete within 30 s
 * fails the run (a lost message).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IsupLinkOnlyCycleBenchmark implements IsupLink.Listener {

    private static final int GW = 1;
    private static final int EX = 2;
    private static final int NI = 2;
    private static final int BATCH = 2_000;

    @Param({"64"})
    public int circuits;

    private M3uaIsupLink link;
    private SimulatedExchange exchange;
    private Path dir;
    private final AtomicInteger toStart = new AtomicInteger();
    private final AtomicLong iams = new AtomicLong();
    private final AtomicLong rlcs = new AtomicLong();
    private volatile CountDownLatch done = new CountDownLatch(0);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("isup-bench");
        int serverPort = freePort();
        int clientPort = freePort();
        exchange = new SimulatedExchange(
                M3uaSettings.loopback(
                        "sim", M3uaSettings.Role.SGW_SERVER, serverPort, clientPort, EX, GW, dir.resolve("sim")),
                1,
                circuits,
                Rules.answerAll());
        link = new M3uaIsupLink(M3uaSettings.loopback(
                "gw", M3uaSettings.Role.AS_CLIENT, clientPort, serverPort, GW, EX, dir.resolve("gw")));
        link.setListener(this);
        exchange.start();
        link.start();
        if (!link.awaitAvailable(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("M3UA not active");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        link.stop();
        exchange.stop();
        System.out.printf(
                "%nISUP link-only cycles: IAM sent %d, RLC received %d, lost %d; exchange IAM received %d%n",
                iams.get(), rlcs.get(), iams.get() - rlcs.get(), exchange.received(0x01));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callCycles() throws InterruptedException {
        done = new CountDownLatch(BATCH);
        toStart.set(BATCH);
        for (int cic = 1; cic <= circuits && toStart.getAndDecrement() > 0; cic++) {
            sendIam(cic);
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lost: " + done.getCount() + " cycles of " + BATCH + " did not complete");
        }
    }

    @Override
    public void onPdu(IsupPdu pdu) {
        int cic = pdu.cic(IsupVariant.ITU);
        switch (pdu.messageType()) {
            case 0x09 ->
                send(new byte[] {(byte) cic, (byte) (cic >> 8), 0x0c, 0x02, 0x00, 0x02, (byte) 0x82, (byte) 0x90});
            case 0x10 -> {
                rlcs.incrementAndGet();
                done.countDown();
                if (toStart.getAndDecrement() > 0) {
                    sendIam(cic);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onDestinationState(int dpc, DestinationState state) {}

    private void sendIam(int cic) {
        iams.incrementAndGet();
        send(new byte[] {
            (byte) cic,
            (byte) (cic >> 8),
            0x01,
            0x00,
            0x28,
            0x00,
            0x0a,
            0x03,
            0x02,
            0x00,
            0x06,
            0x03,
            0x10,
            0x21,
            0x43,
            0x65,
            0x07
        });
    }

    private void send(byte[] payload) {
        if (!link.send(new IsupPdu(GW, EX, payload[0] & 0x0F, NI, payload))) {
            throw new IllegalStateException("link refused a PDU");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
