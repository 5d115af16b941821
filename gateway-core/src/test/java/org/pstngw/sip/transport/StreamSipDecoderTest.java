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
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipLimits;

/** The stream handler on an EmbeddedChannel: split and coalesced messages, keep-alive pong, limits, idle close. */
class StreamSipDecoderTest {
    private final List<ParseResult> got = new ArrayList<>();

    private EmbeddedChannel channel(int max) {
        return new EmbeddedChannel(new StreamSipDecoder(
                TransportType.TCP, SipLimits.DEFAULT.withMaxMessageSize(max), (m, f) -> got.add(m)));
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static final String MSG = """
            OPTIONS sip:a@example.com SIP/2.0\r
            Via: SIP/2.0/TCP h.example.com;branch=z9hG4bK1\r
            From: <sip:b@example.com>;tag=1\r
            To: <sip:a@example.com>\r
            Call-ID: c1\r
            CSeq: 1 OPTIONS\r
            Content-Length: 3\r
            \r
            abc""";

    private List<String> texts() {
        return got.stream()
                .map(r -> new String(((ParseResult.Parsed) r).message().toBytes(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void messagesSplitAcrossReadsAndSeveralInOneReadAreFramed() {
        EmbeddedChannel ch = channel(1000);
        ch.writeInbound(bytes(MSG.substring(0, 10)));
        assertThat(got).isEmpty();
        ch.writeInbound(bytes(MSG.substring(10) + MSG + MSG.substring(0, 5)));
        assertThat(texts()).containsExactly(MSG, MSG);
        ch.writeInbound(bytes(MSG.substring(5)));
        assertThat(got).hasSize(3);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aMalformedButFramedMessageKeepsTheConnection() {
        EmbeddedChannel ch = channel(1000);
        ch.writeInbound(bytes(MSG.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE") + MSG));
        assertThat(got).hasSize(2);
        assertThat(((ParseResult.Malformed) got.getFirst()).reason()).contains("does not match");
        assertThat(got.get(1)).isInstanceOf(ParseResult.Parsed.class);
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
    void oversizeAndUnframeableStreamsAreReportedOnceAndClosed() {
        EmbeddedChannel big = channel(600);
        big.writeInbound(bytes("OPTIONS sip:a SIP/2.0\r\nContent-Length: 900\r\n\r\n"));
        assertThat(big.isOpen()).isFalse();
        assertThat(((ParseResult.Malformed) got.getFirst()).status()).isEqualTo(413);
        EmbeddedChannel noLength = channel(600);
        noLength.writeInbound(bytes("OPTIONS sip:a SIP/2.0\r\n\r\n"));
        assertThat(noLength.isOpen()).isFalse();
        assertThat(((ParseResult.Malformed) got.get(1)).reason())
                .isEqualTo("missing Content-Length on a stream transport");
        assertThat(got).hasSize(2);
    }

    @Test
    void idleConnectionsAreClosed() {
        EmbeddedChannel ch = channel(1000);
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(ch.isOpen()).isFalse();
    }
}
