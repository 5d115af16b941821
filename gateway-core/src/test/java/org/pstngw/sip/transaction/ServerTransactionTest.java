package org.pstngw.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipParser;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.timer.ManualScheduler;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;

/**
 * A TU that responds from inside one of the transaction's own callbacks (while its machine runs a transition): the
 * response is queued with its event and sent after the transition, not lost. And a client transaction whose transport
 * throws at once is reported as a transport error and leaves nothing in the table.
 */
class ServerTransactionTest {
    private static final Flow PEER =
            new Flow(TransportType.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 5070));
    private final ManualScheduler clock = new ManualScheduler();
    private final Executor direct = Runnable::run;
    private final List<String> sent = new ArrayList<>();

    private static SipRequest request(String method, String branch) {
        String text = method + " sip:gw@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:gw@127.0.0.1>;tag=2\r\n"
                + "Call-ID: st1\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) ((ParseResult.Parsed) SipParser.parse(text.getBytes(StandardCharsets.UTF_8))).message();
    }

    @Test
    void aResponsePassedFromInsideATransitionIsSentAfterIt() {
        Sender sender = (flow, bytes) -> {
            sent.add(new String(bytes, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElseThrow());
            return CompletableFuture.completedFuture(null);
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, sender);
        List<ServerTransaction> txs = new ArrayList<>();
        layer.user(new TransactionLayer.User() {
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
        });
        SipRequest invite = request("INVITE", "z9hG4bKst1");
        layer.onRequest(invite, PEER);
        ServerTransaction tx = txs.getFirst();
        SipResponse ok = SipResponses.create(invite, SipStatus.OK, null);
        tx.listener(new ServerTransaction.Listener() {
            @Override
            public void onAck(ServerTransaction t, SipRequest ack) {
                assertThat(t.respond(ok))
                        .as("queued behind the running transition")
                        .isTrue();
            }
        });
        assertThat(tx.respond(ok)).isTrue();
        layer.onRequest(request("ACK", "z9hG4bKst1"), PEER);
        assertThat(sent).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 200 OK", "SIP/2.0 200 OK");
        assertThat(tx.lastResponse()).isSameAs(ok);
    }

    @Test
    void aTransportThatThrowsAtOnceIsATransportErrorAndLeavesNoTransaction() {
        Sender throwing = (flow, bytes) -> {
            throw new IllegalStateException("no such transport");
        };
        TransactionLayer layer = new TransactionLayer(TimerConfig.DEFAULT, clock, id -> direct, throwing);
        List<String> heard = new ArrayList<>();
        layer.send(request("OPTIONS", "z9hG4bKc1"), PEER, new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                heard.add("response");
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                heard.add("timeout");
            }

            @Override
            public void onTransportError(ClientTransaction tx) {
                heard.add("transport error " + tx.request().method());
            }
        });
        assertThat(heard).containsExactly("transport error OPTIONS");
        assertThat(layer.size()).isZero();
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(heard).hasSize(1);
    }
}
