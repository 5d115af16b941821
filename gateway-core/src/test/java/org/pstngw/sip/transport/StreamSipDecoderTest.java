package org.pstngw.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.transaction.SipAdapter;

/** The stream handler on an EmbeddedChannel: split and coalesced messages, keep-alive pong, limits, idle close. */
class StreamSipDecoderTest {
    private final List<String> got = new ArrayList<>();

    private EmbeddedChannel channel(int max) {
        return new EmbeddedChannel(new StreamSipDecoder(
                TransportType.TCP, max, SipAdapter.FRAMING, (b, f) -> got.add(new String(b, StandardCharsets.UTF_8))));
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static final String MSG = "OPTIONS sip:a SIP/2.0\r\nContent-Length: 3\r\n\r\nabc";

    @Test
    void messagesSplitAcrossReadsAndSeveralInOneReadAreFramed() {
        EmbeddedChannel ch = channel(1000);
        ch.writeInbound(bytes(MSG.substring(0, 10)));
        assertThat(got).isEmpty();
        ch.writeInbound(bytes(MSG.substring(10) + MSG + MSG.substring(0, 5)));
        assertThat(got).containsExactly(MSG, MSG);
        ch.writeInbound(bytes(MSG.substring(5)));
        assertThat(got).hasSize(3);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void doubleCrlfPingGetsASingleCrlfPong() {
        EmbeddedChannel ch = channel(1000);
        ch.writeInbound(bytes("\r\n\r\n"));
        ByteBuf pong = ch.readOutbound();
        assertThat(pong.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        pong.release();
        assertThat(got).isEmpty();
    }

    @Test
    void oversizeAndUnframeableStreamsAreClosed() {
        EmbeddedChannel big = channel(600);
        big.writeInbound(bytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: 900\r\n\r\n"));
        assertThat(big.isOpen()).isFalse();
        EmbeddedChannel noLength = channel(600);
        noLength.writeInbound(bytes("OPTIONS sip:a SIP/2.0\r\n\r\n"));
        assertThat(noLength.isOpen()).isFalse();
        assertThat(got).isEmpty();
    }

    @Test
    void idleConnectionsAreClosed() {
        EmbeddedChannel ch = channel(1000);
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isFalse();
    }
}
