package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.sipi.isup.IsupVariant;

/** Our M3UA link against another M3UA node over real M3UA/TCP on loopback, ephemeral ports. */
@Timeout(90)
@ExtendWith(CleanShutdown.class)
class M3uaIsupLinkIT {

    private static final int GW_PC = 1;
    private static final int EX_PC = 2;
    /** The sample IAM of REFERENCES.md (CIC 0x0123). */
    private static final byte[] IAM =
            HexFormat.of().parseHex("2301010028000a03020907031012525521430a0984134402173254760800");

    @TempDir
    Path dir;

    private final List<M3uaIsupLink> links = new ArrayList<>();

    record Event(int dpc, DestinationState state) {}

    static final class Recorder implements IsupLink.Listener {
        final BlockingQueue<IsupPdu> pdus = new LinkedBlockingQueue<>();
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        @Override
        public void onPdu(IsupPdu pdu) {
            pdus.add(pdu);
        }

        @Override
        public void onDestinationState(int dpc, DestinationState state) {
            events.add(new Event(dpc, state));
        }

        Event nextEvent() throws InterruptedException {
            return events.poll(20, TimeUnit.SECONDS);
        }

        IsupPdu nextPdu() throws InterruptedException {
            IsupPdu pdu = pdus.poll(20, TimeUnit.SECONDS);
            assertThat(pdu).as("a PDU within 20 s").isNotNull();
            return pdu;
        }
    }

    private final Recorder gwRec = new Recorder();
    private final Recorder exRec = new Recorder();

    @AfterEach
    void stopAll() {
        links.forEach(M3uaIsupLink::stop);
    }

    private M3uaIsupLink link(M3uaSettings settings, Recorder recorder) {
        M3uaIsupLink link = new M3uaIsupLink(settings);
        link.setListener(recorder);
        links.add(link);
        return link;
    }

    /** Starts both ends at once (each start waits for the other) and waits until each can route to the other. */
    private static void startBoth(M3uaIsupLink a, M3uaIsupLink b) throws InterruptedException {
        Thread t = Thread.ofPlatform().start(a::start);
        b.start();
        t.join(30_000);
        assertThat(a.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();
        assertThat(b.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();
    }

    private M3uaSettings.Builder gateway(M3uaSettings.Role role, int local, int peer) {
        return M3uaSettings.builder("gw", role, dir.resolve("gw"))
                .local("127.0.0.1", local)
                .peer("127.0.0.1", peer)
                .pointCodes(GW_PC, EX_PC);
    }

    private M3uaSettings.Builder exchange(String name, M3uaSettings.Role role, int local, int peer) {
        return M3uaSettings.builder(name, role, dir.resolve(name))
                .local("127.0.0.1", local)
                .peer("127.0.0.1", peer)
                .pointCodes(EX_PC, GW_PC);
    }

    private void startAsAndSgw(M3uaSettings.Builder gw, M3uaSettings.Builder ex) throws InterruptedException {
        startBoth(link(ex.build(), exRec), link(gw.build(), gwRec));
    }

    private M3uaIsupLink gw() {
        return links.get(1);
    }

    private M3uaIsupLink ex() {
        return links.get(0);
    }

    private void defaultPair() throws InterruptedException {
        int server = FreePorts.next();
        int client = FreePorts.next();
        startAsAndSgw(
                gateway(M3uaSettings.Role.AS_CLIENT, client, server),
                exchange("ex", M3uaSettings.Role.SGW_SERVER, server, client));
    }

    @Test
    void resumedDestinationTakesTheFirstPduAtOnceBothWaysWithoutARoutingContext() throws Exception {
        defaultPair();
        assertThat(gw().settings().routingContext()).isEmpty();
        assertThat(gw().state(EX_PC)).isEqualTo(DestinationState.AVAILABLE);

        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 3, 2, IAM))).isEqualTo(SendResult.SENT);
        IsupPdu got = exRec.nextPdu();
        assertThat(got.opc()).isEqualTo(GW_PC);
        assertThat(got.dpc()).isEqualTo(EX_PC);
        assertThat(got.sls()).isEqualTo(3);
        assertThat(got.networkIndicator()).isEqualTo(2);
        assertThat(got.cic(IsupVariant.ITU)).isEqualTo(0x123);
        assertThat(got.payload()).isEqualTo(IAM);

