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

class UdpSipHandlerTest {
    private static final InetSocketAddress FROM =
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5070);
    private static final InetSocketAddress ME = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5060);

    private final List<String> received = new ArrayList<>();

    private static DatagramPacket packet(String text) {
        return new DatagramPacket(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), ME, FROM);
    }

    @Test
    void oneDatagramIsOneMessageWithItsFlow() {
        var ch = new EmbeddedChannel(new UdpSipHandler(
                (b, f) -> received.add(f + " " + new String(b, StandardCharsets.UTF_8)), 1000));
        ch.writeInbound(packet("OPTIONS sip:x SIP/2.0\r\n\r\n"));
        assertThat(received).containsExactly("UDP:127.0.0.1:5070 OPTIONS sip:x SIP/2.0\r\n\r\n");
    }

    @Test
    void oversizeDatagramsAndKeepAlivesAreDropped() {
        var ch = new EmbeddedChannel(new UdpSipHandler((b, f) -> received.add("x"), 600));
        ch.writeInbound(packet("A".repeat(601)));
        ch.writeInbound(packet("\r\n\r\n"));
        assertThat(received).isEmpty();
        ch.writeInbound(packet("A".repeat(600)));
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailingSinkDoesNotReachTheEventLoop() {
        var ch = new EmbeddedChannel(new UdpSipHandler(
                (b, f) -> {
                    throw new IllegalStateException("boom");
                },
                1000));
        ch.writeInbound(packet("X"));
        ch.checkException();
        assertThat(ch.isActive()).isTrue();
    }
}
