package org.pstngw.sip.ua;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pstngw.conf.SipConfig;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.timer.Scheduler;
import org.pstngw.sip.timer.WheelScheduler;
import org.pstngw.sip.transaction.Ids;
import org.pstngw.sip.transaction.InboundProcessor;
import org.pstngw.sip.transaction.Sender;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transaction.TransactionLayer;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.InboundSink;
import org.pstngw.sip.transport.NettyTransport;
import org.pstngw.sip.transport.NextHop;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP user agent the application uses: incoming calls go to its {@link CallListener}, outgoing calls start with
 * {@link #invite}. {@link #start} runs it on Netty with a hashed-wheel scheduler and per-call lanes; {@link #create}
 * wires the same core over any sender, scheduler and lanes (tests drive it on virtual time).
 */
public final class SipUserAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipUserAgent.class);

    /**
     * What the agent needs to start.
     *
     * @param transport listeners and limits
     * @param timers T1/T2/T4 and derived timers
     * @param settings our Contact user, 100rel, User-Agent/Server, contact host
     * @param lanes call lanes (threads)
     */
    public record Config(TransportConfig transport, TimerConfig timers, UaSettings settings, int lanes) {
        public Config {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(timers, "timers");
            Objects.requireNonNull(settings, "settings");
        }

        /** With {@link UaSettings#defaults(String)} for {@code user}. */
        public Config(TransportConfig transport, TimerConfig timers, String user, int lanes) {
            this(transport, timers, UaSettings.defaults(user), lanes);
        }

        /**
         * The agent module conf's {@code sip} section describes: its transports and limits, T1/T2/T4, 100rel,
         * User-Agent, contact host; {@code user} is our Contact user.
         */
        public static Config from(SipConfig sip, String user, int ioThreads, int lanes) {
            return new Config(
                    TransportConfig.from(sip, ioThreads), TimerConfig.from(sip), UaSettings.from(sip, user), lanes);
        }
    }

    /**
     * RFC 3261 18.1.1: a request within 200 bytes of the path MTU (1500 assumed) goes over TCP when the target did not
     * ask for UDP explicitly, and over UDP again when TCP fails. SIP-I INVITEs with multipart bodies reach this size.
     */
    static final int UDP_PATH_LIMIT = 1300;

    private final UaContext ctx;
    private final InboundSink inbound;
    private final AutoCloseable[] resources;

    private SipUserAgent(UaContext ctx, InboundSink inbound, AutoCloseable... resources) {
        this.ctx = ctx;
        this.inbound = inbound;
        this.resources = resources;
    }

    /** Wires the UA core over the given parts; feed received messages to {@link #inbound()}. */
    public static SipUserAgent create(
            TimerConfig timers,
            Scheduler scheduler,
            Function<String, Executor> lanes,
            Sender sender,
            Function<TransportType, Optional<InetSocketAddress>> local,
            String user,
            CallListener listener) {
        return create(timers, scheduler, lanes, sender, local, UaSettings.defaults(user), listener);
    }

    /** Wires the UA core over the given parts with {@code settings}; feed received messages to {@link #inbound()}. */
    public static SipUserAgent create(
            TimerConfig timers,
            Scheduler scheduler,
            Function<String, Executor> lanes,
            Sender sender,
            Function<TransportType, Optional<InetSocketAddress>> local,
            UaSettings settings,
            CallListener listener) {
        return create(timers, scheduler, lanes, callId -> false, sender, local, settings, listener);
    }

    /** As above, refusing a request with 503 when {@code busy} says its lane has too much work waiting. */
    static SipUserAgent create(
            TimerConfig timers,
            Scheduler scheduler,
            Function<String, Executor> lanes,
            Predicate<String> busy,
            Sender sender,
            Function<TransportType, Optional<InetSocketAddress>> local,
            UaSettings settings,
            CallListener listener) {
        TransactionLayer layer = new TransactionLayer(timers, scheduler, lanes, sender);
        UaContext ctx = new UaContext(layer, lanes, local, settings);
        ctx.listener = listener;
        layer.user(new UserAgentCore(ctx));
        return new SipUserAgent(ctx, new InboundProcessor(layer, lanes, busy, settings.maxTransactions(), sender));
    }

    /** Starts the UA on Netty: binds the listeners, then serves. */
    public static SipUserAgent start(Config config, CallListener listener)
            throws IOException, GeneralSecurityException, InterruptedException {
        WheelScheduler wheel = new WheelScheduler();
        CallExecutors lanes = new CallExecutors(config.lanes());
        InboundSink[] sink = new InboundSink[1];
        NettyTransport transport =
                new NettyTransport(config.transport(), (message, flow) -> sink[0].onMessage(message, flow));
        SipUserAgent core = create(
                config.timers(),
                wheel,
                lanes::forCall,
                lanes::busy,
                senderOver(transport),
                transport::localAddress,
                config.settings(),
                listener);
        sink[0] = core.inbound;
        try {
            transport.start();
        } catch (IOException | GeneralSecurityException | InterruptedException | RuntimeException e) {
            transport.close();
            lanes.close();
            wheel.close();
            throw e;
        }
        return new SipUserAgent(core.ctx, core.inbound, transport, lanes, wheel);
    }

    /** The transaction layer's view of the Netty transport: send, respond on an open connection only, resolve once. */
    private static Sender senderOver(NettyTransport transport) {
        return new Sender() {
            @Override
            public CompletableFuture<Void> send(Flow flow, byte[] bytes) {
                return transport.send(flow, bytes);
            }

            @Override
            public CompletableFuture<Void> sendOnExisting(Flow flow, byte[] bytes) {
                return transport.sendOnExisting(flow, bytes);
            }

            @Override
            public CompletableFuture<Flow> resolve(Flow flow) {
                return transport.resolve(flow);
            }
        };
    }

    /** Where received messages enter the stack (for {@link #create}d agents). */
    public InboundSink inbound() {
        return inbound;
    }

    /** Replaces the listener of incoming calls. */
    public void listener(CallListener listener) {
        ctx.listener = listener;
    }

    /** Our bound address on {@code transport}. */
    public Optional<InetSocketAddress> localAddress(TransportType transport) {
        return ctx.local.apply(transport);
    }

    /**
     * Places a call.
     *
     * @param target the Request-URI (host an IP literal or a name, which the transport resolves off the call lanes;
     *     {@code ;transport=tcp|tls} picks the transport, sips means TLS)
     * @param from our identity as a name-addr, e.g. {@code <sip:+4420712345678@gw.example>}
     * @param to the callee as a name-addr
     * @param body the offer (SDP or SIP-I multipart)
     * @param headers further headers (P-Asserted-Identity, ...)
     */
    public CompletableFuture<ClientCall> invite(
            String target,
            String from,
            String to,
            Optional<Body> body,
            List<Header> headers,
            ClientCallListener listener) {
        Uri targetUri;
        NameAddr fromAddr;
        NameAddr toAddr;
        Flow flow;
        try {
            targetUri = Uri.parse(target);
            fromAddr = NameAddr.parse(from);
            toAddr = NameAddr.parse(to);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot call " + target, e));
        }
        NextHop hop = NextHop.of(targetUri);
        if (hop instanceof NextHop.Invalid bad) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("cannot call " + target + ": " + bad.reason()));
        }
        flow = hop.destination().orElseThrow();
        InetSocketAddress me = ctx.localAddress(flow.transport());
        String callId = Ids.callId(me.getAddress() != null ? me.getAddress().getHostAddress() : me.getHostString());
        String fromTag = Ids.tag();
        boolean secure = targetUri.scheme().equalsIgnoreCase("sips");
        CompletableFuture<ClientCall> result = new CompletableFuture<>();
        boolean udpAskedFor = targetUri instanceof SipUri sip && "udp".equalsIgnoreCase(sip.transport());
        ctx.lane(callId).execute(() -> {
            try {
                SipRequest invite = inviteRequest(
                        targetUri, flow.transport(), secure, fromAddr, fromTag, toAddr, callId, headers, body);
                Flow via = flow;
                Optional<UacCall.UdpFallback> fallback = Optional.empty();
                if (flow.transport() == TransportType.UDP
                        && !udpAskedFor
                        && invite.toBytes().length > UDP_PATH_LIMIT
                        && ctx.local.apply(TransportType.TCP).isPresent()) {
                    fallback = Optional.of(new UacCall.UdpFallback(invite, flow));
                    via = new Flow(TransportType.TCP, flow.remote());
                    invite = inviteRequest(
                            targetUri, TransportType.TCP, secure, fromAddr, fromTag, toAddr, callId, headers, body);
                }
                UacCall call = new UacCall(ctx, invite, via, fallback, listener);
                call.start();
                result.complete(call);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private SipRequest inviteRequest(
            Uri target,
            TransportType transport,
            boolean secure,
            NameAddr from,
            String fromTag,
            NameAddr to,
            String callId,
            List<Header> headers,
            Optional<Body> body) {
        return ctx.spec(
                        SipMethod.INVITE,
                        target,
                        transport,
                        secure,
                        from,
                        fromTag,
                        to,
                        null,
                        callId,
                        1,
                        List.of(),
                        withSupported(headers),
                        body)
                .toRequest();
    }

    /** Supported (and Require when configured) 100rel and Allow, after the application's headers. */
    private List<Header> withSupported(List<Header> headers) {
        var all = new ArrayList<>(headers);
        ctx.supported().ifPresent(v -> all.add(new Header(HeaderNames.SUPPORTED, v)));
        if (ctx.settings.rel100() == SipConfig.Rel100.REQUIRED) {
            all.add(new Header(HeaderNames.REQUIRE, Names.REL100));
        }
        all.add(new Header(HeaderNames.ALLOW, UaContext.ALLOW));
        return all;
    }

    /** Live transactions (for tests and metrics). */
    public int transactions() {
        return ctx.layer.size();
    }

    /** Live dialogs and calls being set up (for tests and metrics). */
    public int dialogs() {
        return ctx.dialogs.size();
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("close failed", e);
            }
        }
    }
}
