package org.pstngw.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipParser;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.timer.ManualScheduler;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;

/**
 * The layer's routing: a stream response goes on the open connection, and when it is gone to the sent-by (18.2.2); a
 * client transaction toward a name resolves it once.
 */
class TransactionLayerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ManualScheduler clock = new ManualScheduler();
    private final List<Flow> attempts = new ArrayList<>();
    private final Executor direct = Runnable::run;

    private static TransactionLayer.User collect(List<ServerTransaction> txs) {
        return new TransactionLayer.User() {
            @Override
            public void onRequest(ServerTransaction tx) {
                txs.add(tx);
            }

            @Override
            public void onCancel(ServerTransaction cancel, ServerTransaction invite) {}

            @Override
            public void onAck(SipRequest ack, Flow flow) {}

            @Override
            public void onStrayResponse(SipResponse response, Flow flow) {}
        };
    }

    private static final String OPTIONS_OVER_TCP = """
            OPTIONS sip:gw@127.0.0.1 SIP/2.0
            Via: SIP/2.0/TCP 127.0.0.1:5090;branch=z9hG4bKtcp1
            Max-Forwards: 70
            From: <sip:a@127.0.0.1>;tag=1
            To: <sip:gw@127.0.0.1>
            Call-ID: fb1
            CSeq: 1 OPTIONS
            Content-Length: 0

            """.replace("\n", "\r\n");

    /**
     * 18.2.2: a response over a stream goes on the request's connection only (never a new connection to the client's
     * ephemeral source port); when that connection has gone, a connection to the sent-by is opened, from the lane.
     */
    @Test
    void streamResponseUsesOnlyTheOpenConnectionThenConnectsToTheSentByFromTheLane() {
        Flow arrival = new Flow(TransportType.TCP, new InetSocketAddress(LOOPBACK, 51_000));
        List<String> log = new ArrayList<>();
        ArrayDeque<Runnable> laneQueue = new ArrayDeque<>();
        Executor lane = laneQueue::add;
        Sender sender = new Sender() {
            @Override
            public CompletableFuture<Void> send(Flow flow, byte[] bytes) {
                log.add("connect " + flow);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> sendOnExisting(Flow flow, byte[] bytes) {
                log.add("existing " + flow);
                return CompletableFuture.failedFuture(new IOException("connection closed"));
            }
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> lane, sender);
        List<ServerTransaction> txs = new ArrayList<>();
        layer.user(collect(txs));
        new InboundProcessor(layer, id -> lane, sender)
                .onMessage(SipParser.parse(OPTIONS_OVER_TCP.getBytes(StandardCharsets.UTF_8)), arrival);
        laneQueue.poll().run();
        ServerTransaction tx = txs.getFirst();
        tx.respond(SipResponses.create(tx.request(), SipStatus.OK, "t1"));
        assertThat(log)
                .as("only the open connection, no connect from a transport callback")
                .containsExactly("existing TCP:127.0.0.1:51000");
        while (!laneQueue.isEmpty()) {
            laneQueue.poll().run();
        }
        assertThat(log).containsExactly("existing TCP:127.0.0.1:51000", "connect TCP:127.0.0.1:5090");
        assertThat(tx.state()).isEqualTo(ServerNonInviteState.TERMINATED);
    }

    @Test
    void streamResponseFallsBackToTheSentByWhenTheConnectionIsGone() {
        Flow arrival = new Flow(TransportType.TCP, new InetSocketAddress(LOOPBACK, 51_000));
        Sender sender = (flow, bytes) -> {
            attempts.add(flow);
            return flow.equals(arrival)
                    ? CompletableFuture.failedFuture(new IOException("connection closed"))
                    : CompletableFuture.completedFuture(null);
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, sender);
        List<ServerTransaction> txs = new ArrayList<>();
        layer.user(collect(txs));
        new InboundProcessor(layer, id -> direct, sender)
                .onMessage(SipParser.parse(OPTIONS_OVER_TCP.getBytes(StandardCharsets.UTF_8)), arrival);
        ServerTransaction tx = txs.getFirst();
        tx.respond(SipResponses.create(tx.request(), SipStatus.OK, "t1"));
        assertThat(attempts)
                .containsExactly(arrival, new Flow(TransportType.TCP, new InetSocketAddress("127.0.0.1", 5090)));
        assertThat(tx.state()).isEqualTo(ServerNonInviteState.TERMINATED);
    }

    private static SipRequest invite(String callId) {
        String text = """
                INVITE sip:callee@carrier.example SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKdns1
                Max-Forwards: 70
                From: <sip:gw@127.0.0.1>;tag=a1
                To: <sip:callee@carrier.example>
                Call-ID: %s
                CSeq: 1 INVITE
                Content-Length: 0

                """.formatted(callId).replace("\n", "\r\n");
        return (SipRequest)
                ((org.pstngw.sip.message.ParseResult.Parsed) SipParser.parse(text.getBytes(StandardCharsets.UTF_8)))
                        .message();
    }

    private static SipResponse response(SipRequest request, SipStatus status) {
        return SipResponses.create(request, status, "b1");
    }

    /**
     * 18.1.2: a response whose top Via sent-by is not the one we put into the request is discarded, even with our
     * branch; the host compares without case and a sent-by without port means the transport's default (5060 on UDP).
     */
    @Test
    void aResponseWhoseSentByIsNotOursIsDiscarded() {
        Flow peer = new Flow(TransportType.UDP, new InetSocketAddress(LOOPBACK, 5080));
        TransactionLayer layer = new TransactionLayer(
                TimerConfig.DEFAULT, clock, id -> direct, (flow, bytes) -> CompletableFuture.completedFuture(null));
        List<String> heard = new ArrayList<>();
        SipRequest invite = invite("sentby1");
        layer.send(invite, peer, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse r) {
                heard.add(r.statusCode() + " " + r.topVia().sentBy());
            }

            @Override
            public void onTimeout(ClientTransaction t) {}

            @Override
            public void onTransportError(ClientTransaction t) {}
        });
        String ours = "SIP/2.0/UDP 127.0.0.1:5060;";
        layer.onResponse(reVia(response(invite, SipStatus.TRYING), ours, "SIP/2.0/UDP 127.0.0.1:5061;"), peer);
        layer.onResponse(reVia(response(invite, SipStatus.TRYING), ours, "SIP/2.0/UDP 127.0.0.2:5060;"), peer);
        layer.onResponse(reVia(response(invite, SipStatus.TRYING), ours, "SIP/2.0/TLS 127.0.0.1;"), peer);
        assertThat(heard)
                .as("another port, another host, the default port of another transport")
                .isEmpty();
        layer.onResponse(reVia(response(invite, SipStatus.RINGING), ours, "SIP/2.0/UDP 127.0.0.1;"), peer);
        layer.onResponse(response(invite, SipStatus.OK), peer);
        assertThat(heard).containsExactly("180 127.0.0.1", "200 127.0.0.1:5060");
    }

    private static SipResponse reVia(SipResponse response, String from, String to) {
        String text = new String(response.toBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return (SipResponse) ((org.pstngw.sip.message.ParseResult.Parsed)
                        SipParser.parse(text.replace(from, to).getBytes(StandardCharsets.UTF_8)))
                .message();
    }

    /**
     * 9.1 and 17.1.1: the INVITE, its retransmissions, the ACK of its non-2xx and its CANCEL all go to one address,
     * even when the name resolves to another address on each lookup (round-robin DNS): the name is resolved once.
     */
    @Test
    void aClientTransactionResolvesItsNameOnceAndKeepsTheAddress() {
        Flow named = new Flow(TransportType.UDP, InetSocketAddress.createUnresolved("carrier.example", 5060));
        List<String> sent = new ArrayList<>();
        int[] lookups = {0};
        Sender sender = new Sender() {
            @Override
            public CompletableFuture<Void> send(Flow flow, byte[] bytes) {
                String first = new String(bytes, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElseThrow();
                sent.add(first.substring(0, first.indexOf(' ')) + " " + flow);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Flow> resolve(Flow flow) {
                lookups[0]++;
                byte[] address = {(byte) 192, 0, 2, (byte) lookups[0]};
                try {
                    return CompletableFuture.completedFuture(new Flow(
                            flow.transport(),
                            new InetSocketAddress(
                                    InetAddress.getByAddress(address),
                                    flow.remote().getPort())));
                } catch (java.net.UnknownHostException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, sender);
        List<String> heard = new ArrayList<>();
        SipRequest invite = invite("dns1");
        ClientTransaction tx = layer.send(invite, named, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse r) {
                heard.add(String.valueOf(r.statusCode()));
            }

            @Override
            public void onTimeout(ClientTransaction t) {
                heard.add("timeout");
            }

            @Override
            public void onTransportError(ClientTransaction t) {
                heard.add("transport error");
            }
        });
        clock.advance(java.time.Duration.ofMillis(1600)); // timer A: retransmissions at 0.5s and 1.5s
        layer.onResponse(response(invite, SipStatus.RINGING), tx.flow());
        layer.cancel(tx, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse r) {}

            @Override
            public void onTimeout(ClientTransaction t) {}

            @Override
            public void onTransportError(ClientTransaction t) {}
        });
        layer.onResponse(response(invite, SipStatus.REQUEST_TERMINATED), tx.flow());
        assertThat(lookups[0]).isEqualTo(1);
        assertThat(sent)
                .containsExactly(
                        "INVITE UDP:192.0.2.1:5060",
                        "INVITE UDP:192.0.2.1:5060",
                        "INVITE UDP:192.0.2.1:5060",
                        "CANCEL UDP:192.0.2.1:5060",
                        "ACK UDP:192.0.2.1:5060");
        assertThat(heard).containsExactly("180", "487");
    }

    @Test
    void aNameThatDoesNotResolveIsATransportErrorAndLeavesNoTransaction() {
        Flow named = new Flow(TransportType.UDP, InetSocketAddress.createUnresolved("no-such.invalid", 5060));
        Sender sender = new Sender() {
            @Override
            public CompletableFuture<Void> send(Flow flow, byte[] bytes) {
                throw new AssertionError("nothing may be sent to an unresolved name: " + flow);
            }

            @Override
            public CompletableFuture<Flow> resolve(Flow flow) {
                return CompletableFuture.failedFuture(new java.net.UnknownHostException("cannot resolve"));
            }
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, sender);
        List<String> heard = new ArrayList<>();
        layer.send(invite("dns2"), named, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse r) {
                heard.add("response");
            }

            @Override
            public void onTimeout(ClientTransaction t) {
                heard.add("timeout");
            }

            @Override
            public void onTransportError(ClientTransaction t) {
                heard.add("transport error");
            }
        });
        assertThat(heard).containsExactly("transport error");
        assertThat(layer.size()).isZero();
    }

    /**
     * M7: when the lane of a Call-ID has too much work waiting, a request for it is answered 503 with Retry-After on
     * the event loop (where the response goes, 18.2.2) and never queued; an ACK is not answered and still goes on.
     */
    @Test
    void aRequestForABusyLaneIsRefusedWith503AndRetryAfterWithoutQueueing() {
        Flow arrival = new Flow(TransportType.UDP, new InetSocketAddress(LOOPBACK, 5070));
        List<String> sent = new ArrayList<>();
        Sender sender = (flow, bytes) -> {
            sent.add(flow + "\n" + new String(bytes, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        };
        List<Runnable> queued = new ArrayList<>();
        Executor lane = queued::add;
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> lane, sender);
        List<ServerTransaction> txs = new ArrayList<>();
        layer.user(collect(txs));
        InboundProcessor inbound =
                new InboundProcessor(layer, id -> lane, id -> id.equals("busy1"), Integer.MAX_VALUE, sender);
        String invite = """
                INVITE sip:gw@127.0.0.1 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKbusy;rport
                Max-Forwards: 70
                From: <sip:a@127.0.0.1>;tag=1
                To: <sip:gw@127.0.0.1>
                Call-ID: busy1
                CSeq: 1 INVITE
                Content-Length: 0

                """.replace("\n", "\r\n");
        inbound.onMessage(SipParser.parse(invite.getBytes(StandardCharsets.UTF_8)), arrival);
        assertThat(queued).as("nothing queued on the busy lane").isEmpty();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst())
                .startsWith("UDP:127.0.0.1:5070\nSIP/2.0 503 Service Unavailable\r\n")
                .contains("\r\nRetry-After: 5\r\n")
                .contains("branch=z9hG4bKbusy");
        String ack = invite.replace("INVITE sip", "ACK sip").replace("1 INVITE", "1 ACK");
        inbound.onMessage(SipParser.parse(ack.getBytes(StandardCharsets.UTF_8)), arrival);
        assertThat(queued).as("an ACK is never refused").hasSize(1);
        inbound.onMessage(SipParser.parse(invite.replace("busy1", "calm1").getBytes(StandardCharsets.UTF_8)), arrival);
        assertThat(queued).hasSize(2);
        assertThat(sent).hasSize(1);
    }

    /**
     * Overload protection: with the server transaction limit reached, a new out-of-dialog request is answered 503 with
     * Retry-After and creates nothing, while a retransmission, a CANCEL, an in-dialog request and an ACK still pass.
     */
    @Test
    void pastTheTransactionLimitANewCallIsRefusedWith503ButWhatEndsCallsPasses() {
        Flow arrival = new Flow(TransportType.UDP, new InetSocketAddress(LOOPBACK, 5070));
        List<String> sent = new ArrayList<>();
        Sender sender = (flow, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            sent.add(text.substring(0, text.indexOf('\r')) + " "
                    + text.lines()
                            .filter(l -> l.startsWith("Call-ID"))
                            .findFirst()
                            .orElseThrow());
            return CompletableFuture.completedFuture(null);
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, sender);
        List<ServerTransaction> txs = new ArrayList<>();
        layer.user(collect(txs));
        InboundProcessor inbound = new InboundProcessor(layer, id -> direct, id -> false, 2, sender);
        java.util.function.BiConsumer<String, String> receive = (method, callId) -> {
            String toTag = method.equals("BYE") ? ";tag=ours" : "";
            String cseqMethod = method;
            String text =
                    """
                    %s sip:gw@127.0.0.1 SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK%s
                    Max-Forwards: 70
                    From: <sip:a@127.0.0.1>;tag=1
                    To: <sip:gw@127.0.0.1>%s
                    Call-ID: %s
                    CSeq: 1 %s
                    Content-Length: 0

                    """.formatted(method, callId, toTag, callId, cseqMethod).replace("\n", "\r\n");
            inbound.onMessage(SipParser.parse(text.getBytes(StandardCharsets.UTF_8)), arrival);
        };
        receive.accept("INVITE", "lim-a");
        receive.accept("OPTIONS", "lim-b");
        assertThat(layer.serverCount()).isEqualTo(2);
        receive.accept("INVITE", "lim-c");
        assertThat(sent)
                .filteredOn(s -> s.startsWith("SIP/2.0 503"))
                .containsExactly("SIP/2.0 503 Service Unavailable Call-ID: lim-c");
        assertThat(layer.serverCount()).isEqualTo(2);
        receive.accept("INVITE", "lim-a");
        receive.accept("CANCEL", "lim-a");
        receive.accept("BYE", "lim-d");
        receive.accept("ACK", "lim-e");
        receive.accept("SUBSCRIBE", "lim-f");
        assertThat(txs).extracting(tx -> tx.request().callId()).containsExactly("lim-a", "lim-b", "lim-d");
        assertThat(sent)
                .as("the retransmission, CANCEL, BYE and ACK were not refused")
                .filteredOn(s -> s.startsWith("SIP/2.0 503"))
                .containsExactly(
                        "SIP/2.0 503 Service Unavailable Call-ID: lim-c",
                        "SIP/2.0 503 Service Unavailable Call-ID: lim-f");
    }
}
