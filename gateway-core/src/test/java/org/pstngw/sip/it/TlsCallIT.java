package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.SelfSignedKeystore;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.CallListener;
import org.pstngw.sip.ua.ClientCall;
import org.pstngw.sip.ua.ClientCallListener;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.ServerCall;
import org.pstngw.sip.ua.SipUserAgent;

/** A whole call between two of our agents over TLS (keystore and truststore from configuration), with INFO. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsCallIT {

    @TempDir
    Path dir;

    @Test
    void callOverTlsWithInfoAndBye() throws Exception {
        var stores = SelfSignedKeystore.create(dir);
        TransportConfig cfg = TransportConfig.udpAndTcp("127.0.0.1", 0).withTls(stores.listener(0));
        CompletableFuture<String> info = new CompletableFuture<>();
        CompletableFuture<String> bye = new CompletableFuture<>();
        CallListener uas = new CallListener() {
            @Override
            public void onInvite(ServerCall call) {
                call.accept(Optional.of(Body.sdp("v=0\r\n")));
            }

            @Override
            public void onInfo(ServerCall call, IncomingMessage message) {
                info.complete(message.body()
                        .map(b -> b.contentType() + "|" + b.text())
                        .orElse(""));
            }

            @Override
            public void onBye(ServerCall call, IncomingMessage message) {
                bye.complete(message.header("Reason").orElse(""));
            }
        };
        try (SipUserAgent server = SipUserAgent.start(new SipUserAgent.Config(cfg, TimerConfig.DEFAULT, "gw", 1), uas);
                SipUserAgent client =
                        SipUserAgent.start(new SipUserAgent.Config(cfg, TimerConfig.DEFAULT, "gw", 1), c -> {})) {
            int port = server.localAddress(TransportType.TLS).orElseThrow().getPort();
            CompletableFuture<ClientCall> answered = new CompletableFuture<>();
            CompletableFuture<Void> ended = new CompletableFuture<>();
            client.invite(
                            "sip:gw@127.0.0.1:" + port + ";transport=tls",
                            "<sip:caller@127.0.0.1>",
                            "<sip:gw@127.0.0.1>",
                            Optional.of(Body.sdp("v=0\r\n")),
                            List.of(),
                            new ClientCallListener() {
                                @Override
                                public void onAnswered(ClientCall call, IncomingMessage response) {
                                    answered.complete(call);
                                }

                                @Override
                                public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
                                    answered.completeExceptionally(new AssertionError("rejected " + status));
                                }

                                @Override
                                public void onEnded(ClientCall call) {
                                    ended.complete(null);
                                }
                            })
                    .get(10, TimeUnit.SECONDS);
            ClientCall call = answered.get(20, TimeUnit.SECONDS);
            call.sendInfo(new Body("application/isup; version=itu-t92+", new byte[] {0x01, 0x02}));
            assertThat(info.get(20, TimeUnit.SECONDS)).startsWith("application/isup; version=itu-t92+|");
            call.hangup(List.of(new org.pstngw.sip.ua.Header("Reason", "Q.850;cause=16")), Optional.empty());
            assertThat(bye.get(20, TimeUnit.SECONDS)).isEqualTo("Q.850;cause=16");
            ended.get(20, TimeUnit.SECONDS);
        }
    }
}
