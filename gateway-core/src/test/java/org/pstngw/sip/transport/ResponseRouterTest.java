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
    void aClientSuppliedReceivedOrRportNeverChoosesWhereTheResponseGoes() {
        Flow from = new Flow(TransportType.UDP, new InetSocketAddress("127.0.0.1", 5070));
        SipRequest forged = options("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1;received=192.0.2.99");
        SipRequest stamped = ViaStamping.apply(forged, from.remote());
        assertThat(stamped.topVia().received())
                .as("same host as the source: no received")
                .isNull();
        assertThat(ResponseRouter.route(ResponseRouter.ViaHop.of(stamped.topVia()), from))
                .isEqualTo(from);
        SipRequest preset = options("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK2;rport=9999");
        stamped = ViaStamping.apply(preset, from.remote());
        assertThat(stamped.topVia().rport()).isEqualTo(5070);
        assertThat(stamped.topVia().received()).isEqualTo("127.0.0.1");
        assertThat(ResponseRouter.route(ResponseRouter.ViaHop.of(stamped.topVia()), from))
                .isEqualTo(from);
        SipRequest other = options("SIP/2.0/UDP pbx.example:5070;branch=z9hG4bK3;received=192.0.2.99");
        assertThat(ViaStamping.apply(other, from.remote()).topVia().received())
                .as("a name as sent-by: received is the source")
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aUnicastMaddrIsIgnoredOnlyAMulticastOneIsObeyed() {
        var unicast = new ResponseRouter.ViaHop(
                TransportType.UDP, "192.0.2.7", OptionalInt.of(5080), null, OptionalInt.empty(), "198.51.100.1");
        assertThat(ResponseRouter.route(unicast, UDP_FROM).remote())
                .isEqualTo(new InetSocketAddress("192.0.2.7", 5080));
    }

    private static SipRequest options(String via) {
        String text = "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\nVia: " + via
                + "\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:gw@127.0.0.1>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) ((ParseResult.Parsed) SipParser.parse(text.getBytes(StandardCharsets.UTF_8))).message();
    }

    @Test
    void viaStampingAddsReceivedWhenTheHostDiffersAndRportWhenAsked() throws Exception {
        InetSocketAddress src = new InetSocketAddress("192.0.2.7", 40_000);
        var nothing = new ViaStamping.Stamp(null, null);
        assertThat(ViaStamping.stamp("192.0.2.7", false, src)).isEqualTo(nothing);
        assertThat(ViaStamping.stamp("pbx.example", false, src)).isEqualTo(new ViaStamping.Stamp("192.0.2.7", null));
        assertThat(ViaStamping.stamp("192.0.2.7", true, src)).isEqualTo(new ViaStamping.Stamp("192.0.2.7", 40_000));
        InetSocketAddress v6 = new InetSocketAddress(java.net.InetAddress.ofLiteral("::1"), 5060);
        assertThat(ViaStamping.stamp("[::1]", false, v6))
                .as("same literal, other spelling")
                .isEqualTo(nothing);
        assertThat(ViaStamping.stamp("[0:0::1]", false, v6)).isEqualTo(nothing);
    }
}
