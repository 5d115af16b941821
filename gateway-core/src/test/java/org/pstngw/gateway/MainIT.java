package org.pstngw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.ClientCall;
import org.pstngw.sip.ua.ClientCallListener;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.SipUserAgent;

/**
 * The launcher's wiring from the embedded configuration, on port 0: a call placed to it over UDP and over TCP rings,
 * is answered with the demo UAS's SDP, and ends with our BYE.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainIT {

    private static final class Call implements ClientCallListener {
        final CompletableFuture<Integer> ringing = new CompletableFuture<>();
        final CompletableFuture<String> answer = new CompletableFuture<>();
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        @Override
        public void onProvisional(ClientCall call, IncomingMessage response) {
            ringing.complete(response.status().orElseThrow().code());
        }

        @Override
        public void onAnswered(ClientCall call, IncomingMessage response) {
            answer.complete(response.body().map(Body::text).orElse(""));
            call.hangup(List.of(), Optional.empty());
        }

        @Override
        public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
            answer.completeExceptionally(new AssertionError("rejected " + status));
        }

        @Override
        public void onEnded(ClientCall call) {
            ended.complete(null);
        }
    }

    @Test
    void theEmbeddedDefaultStartsAsAUasThatAnswersCalls() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.Launch launch =
                Main.launch(new String[] {"--port", "0"}, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(launch).as(err.toString(StandardCharsets.UTF_8)).isInstanceOf(Main.Launch.Started.class);
        try (SipStack gateway = ((Main.Launch.Started) launch).stack();
                SipUserAgent caller = SipUserAgent.start(
                        new SipUserAgent.Config(
                                TransportConfig.udpAndTcp("127.0.0.1", 0), TimerConfig.DEFAULT, "caller", 1),
                        c -> {})) {
            assertThat(gateway.answering()).isTrue();
            for (TransportType t : List.of(TransportType.UDP, TransportType.TCP)) {
                int port = gateway.localAddress(t).orElseThrow().getPort();
                String target = "sip:gw@127.0.0.1:" + port + (t == TransportType.TCP ? ";transport=tcp" : "");
                Call call = new Call();
                caller.invite(
                                target,
                                "<sip:caller@127.0.0.1>",
                                "<sip:gw@127.0.0.1>",
                                Optional.of(Body.sdp("v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\n")),
                                List.of(),
                                call)
                        .get(10, TimeUnit.SECONDS);
                assertThat(call.ringing.get(10, TimeUnit.SECONDS)).isEqualTo(180);
                assertThat(call.answer.get(10, TimeUnit.SECONDS)).contains("m=audio 40000 RTP/AVP 8 0 101");
                call.ended.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
