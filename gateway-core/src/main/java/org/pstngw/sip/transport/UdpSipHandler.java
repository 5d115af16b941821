package org.pstngw.sip.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin UDP handler: one datagram is one message. It enforces the size limit, skips keep-alives (RFC 5626 CRLF
 * pings) and hands the bytes to the sink; nothing the sink throws reaches the event loop.
 */
public final class UdpSipHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSipHandler.class);

    private final InboundSink sink;
    private final int maxMessageSize;

    public UdpSipHandler(InboundSink sink, int maxMessageSize) {
        this.sink = sink;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        int size = packet.content().readableBytes();
        Flow flow = new Flow(TransportType.UDP, packet.sender());
        if (size > maxMessageSize) {
            LOG.warn("dropped {}-byte datagram from {}: above the {}-byte limit", size, flow, maxMessageSize);
            return;
        }
        if (blank(packet)) {
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        try {
            sink.onMessage(bytes, flow);
        } catch (RuntimeException e) {
            LOG.error("message from {} failed in processing", flow, e);
        }
    }

    private static boolean blank(DatagramPacket packet) {
        var buf = packet.content();
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
