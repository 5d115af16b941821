package org.pstngw.tdm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.TdmConfig;
import org.pstngw.tdm.clock.VirtualFrameClock;

/** The bootstrap against every shipped profile, and span failures isolated from the spans that run. */
class TdmSpansTest {
    private static TdmConfig profile(String name) {
        return GatewayConfigLoader.loadProfile(name).tdm();
    }

    @Test
    void everyShippedProfileHasATestHere() {
        assertThat(GatewayConfigLoader.PROFILES)
                .containsExactlyInAnyOrder("embedded", "carrier-interconnect", "pbx-to-pstn", "ss7-bridging");
    }

    @Test
    void embeddedProfileRunsItsLoopbackSpan() {
        TdmConfig tdm = profile("embedded");
        VirtualFrameClock clock = new VirtualFrameClock(tdm.framesPerBlock());
        try (TdmSpans tdmSpans = TdmSpans.open(tdm, clock)) {
            assertThat(tdmSpans.failures()).isEmpty();
            assertThat(tdmSpans.driver().name()).isEqualTo("loopback");
            assertThat(tdmSpans.driver().isRunning()).isTrue();
            clock.advanceBlocks(5);
            Span span0 = tdmSpans.span("span0").orElseThrow();
            assertThat(span0.alarms()).isEmpty();
            assertThat(span0.channel(31)).isPresent();
        }
    }

    @Test
    void ss7BridgingProfileRunsItsSpanWithAnHdlcTimeslot() {
        TdmConfig tdm = profile("ss7-bridging");
        VirtualFrameClock clock = new VirtualFrameClock(tdm.framesPerBlock());
        try (TdmSpans tdmSpans = TdmSpans.open(tdm, clock)) {
            assertThat(tdmSpans.failures()).isEmpty();
            clock.advanceBlocks(5);
            Span east = tdmSpans.span("e1-east").orElseThrow();
            assertThat(east.alarms()).isEmpty();
            assertThat(east.hdlcChannel(16)).isPresent();
            assertThat(east.channel(16)).isEmpty();
            assertThat(east.config().clockSource()).isEqualTo(ClockSource.INTERNAL);
        }
    }

    @Test
    void pbxProfileNamesTheDriverThatIsMissingAndTheOnesThatExist() {
        TdmConfig tdm = profile("pbx-to-pstn");
        assertThatThrownBy(() -> TdmSpans.open(tdm, new VirtualFrameClock(8)))
                .isInstanceOf(UnknownDriverException.class)
                .hasMessage("driver \"dahdi\" is not available in this build; available: loopback, pseudowire");
    }

    @Test
    void carrierProfileReadsItsPseudowireOptionsAndReportsAddressesThisHostLacks() {
        TdmConfig tdm = profile("carrier-interconnect");
        try (TdmSpans tdmSpans = TdmSpans.open(tdm, new VirtualFrameClock(tdm.framesPerBlock()))) {
            assertThat(tdmSpans.driver().name()).isEqualTo("pseudowire");
            assertThat(tdmSpans.spans()).isEmpty();
            assertThat(tdmSpans.failures()).extracting(TdmSpans.Failure::span).containsExactly("e1-a", "e1-b");
            // Every option was understood: what fails is only the bind to an address this host does not have.
            assertThat(tdmSpans.failures())
                    .allSatisfy(f ->
                            assertThat(f.reason()).contains("cannot bind UDP").contains("10.0.0.10"));
            assertThat(tdmSpans.failures().get(0).reason()).contains(":50000");
            assertThat(tdmSpans.failures().get(1).reason()).contains(":50002");
        }
    }

