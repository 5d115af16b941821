package org.pstngw.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

/** The layer's routing of responses: a stream response whose connection is gone goes to the sent-by (18.2.2). */
class TransactionLayerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ManualScheduler clock = new ManualScheduler();
    private final List<Flow> attempts = new ArrayList<>();
    private final Executor direct = Runnable::run;

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
        String options = """
                OPTIONS sip:gw@127.0.0.1 SIP/2.0
                Via: SIP/2.0/TCP 127.0.0.1:5090;branch=z9hG4bKtcp1
                Max-Forwards: 70
                From: <sip:a@127.0.0.1>;tag=1
                To: <sip:gw@127.0.0.1>
                Call-ID: fb1
                CSeq: 1 OPTIONS
                Content-Length: 0

                """.replace("\n", "\r\n");
        new InboundProcessor(layer, id -> direct, sender)
                .onMessage(SipParser.parse(options.getBytes(StandardCharsets.UTF_8)), arrival);
        ServerTransaction tx = txs.getFirst();
        tx.respond(SipResponses.create(tx.request(), SipStatus.OK, "t1"));
        assertThat(attempts)
                .containsExactly(arrival, new Flow(TransportType.TCP, new InetSocketAddress("127.0.0.1", 5090)));
        assertThat(tx.state()).isEqualTo(ServerNonInviteState.TERMINATED);
    }
}
