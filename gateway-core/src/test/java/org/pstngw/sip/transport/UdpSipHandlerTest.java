package org.pstngw.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipLimits;

class UdpSipHandlerTest {
    private static final InetSocketAddress FROM =
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5070);
    private static final InetSocketAddress ME = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5060);
    private static final String OPTIONS = """
            OPTIONS sip:x@example.com SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r
            From: <sip:b@example.com>;tag=1\r
            To: <sip:x@example.com>\r
            Call-ID: c1\r
            CSeq: 1 OPTIONS\r
            \r
            """;

    private final List<String> received = new ArrayList<>();

    private static DatagramPacket packet(String text) {
        return new DatagramPacket(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), ME, FROM);
    }

    private static SipLimits limit(int max) {
        return SipLimits.DEFAULT.withMaxMessageSize(max);
    }

    @Test
    void oneDatagramIsOneParsedMessageWithItsFlow() {
        var ch = new EmbeddedChannel(new UdpSipHandler(
                (m, f) -> received.add(
                        f + " " + ((ParseResult.Parsed) m).message().callId()),
                limit(1000)));
        ch.writeInbound(packet(OPTIONS));
        assertThat(received).containsExactly("UDP:127.0.0.1:5070 c1");
    }

    @Test
    void garbageIsAMalformedResult() {
        List<ParseResult> got = new ArrayList<>();
        var ch = new EmbeddedChannel(new UdpSipHandler((m, f) -> got.add(m), limit(1000)));
        ch.writeInbound(packet("\u0000\u0001 garbage"));
        assertThat(got).singleElement().isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void oversizeDatagramsAndKeepAlivesAreDropped() {
        var ch = new EmbeddedChannel(new UdpSipHandler((m, f) -> received.add("x"), limit(600)));
        ch.writeInbound(packet("A".repeat(601)));
        ch.writeInbound(packet("\r\n\r\n"));
        assertThat(received).isEmpty();
        ch.writeInbound(packet("A".repeat(600)));
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailingSinkDoesNotReachTheEventLoop() {
        var ch = new EmbeddedChannel(new UdpSipHandler(
                (m, f) -> {
                    throw new IllegalStateException("boom");
                },
                limit(1000)));
        ch.writeInbound(packet("X"));
        ch.checkException();
        assertThat(ch.isActive()).isTrue();
    }
}