        byte[] rlc = {0x23, 0x01, 0x10, 0x00};
        assertThat(ex().transmit(new IsupPdu(EX_PC, GW_PC, 3, 2, rlc))).isEqualTo(SendResult.SENT);
        assertThat(gwRec.nextPdu().payload()).isEqualTo(rlc);
        assertThat(gw().sentCount()).isEqualTo(1);
    }

    @Test
    void routingContextAndNetworkAppearanceWhenConfiguredOnBothSides() throws Exception {
        int server = FreePorts.next();
        int client = FreePorts.next();
        startAsAndSgw(
                gateway(M3uaSettings.Role.AS_CLIENT, client, server)
                        .routingContext(7)
                        .networkAppearance(OptionalLong.of(8)),
                exchange("ex", M3uaSettings.Role.SGW_SERVER, server, client)
                        .routingContext(7)
                        .networkAppearance(OptionalLong.of(8)));
        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 1, 2, IAM))).isEqualTo(SendResult.SENT);
        assertThat(exRec.nextPdu().payload()).isEqualTo(IAM);
    }

    @Test
    void theNetworkIndicatorOnTheWireIsTheOneEachPduCarries() throws Exception {
        defaultPair();
        for (int ni : new int[] {0, 3, 2, 1}) {
            assertThat(gw().send(new IsupPdu(GW_PC, EX_PC, 0, ni, IAM))).isTrue();
            assertThat(exRec.nextPdu().networkIndicator()).isEqualTo(ni);
        }
        assertThat(ex().send(new IsupPdu(EX_PC, GW_PC, 0, 0, IAM))).isTrue();
        assertThat(gwRec.nextPdu().networkIndicator()).isZero();
        assertThat(gw().networkIndicator()).isEqualTo(2);
    }

    @Test
    void linkLossIsReportedAndEveryRecoveryTakesTheFirstPduAtOnce() throws Exception {
        defaultPair();
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        for (int round = 0; round < 3; round++) {
            ex().dropAssociation();
            assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.UNAVAILABLE));
            assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 0, 2, IAM)))
                    .isEqualTo(new SendResult.Refused(
                            SendResult.Reason.DESTINATION_UNAVAILABLE, "DPC " + EX_PC + " UNAVAILABLE"));

            ex().restoreAssociation();
            assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
            assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, round, 2, IAM)))
                    .as("the first PDU after RESUME, round %d", round)
                    .isEqualTo(SendResult.SENT);
            assertThat(exRec.nextPdu().sls()).isEqualTo(round);
        }
        assertThat(gw().refusedCount(SendResult.Reason.NO_ROUTE)).isZero();
        assertThat(gw().refusedCount(SendResult.Reason.DESTINATION_UNAVAILABLE)).isEqualTo(3);
    }

    @Test
    void stoppedOrUnconnectedLinkSaysWhyItRefuses() {
        M3uaIsupLink link = link(
                M3uaSettings.loopback(
                                "lone",
                                M3uaSettings.Role.AS_CLIENT,
                                0,
                                FreePorts.next(),
                                GW_PC,
                                EX_PC,
                                dir.resolve("lone"))
                        .toBuilder()
                        .activeTimeout(Duration.ofMillis(200))
                        .build(),
                gwRec);
        assertThat(link.transmit(new IsupPdu(GW_PC, EX_PC, 0, 2, IAM)))
                .extracting(r -> ((SendResult.Refused) r).reason())
                .isEqualTo(SendResult.Reason.LINK_STOPPED);
        link.start();
        assertThat(link.transmit(new IsupPdu(GW_PC, EX_PC, 0, 2, IAM)))
                .extracting(r -> ((SendResult.Refused) r).reason())
                .isEqualTo(SendResult.Reason.DESTINATION_UNAVAILABLE);
        assertThat(link.state(EX_PC)).isEqualTo(DestinationState.UNAVAILABLE);
        link.stop();
        assertThat(link.send(new IsupPdu(GW_PC, EX_PC, 0, 2, IAM))).isFalse();
    }

    @Test
    void ipspClientAndIpspServerExchangeIsupOverTcp() throws Exception {
        int server = FreePorts.next();
        int client = FreePorts.next();
        startAsAndSgw(
                gateway(M3uaSettings.Role.IPSP_CLIENT, client, server),
                exchange("peer", M3uaSettings.Role.IPSP_SERVER, server, client));
        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 5, 0, IAM))).isEqualTo(SendResult.SENT);
        assertThat(exRec.nextPdu().payload()).isEqualTo(IAM);
        assertThat(ex().transmit(new IsupPdu(EX_PC, GW_PC, 5, 0, IAM))).isEqualTo(SendResult.SENT);
        assertThat(gwRec.nextPdu().payload()).isEqualTo(IAM);

        ex().dropAssociation();
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.UNAVAILABLE));
        ex().restoreAssociation();
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 5, 0, IAM))).isEqualTo(SendResult.SENT);
        assertThat(exRec.nextPdu().payload()).isEqualTo(IAM);
    }

    @Test
    void ipspDoubleExchangeComesUpOnBothSides() throws Exception {
        int server = FreePorts.next();
        int client = FreePorts.next();
        startAsAndSgw(
                gateway(M3uaSettings.Role.IPSP_CLIENT, client, server).exchange(M3uaSettings.Exchange.DOUBLE),
                exchange("peer", M3uaSettings.Role.IPSP_SERVER, server, client).exchange(M3uaSettings.Exchange.DOUBLE));
        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 5, 2, IAM))).isEqualTo(SendResult.SENT);
        assertThat(exRec.nextPdu().payload()).isEqualTo(IAM);
        assertThat(ex().transmit(new IsupPdu(EX_PC, GW_PC, 5, 2, IAM))).isEqualTo(SendResult.SENT);
        assertThat(gwRec.nextPdu().payload()).isEqualTo(IAM);
    }

    @Test
    void ansiLabelCarries24BitPointCodesAnd8BitSls() throws Exception {
        int gwPc = (245 << 16) | (16 << 8) | 1;
        int exPc = (245 << 16) | (16 << 8);
        int server = FreePorts.next();
        int client = FreePorts.next();
        startAsAndSgw(
                gateway(M3uaSettings.Role.AS_CLIENT, client, server)
                        .labelFormat(M3uaSettings.LabelFormat.ANSI)
                        .pointCodes(gwPc, exPc),
                exchange("ex", M3uaSettings.Role.SGW_SERVER, server, client)
                        .labelFormat(M3uaSettings.LabelFormat.ANSI)
                        .pointCodes(exPc, gwPc));
        assertThat(gw().transmit(new IsupPdu(gwPc, exPc, 200, 2, IAM))).isEqualTo(SendResult.SENT);
        IsupPdu got = exRec.nextPdu();
        assertThat(got.opc()).isEqualTo(gwPc);
        assertThat(got.dpc()).isEqualTo(exPc);
        assertThat(got.sls()).isEqualTo(200);
    }

    @Test
    void userPartUnavailableIsTestedWithUptUntilTheFarEndAnswersUpa() throws Exception {
        defaultPair();
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        assertThat(gw().send(new IsupPdu(GW_PC, EX_PC, 9, 2, IAM))).isTrue();
        assertThat(exRec.nextPdu().cic(IsupVariant.ITU)).isEqualTo(0x123);

        ex().node()
                .sendRaw(
                        0,
                        DupuMessage.encode(
                                OptionalLong.empty(),
                                OptionalLong.empty(),
                                EX_PC,
                                DupuMessage.INACCESSIBLE_REMOTE_USER,
                                IsupPdu.SI_ISUP));
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.UNAVAILABLE));
        // The far end is an M3uaIsupLink: it answers the UPT (on the CIC last used) with UPA, which ends the test.
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        assertThat(exRec.pdus).as("UPT is consumed by the link, not passed on").isEmpty();
        assertThat(gwRec.pdus).as("UPA is consumed by the link, not passed on").isEmpty();
        assertThat(gw().transmit(new IsupPdu(GW_PC, EX_PC, 9, 2, IAM))).isEqualTo(SendResult.SENT);
    }

    @Test
    void twoStpsInLoadshareCarryTrafficAndLosingOneKeepsTheDestination() throws Exception {
        int stp0 = FreePorts.next();
        int stp1 = FreePorts.next();
        int client = FreePorts.nextPair();
        Recorder stpRec1 = new Recorder();
        M3uaIsupLink first = link(
                exchange("stp0", M3uaSettings.Role.SGW_SERVER, stp0, client).build(), exRec);
        M3uaIsupLink second = link(
                exchange("stp1", M3uaSettings.Role.SGW_SERVER, stp1, client + 1).build(), stpRec1);
        M3uaIsupLink gw = link(
                gateway(M3uaSettings.Role.AS_CLIENT, client, stp0)
                        .peer("127.0.0.1", stp1)
                        .build(),
                gwRec);
        Thread a = Thread.ofPlatform().start(first::start);
        Thread b = Thread.ofPlatform().start(second::start);
        gw.start();
        a.join(30_000);
        b.join(30_000);
        assertThat(gw.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();
        assertThat(first.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();
        assertThat(second.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();

        // The AS is active with its first ASP; the second joins a moment later: loadsharing shows once both are in.
        int[] split = spread(gw, exRec, stpRec1);
        for (int round = 0; round < 50 && (split[0] == 0 || split[1] == 0); round++) {
            Thread.sleep(100);
            split = spread(gw, exRec, stpRec1);
        }
        assertThat(split[0] + split[1]).isEqualTo(16);
        assertThat(split).as("loadshared over both ASPs").doesNotContain(0);

        first.dropAssociation();
        assertThat(gwRec.nextEvent()).isEqualTo(new Event(EX_PC, DestinationState.AVAILABLE));
        // Until jSS7 has seen that association go, a PDU may still be written to it and lost: wait for one via stp1.
        boolean moved = false;
        for (int i = 0; i < 100 && !moved; i++) {
            assertThat(gw.transmit(new IsupPdu(GW_PC, EX_PC, 0, 2, IAM))).isEqualTo(SendResult.SENT);
            moved = stpRec1.pdus.poll(200, TimeUnit.MILLISECONDS) != null;
        }
        assertThat(moved).as("traffic moved to the remaining STP").isTrue();
        for (int sls = 0; sls < 16; sls++) {
            assertThat(gw.transmit(new IsupPdu(GW_PC, EX_PC, sls, 2, IAM))).isEqualTo(SendResult.SENT);
        }
        assertThat(drain(stpRec1, 16)).as("all traffic over the remaining STP").isEqualTo(16);
        assertThat(gwRec.events).as("the destination never went unavailable").isEmpty();
        assertThat(gw.state(EX_PC)).isEqualTo(DestinationState.AVAILABLE);
    }

    @Test
    void overrideSendsEverythingOverOneStpAndFailsOverToTheOther() throws Exception {
        int stp0 = FreePorts.next();
        int stp1 = FreePorts.next();
        int client = FreePorts.nextPair();
        Recorder stpRec1 = new Recorder();
        M3uaIsupLink first = link(
                exchange("stp0", M3uaSettings.Role.SGW_SERVER, stp0, client)
                        .trafficMode(M3uaSettings.TrafficMode.OVERRIDE)
                        .build(),
                exRec);
        M3uaIsupLink second = link(
                exchange("stp1", M3uaSettings.Role.SGW_SERVER, stp1, client + 1)
                        .trafficMode(M3uaSettings.TrafficMode.OVERRIDE)
                        .activeTimeout(Duration.ofMillis(500))
                        .build(),
                stpRec1);
        M3uaIsupLink gw = link(
                gateway(M3uaSettings.Role.AS_CLIENT, client, stp0)
                        .peer("127.0.0.1", stp1)
                        .trafficMode(M3uaSettings.TrafficMode.OVERRIDE)
                        .build(),
                gwRec);
        Thread a = Thread.ofPlatform().start(first::start);
        Thread b = Thread.ofPlatform().start(second::start);
        gw.start();
        a.join(30_000);
        b.join(30_000);
        assertThat(gw.awaitAvailable(20, TimeUnit.SECONDS)).isTrue();

        int[] split = spread(gw, exRec, stpRec1);
        assertThat(split[0] + split[1]).isEqualTo(16);
        assertThat(split[0] == 16 || split[1] == 16)
                .as("override: one ASP carries all (%d/%d)", split[0], split[1])
                .isTrue();
    }

    /** Sends 16 PDUs with SLS 0..15 and counts how many each of the two receivers got. */
    private static int[] spread(M3uaIsupLink gw, Recorder a, Recorder b) throws InterruptedException {
        for (int sls = 0; sls < 16; sls++) {
            assertThat(gw.transmit(new IsupPdu(GW_PC, EX_PC, sls, 2, IAM))).isEqualTo(SendResult.SENT);
        }
        int[] got = new int[2];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (got[0] + got[1] < 16 && System.nanoTime() < end) {
            if (a.pdus.poll(10, TimeUnit.MILLISECONDS) != null) {
                got[0]++;
            }
            if (b.pdus.poll(10, TimeUnit.MILLISECONDS) != null) {
                got[1]++;
            }
        }
        return got;
    }

    private static int drain(Recorder r, int expected) throws InterruptedException {
        int n = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(expected == 0 ? 0 : 2);
        while (n < expected) {
            long left = end - System.nanoTime();
            if (left <= 0 || r.pdus.poll(left, TimeUnit.NANOSECONDS) == null) {
                break;
            }
            n++;
        }
        return n;
    }
}
