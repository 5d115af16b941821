package org.pstngw.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin TCP/TLS handler: cuts the stream into messages with a pure {@link StreamFraming} and hands each to the sink.
 * Leading CRLFs are keep-alives (RFC 5626 3.5.1: a double CRLF ping is answered with a single CRLF pong). A stream that
 * cannot be framed, or whose pending message exceeds the size limit, is closed.
 */
public final class StreamSipDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSipDecoder.class);

    private final TransportType transport;
    private final int maxMessageSize;
    private final StreamFraming framing;
    private final InboundSink sink;

    public StreamSipDecoder(TransportType transport, int maxMessageSize, StreamFraming framing, InboundSink sink) {
        this.transport = transport;
        this.maxMessageSize = maxMessageSize;
        this.framing = framing;
        this.sink = sink;
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the pong is fire-and-forget
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int crlf = leadingCrlf(in);
            if (crlf > 0) {
                if (crlf >= 4) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
                }
                in.skipBytes(crlf);
                continue;
            }
            StreamFraming.Frame frame =
                    framing.frame(in.nioBuffer(in.readerIndex(), in.readableBytes()), maxMessageSize);
            switch (frame) {
                case StreamFraming.Frame.Complete c -> {
                    byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), c.length());
                    in.skipBytes(c.length());
                    deliver(ctx, bytes);
                }
                case StreamFraming.Frame.Incomplete i -> {
                    if (in.readableBytes() > maxMessageSize) {
                        close(ctx, in, "more than " + maxMessageSize + " bytes without a whole message");
                    }
                    return;
                }
                case StreamFraming.Frame.Invalid bad -> {
                    close(ctx, in, bad.reason());
                    return;
                }
            }
        }
    }

    private void deliver(ChannelHandlerContext ctx, byte[] bytes) {
        SocketAddress peer = ctx.channel().remoteAddress();
        Flow flow = new Flow(
                transport,
                peer instanceof InetSocketAddress inet
                        ? inet
                        : InetSocketAddress.createUnresolved(String.valueOf(peer), 0));
        try {
            sink.onMessage(bytes, flow);
        } catch (RuntimeException e) {
            LOG.error("message from {} failed in processing", flow, e);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored")
    private void close(ChannelHandlerContext ctx, ByteBuf in, String why) {
        LOG.warn("closing {} connection from {}: {}", transport, ctx.channel().remoteAddress(), why);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }

    private static int leadingCrlf(ByteBuf in) {
        int n = 0;
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            byte b = in.getByte(i);
            if (b != '\r' && b != '\n') {
                break;
            }
            n++;
        }
        return n;
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored")
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info(
                    "closing idle {} connection to {}", transport, ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored")
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("{} connection from {} failed: {}", transport, ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
