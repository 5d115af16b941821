package org.pstngw.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipLimits;
import org.pstngw.sip.message.StreamFramer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin TCP/TLS handler, one per connection: feeds what it reads to that connection's pure {@link StreamFramer}
 * (RFC 3261 18.3, the configured {@link SipLimits}) and hands each framed message to the sink. A double-CRLF keep-alive
 * ping (RFC 5626 4.4.1) is answered with a single CRLF pong. A stream that loses its framing (no or bad
 * Content-Length, a message above the size limit) is reported to the sink once, then closed.
 */
public final class StreamSipDecoder extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSipDecoder.class);

    private final TransportType transport;
    private final StreamFramer framer;
    private final InboundSink sink;

    public StreamSipDecoder(TransportType transport, SipLimits limits, InboundSink sink) {
        this.transport = transport;
        this.framer = new StreamFramer(limits);
        this.sink = sink;
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the pong and the close are fire-and-forget
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            long pings = framer.pings();
            List<ParseResult> messages = feed(in);
            for (long i = pings; i < framer.pings(); i++) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
            }
            Flow flow = flow(ctx);
            for (ParseResult m : messages) {
                deliver(flow, m);
            }
            if (framer.failed()) {
                LOG.warn("closing {} connection from {}: the stream lost its framing", transport, flow);
                ctx.close();
            }
        } finally {
            ReferenceCountUtil.release(in);
        }
    }

    private List<ParseResult> feed(ByteBuf in) {
        int n = in.readableBytes();
        if (in.hasArray()) {
            return framer.feed(in.array(), in.arrayOffset() + in.readerIndex(), n);
        }
        byte[] bytes = new byte[n];
        in.getBytes(in.readerIndex(), bytes);
        return framer.feed(bytes, 0, n);
    }

    private Flow flow(ChannelHandlerContext ctx) {
        SocketAddress peer = ctx.channel().remoteAddress();
        return new Flow(
                transport,
                peer instanceof InetSocketAddress inet
                        ? inet
                        : InetSocketAddress.createUnresolved(String.valueOf(peer), 0));
    }

    private void deliver(Flow flow, ParseResult message) {
        try {
            sink.onMessage(message, flow);
        } catch (RuntimeException e) {
            LOG.error("message from {} failed in processing", flow, e);
        }
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
