package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.pstngw.sip.ua.CallListener;
import org.pstngw.sip.ua.ClientCall;
import org.pstngw.sip.ua.ClientCallListener;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.ServerCall;
import org.pstngw.sip.ua.SipUserAgent;

/**
 * Where calls go, over real sockets: a host name is resolved by the transport off the call lane (the call to
 * {@code localhost} is answered), an unknown name and a sips target without TLS configured are transport errors
 * reported as 503, and neither leaves a transaction behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DestinationsIT {
    /** T1 100 ms: the answered INVITE's Accepted state (64*T1) and timer K end within seconds. */
    private static final TimerConfig FAST =
            TimerConfig.DEFAULT.withBase(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private static SipUserAgent ua(CallListener listener) throws Exception {
        return SipUserAgent.start(
                new SipUserAgent.Config(TransportConfig.udpAndTcp("127.0.0.1", 0), FAST, "gw", 1), listener);
    }

    private static final class Outcome implements ClientCallListener {
        final CompletableFuture<String> result = new CompletableFuture<>();

        @Override
        public void onAnswered(ClientCall call, IncomingMessage response) {
            result.complete("answered");
            call.hangup(List.of(), Optional.empty());
        }

        @Override
        public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
            result.complete("rejected " + status.code());
        }
    }

    private static String call(SipUserAgent ua, String target) throws Exception {
        Outcome o = new Outcome();
        ua.invite(target, "<sip:a@127.0.0.1>", "<sip:b@127.0.0.1>", Optional.of(Body.sdp("v=0\r\n")), List.of(), o)
                .get(10, TimeUnit.SECONDS);
        return o.result.get(30, TimeUnit.SECONDS);
    }

    @Test
    void namesAreResolvedOffTheLaneAndFailuresAre503WithoutLeaks() throws Exception {
        CallListener answer = new CallListener() {
            @Override
            public void onInvite(ServerCall call) {
                call.accept(Optional.of(Body.sdp("v=0\r\n")));
            }
        };
        try (SipUserAgent server = ua(answer);
                SipUserAgent client = ua(c -> {})) {
            int port = server.localAddress(TransportType.UDP).orElseThrow().getPort();
            assertThat(call(client, "sip:gw@localhost:" + port)).isEqualTo("answered");
            assertThat(call(client, "sip:gw@no-such-host.invalid:" + port)).isEqualTo("rejected 503");
            assertThat(call(client, "sips:gw@127.0.0.1:" + port)).isEqualTo("rejected 503");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (client.transactions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(client.transactions()).as("no transaction left behind").isZero();
        }
    }
}
