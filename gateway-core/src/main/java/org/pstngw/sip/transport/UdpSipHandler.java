package org.pstngw.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipLimits;
import org.pstngw.sip.message.SipParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin UDP handler: one datagram is one message. It enforces the size limit, skips keep-alives (RFC 5626 CRLF
 * pings), parses the datagram with the pure {@link SipParser} (RFC 3261 18.3 datagram rules, the configured {@link
 * SipLimits}) and hands the result to the sink; nothing the parser or the sink throws reaches the event loop.
 */
public final class UdpSipHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSipHandler.class);

    private final InboundSink sink;
    private final SipLimits limits;

    public UdpSipHandler(InboundSink sink, SipLimits limits) {
        this.sink = sink;
        this.limits = limits;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int size = content.readableBytes();
        Flow flow = new Flow(TransportType.UDP, packet.sender());
        if (size > limits.maxMessageSize()) {
            LOG.warn("dropped {}-byte datagram from {}: above the {}-byte limit", size, flow, limits.maxMessageSize());
            return;
        }
        if (blank(content)) {
            return;
        }
        try {
            ParseResult parsed;
            if (content.hasArray()) {
                parsed = SipParser.parse(content.array(), content.arrayOffset() + content.readerIndex(), size, limits);
            } else {
                byte[] bytes = new byte[size];
                content.getBytes(content.readerIndex(), bytes);
                parsed = SipParser.parse(bytes, 0, size, limits);
            }
            sink.onMessage(parsed, flow);
        } catch (RuntimeException e) {
            LOG.error("datagram from {} failed in processing", flow, e);
        }
    }

    private static boolean blank(ByteBuf buf) {
        for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
            byte b = buf.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("UDP channel error", cause);
    }
}
