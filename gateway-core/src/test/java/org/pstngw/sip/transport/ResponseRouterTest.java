package org.pstngw.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipParser;
import org.pstngw.sip.message.SipRequest;

class ResponseRouterTest {

    private static final Flow UDP_FROM = new Flow(TransportType.UDP, new InetSocketAddress("192.0.2.7", 40_000));

    @Test
    void streamResponsesReuseTheRequestsConnection() {
        Flow tcp = new Flow(TransportType.TCP, new InetSocketAddress("192.0.2.7", 51_000));
        var via = new ResponseRouter.ViaHop(
                TransportType.TCP, "pbx.example", OptionalInt.of(5060), null, OptionalInt.empty(), null);
        assertThat(ResponseRouter.route(via, tcp)).isEqualTo(tcp);
        assertThat(ResponseRouter.reconnect(via, tcp).remote().getPort()).isEqualTo(5060);
    }

    @Test
    void maddrWinsWithTheSentByPort() {
        var via = new ResponseRouter.ViaHop(
                TransportType.UDP, "pbx.example", OptionalInt.of(5070), "192.0.2.7", OptionalInt.empty(), "239.1.1.1");
        Flow f = ResponseRouter.route(via, UDP_FROM);
        assertThat(f.remote().getHostString()).isEqualTo("239.1.1.1");
        assertThat(f.remote().getPort()).isEqualTo(5070);
    }

    @Test
    void maddrIsAnAddressOnlyAsALiteralAndNoResponseFlowIsEverUnresolved() {
        var literal = new ResponseRouter.ViaHop(
                TransportType.UDP, "pbx.example", OptionalInt.empty(), "192.0.2.7", OptionalInt.empty(), "239.1.1.1");
        Flow f = ResponseRouter.route(literal, UDP_FROM);
        assertThat(f.remote().isUnresolved()).isFalse();
        assertThat(f.remote()).isEqualTo(new InetSocketAddress("239.1.1.1", 5060));
        var named = new ResponseRouter.ViaHop(
                TransportType.UDP,
                "pbx.example",
                OptionalInt.of(5070),
                "192.0.2.7",
                OptionalInt.empty(),
                "mcast.example");
        assertThat(ResponseRouter.route(named, UDP_FROM).remote())
                .as("a named maddr is skipped: received and the sent-by port")
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5070));
        var bareName = new ResponseRouter.ViaHop(
                TransportType.UDP, "pbx.example", OptionalInt.of(5070), null, OptionalInt.empty(), null);
        assertThat(ResponseRouter.route(bareName, UDP_FROM).remote())
                .as("a named sent-by without received: the source address, never a lookup")
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5070));
    }

    @Test
    void rportSendsToTheSourceAddressAndPort() {
        var via = new ResponseRouter.ViaHop(
                TransportType.UDP, "10.0.0.1", OptionalInt.of(5060), "192.0.2.7", OptionalInt.of(40_000), null);
        assertThat(ResponseRouter.route(via, UDP_FROM)).isEqualTo(UDP_FROM);
    }

    @Test
    void receivedWithSentByPortOrDefault() {
        var via = new ResponseRouter.ViaHop(
                TransportType.UDP, "10.0.0.1", OptionalInt.empty(), "192.0.2.7", OptionalInt.empty(), null);
        assertThat(ResponseRouter.route(via, UDP_FROM).remote()).isEqualTo(new InetSocketAddress("192.0.2.7", 5060));
    }

    @Test
    void otherwiseTheSentBy() {
        var via = new ResponseRouter.ViaHop(
                TransportType.UDP, "192.0.2.7", OptionalInt.of(5080), null, OptionalInt.empty(), null);
        assertThat(ResponseRouter.route(via, UDP_FROM).remote()).isEqualTo(new InetSocketAddress("192.0.2.7", 5080));
    }

    @Test
    void stampingReplacesOnlyTheTopViaValueAlsoInsideACommaJoinedField() {
        String invite = "INVITE sip:gw@192.0.2.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP pbx.example;branch=z9hG4bK1;rport, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK0\r\n"
                + "From: <sip:a@pbx.example>;tag=1\r\nTo: <sip:gw@192.0.2.1>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        SipRequest r =
                (SipRequest) ((ParseResult.Parsed) SipParser.parse(invite.getBytes(StandardCharsets.UTF_8))).message();
        SipRequest stamped = ViaStamping.apply(r, new InetSocketAddress("192.0.2.7", 40_000));
        assertThat(stamped.headerValues("Via"))
                .containsExactly(
                        "SIP/2.0/UDP pbx.example;branch=z9hG4bK1;rport=40000;received=192.0.2.7",
                        "SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK0");
        assertThat(ResponseRouter.route(ResponseRouter.ViaHop.of(stamped.topVia()), UDP_FROM))
                .isEqualTo(UDP_FROM);
        assertThat(ViaStamping.apply(r, new InetSocketAddress("192.0.2.7", 40_000))
                        .topVia()
                        .received())
                .isEqualTo("192.0.2.7");
    }

    @Test
    void viaStampingAddsReceivedWhenTheHostDiffersAndRportWhenAsked() throws Exception {
        InetSocketAddress src = new InetSocketAddress("192.0.2.7", 40_000);
        assertThat(ViaStamping.stamp("192.0.2.7", false, src).isEmpty()).isTrue();
        assertThat(ViaStamping.stamp("pbx.example", false, src)).isEqualTo(new ViaStamping.Stamp("192.0.2.7", null));
        assertThat(ViaStamping.stamp("192.0.2.7", true, src)).isEqualTo(new ViaStamping.Stamp("192.0.2.7", 40_000));
        InetSocketAddress v6 = new InetSocketAddress(java.net.InetAddress.ofLiteral("::1"), 5060);
        assertThat(ViaStamping.stamp("[::1]", false, v6).isEmpty())
                .as("same literal, other spelling")
                .isTrue();
        assertThat(ViaStamping.stamp("[0:0::1]", false, v6).isEmpty()).isTrue();
    }
}