    @Test
    void carrierProfileOnLoopbackAddressesCarriesBothSpansToAnEdgeDevice() {
        TdmConfig carrier = profile("carrier-interconnect");
        int[] ports = freePorts(4);
        TdmConfig gateway = onLoopback(carrier, ports[0], ports[1], ports[2], ports[3]);
        TdmConfig edge = onLoopback(carrier, ports[1], ports[0], ports[3], ports[2]);
        VirtualFrameClock clock = new VirtualFrameClock(carrier.framesPerBlock());
        try (TdmSpans gw = TdmSpans.open(gateway, clock);
                TdmSpans pe = TdmSpans.open(edge, clock)) {
            assertThat(gw.failures()).isEmpty();
            assertThat(pe.failures()).isEmpty();
            assertThat(gw.spans().keySet()).containsExactly("e1-a", "e1-b");
            for (int blk = 0; blk < 400; blk++) {
                clock.advanceBlocks(1);
            }
            assertThat(gw.span("e1-a").orElseThrow().alarms()).isEmpty();
            assertThat(gw.span("e1-b").orElseThrow().alarms()).isEmpty();
            assertThat(pe.span("e1-b").orElseThrow().alarms()).isEmpty();
        }
    }

    private static TdmConfig onLoopback(TdmConfig carrier, int localA, int remoteA, int localB, int remoteB) {
        Map<String, String> driver = new HashMap<>(carrier.driverOptions());
        driver.put("local-address", "127.0.0.1");
        driver.put("remote-address", "127.0.0.1");
        List<org.pstngw.conf.SpanConfig> spans = new ArrayList<>();
        int[][] ports = {{localA, remoteA}, {localB, remoteB}};
        for (int i = 0; i < 2; i++) {
            spans.add(carrier.spans()
                    .get(i)
                    .withOptions(Map.of(
                            "local-port",
                            Integer.toString(ports[i][0]),
                            "remote-port",
                            Integer.toString(ports[i][1]))));
        }
        return carrier.withDriverOptions(driver).withSpans(spans);
    }

    private static int[] freePorts(int n) {
        return org.pstngw.tdm.FreePorts.udp(n);
    }

    @Test
    void aLoopbackPairIsWrittenInYamlWithPerSpanPeers() {
        TdmConfig tdm = GatewayConfigLoader.parse("""
                        tdm:
                          frame-block: 1ms
                          spans:
                            - {name: a, options: {peer: b}}
                            - {name: b, options: {peer: a}}
                        """, "pair.yaml").tdm();
        VirtualFrameClock clock = new VirtualFrameClock(tdm.framesPerBlock());
        try (TdmSpans tdmSpans = TdmSpans.open(tdm, clock)) {
            clock.advanceBlocks(10);
            Span a = tdmSpans.span("a").orElseThrow();
            Span b = tdmSpans.span("b").orElseThrow();
            b.channel(3).orElseThrow().read(new byte[4096], 0, 4096);
            byte[] sent = {1, 2, 3, 4, 5, 6, 7, 8};
            a.channel(3).orElseThrow().write(sent, 0, 8);
            clock.advanceBlocks(1);
            byte[] got = new byte[8];
            assertThat(b.channel(3).orElseThrow().read(got, 0, 8)).isEqualTo(8);
            assertThat(got).containsExactly(sent);
        }
    }

    @Test
    void aBadSpanIsReportedByNameAndReasonWhileTheOthersRunAndCloseCleanly() {
        TdmConfig tdm = GatewayConfigLoader.parse("""
                        tdm:
                          spans:
                            - {name: good1}
                            - {name: bad, options: {per: good1}}
                            - {name: good2, type: t1}
                        """, "three.yaml").tdm();
        VirtualFrameClock clock = new VirtualFrameClock(tdm.framesPerBlock());
        TdmSpans tdmSpans = TdmSpans.open(tdm, clock);
        assertThat(tdmSpans.spans().keySet()).containsExactly("good1", "good2");
        assertThat(tdmSpans.failures())
                .containsExactly(new TdmSpans.Failure(
                        "bad", "per: unknown loopback option (the loopback driver reads only 'peer')"));
        clock.advanceBlocks(5);
        assertThat(tdmSpans.span("good2").orElseThrow().alarms()).isEmpty();
        Span good1 = tdmSpans.span("good1").orElseThrow();
        tdmSpans.close();
        tdmSpans.close();
        assertThat(good1.isOpen()).isFalse();
        assertThat(tdmSpans.driver().isRunning()).isFalse();
    }
}
