package org.pstngw.sip.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.pstngw.conf.SipTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP transport layer on Netty: UDP, TCP and TLS listeners, client connections, and a connection table so that a
 * stream connection, whichever side opened it, is reused for every message to or from its peer (RFC 3261 18.2.2 and
 * 18.1.1). Framing and parsing are the pure codecs behind its thin handlers; SIP rules are behind the {@link
 * InboundSink}.
 */
public final class NettyTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NettyTransport.class);

    private final TransportConfig config;
    private final InboundSink sink;
    private final EventLoopGroup group;
    private final Map<TransportType, Channel> listeners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Flow, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final ExecutorService resolver = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sip-dns-", 0).factory());
    private Optional<TlsContexts> tls = Optional.empty();

    /** Looks a host name up (blocking); the system resolver unless a test gives another. */
    @FunctionalInterface
    interface NameLookup {
        InetAddress lookup(String host) throws UnknownHostException;
    }

    private final NameLookup names;

    public NettyTransport(TransportConfig config, InboundSink sink) {
        this(config, sink, InetAddress::getByName);
    }

    NettyTransport(TransportConfig config, InboundSink sink, NameLookup names) {
        this.config = config;
        this.sink = sink;
        this.names = names;
        this.group = new NioEventLoopGroup(config.ioThreads());
    }

    /** Binds the configured listeners; blocks until bound. */
    public void start() throws IOException, GeneralSecurityException, InterruptedException {
        Optional<SipTransportConfig> tlsListener = config.listener(TransportType.TLS);
        if (tlsListener.isPresent()) {
            tls = Optional.of(TlsContexts.load(tlsListener.get()));
        }
        for (SipTransportConfig l : config.listeners()) {
            TransportType type = TransportType.of(l.protocol());
            Channel ch = switch (type) {
                case UDP -> bindUdp(l);
                case TCP -> bindStream(type, l, null);
                case TLS -> bindStream(type, l, tls.orElseThrow().server());
            };
            listeners.put(type, ch);
        }
        LOG.info(
                "SIP transport listening: {}",
                listeners.keySet().stream()
                        .map(t ->
                                t + " " + localAddress(t).map(Object::toString).orElse("?"))
                        .toList());
    }

    private Channel bindUdp(SipTransportConfig l) throws InterruptedException {
        Bootstrap udp = new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new UdpSipHandler(sink, config.datagramLimits()));
                    }
                });
        return udp.bind(l.bindAddress(), l.port()).sync().channel();
    }

    private Channel bindStream(TransportType type, SipTransportConfig l, SslContext ssl) throws InterruptedException {
        ServerBootstrap server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Flow flow = new Flow(type, ch.remoteAddress());
                        if (connections.size() >= config.maxConnections()) {
                            LOG.warn(
                                    "{} connections open (the limit): connection from {} closed",
                                    connections.size(),
                                    flow);
                            ch.close();
                            return;
                        }
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        streamPipeline(ch, type);
                        ChannelFuture accepted = ch.newSucceededFuture();
                        // a newer connection from the same address and port is used from now on; the older one
                        // still delivers what arrives on it and leaves the table only if it is still the entry
                        connections.put(flow, accepted);
                        ch.closeFuture().addListener(f -> connections.remove(flow, accepted));
                    }
                });
        return server.bind(l.bindAddress(), l.port()).sync().channel();
    }

    /** A stream connection with no traffic either way for this long is closed (its peer reconnects when needed). */
    static final int IDLE_SECONDS = 600;

    private void streamPipeline(SocketChannel ch, TransportType type) {
        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS));
        ch.pipeline().addLast(new StreamSipDecoder(type, config.streamLimits(), sink));
    }

    /** The bound address of a listener (with the real port when 0 was configured). */
    public Optional<InetSocketAddress> localAddress(TransportType type) {
        Channel ch = listeners.get(type);
        return ch == null ? Optional.empty() : Optional.of((InetSocketAddress) ch.localAddress());
    }

    /**
     * Sends one message. UDP goes out of the UDP listener's socket (so the peer sees our listening port); a stream
     * transport uses the open connection to {@code flow.remote()} if there is one and connects otherwise. A flow whose
     * address is a name ({@link NextHop.Named}) is resolved first on a virtual thread, never on the caller's thread (a
     * call lane) nor on an event loop; a name that does not resolve is a transport error.
     *
     * @return completes when written, or exceptionally on a transport error (no such transport, unknown host,
     *     connection refused, closed, ...); never throws
     */
    public CompletableFuture<Void> send(Flow flow, byte[] bytes) {
        if (flow.remote().isUnresolved()) {
            return resolve(flow).thenCompose(resolved -> sendResolved(resolved, bytes, true));
        }
        return sendResolved(flow, bytes, true);
    }

    /**
     * Sends a response: like {@link #send} for UDP, but over a stream only on the connection already open to {@code
     * flow} (RFC 3261 18.2.2); fails at once when there is none, never connecting to the peer's (ephemeral) source
     * port.
     */
    public CompletableFuture<Void> sendOnExisting(Flow flow, byte[] bytes) {
        if (flow.remote().isUnresolved()) {
            return CompletableFuture.failedFuture(new IOException("no connection to a name: " + flow));
        }
        return sendResolved(flow, bytes, false);
    }

    /**
     * {@code flow} with its name resolved on a virtual thread (never on the caller's thread, a call lane, nor on an
     * event loop); a flow toward an address as it is. Fails with an {@link UnknownHostException} when the name does
     * not resolve.
     */
    public CompletableFuture<Flow> resolve(Flow flow) {
        if (!flow.remote().isUnresolved()) {
            return CompletableFuture.completedFuture(flow);
        }
        InetSocketAddress name = flow.remote();
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new Flow(
                                flow.transport(),
                                new InetSocketAddress(names.lookup(name.getHostString()), name.getPort()));
                    } catch (UnknownHostException e) {
                        throw new CompletionException(
                                new UnknownHostException("cannot resolve " + name.getHostString()));
                    }
                },
                resolver);
    }

    private CompletableFuture<Void> sendResolved(Flow flow, byte[] bytes, boolean mayConnect) {
        if (flow.transport() == TransportType.UDP) {
            Channel udp = listeners.get(TransportType.UDP);
            if (udp == null) {
                return CompletableFuture.failedFuture(new IOException("UDP transport not enabled"));
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            udp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), flow.remote()))
                    .addListener(f -> complete(done, f));
            return done;
        }
        if (flow.transport() == TransportType.TLS && tls.isEmpty()) {
            return CompletableFuture.failedFuture(new IOException("TLS not configured: no keystore for " + flow));
        }
        ChannelFuture connection = connections.get(flow);
        if (connection == null) {
            if (!mayConnect) {
                return CompletableFuture.failedFuture(new IOException("no open connection to " + flow));
            }
            if (connections.size() >= config.maxConnections()) {
                return CompletableFuture.failedFuture(
                        new IOException(connections.size() + " connections open (the limit): none opened to " + flow));
            }
            connection = openConnection(flow);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        ChannelFuture c = connection;
        c.addListener(f -> {
            if (!f.isSuccess()) {
                connections.remove(flow, c);
                done.completeExceptionally(f.cause());
                return;
            }
            Channel ch = c.channel();
            if (!ch.isActive()) {
                connections.remove(flow, c);
                done.completeExceptionally(new IOException("connection to " + flow + " closed"));
                return;
            }
            ch.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(w -> complete(done, w));
        });
        return done;
    }

    /**
     * Connects to {@code flow} and enters the connection in the table, unless another sender entered one first (then
     * that one is used and ours closed). The table is never updated from inside its own update: a connect that fails
     * at once, and so runs its close listener at once, cannot re-enter it.
     */
    private ChannelFuture openConnection(Flow flow) {
        ChannelFuture fresh = connect(flow);
        ChannelFuture raced = connections.putIfAbsent(flow, fresh);
        if (raced != null) {
            fresh.channel().close();
            return raced;
        }
        fresh.channel().closeFuture().addListener(f -> connections.remove(flow, fresh));
        return fresh;
    }

    private static void complete(CompletableFuture<Void> done, io.netty.util.concurrent.Future<?> f) {
        if (f.isSuccess()) {
            done.complete(null);
        } else {
            done.completeExceptionally(f.cause());
        }
    }

    private ChannelFuture connect(Flow flow) {
        SslContext ssl =
                flow.transport() == TransportType.TLS ? tls.orElseThrow().client() : null;
        Bootstrap client = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline()
                                    .addLast(ssl.newHandler(
                                            ch.alloc(),
                                            flow.remote().getHostString(),
                                            flow.remote().getPort()));
                        }
                        streamPipeline(ch, flow.transport());
                    }
                });
        return client.connect(flow.remote());
    }

    /** The number of open or opening stream connections (for tests and metrics). */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        listeners.values().forEach(ch -> ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        connections.values().forEach(f -> f.channel().close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        resolver.shutdownNow();
    }
}
