package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.CallListener;
import org.pstngw.sip.ua.ClientCall;
import org.pstngw.sip.ua.ClientCallListener;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.ServerCall;
import org.pstngw.sip.ua.SipUserAgent;

/** Interop over real sockets with SIPp's built-in scenarios: its uac against our UAS, our UAC against its uas. */
class SippInteropIT {
    private static final int CALLS = 50;
    private static final String SDP = """
            v=0
            o=gw 1 1 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 40000 RTP/AVP 8
            a=rtpmap:8 PCMA/8000
            """.replace("\n", "\r\n");

    @TempDir
    Path dir;

    private static final CallListener ANSWER = new CallListener() {
        @Override
        public void onInvite(ServerCall call) {
            call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
            call.accept(Optional.of(Body.sdp(SDP)));
        }
    };

    private SipUserAgent ua(int port) throws Exception {
        return SipUserAgent.start(
                new SipUserAgent.Config(TransportConfig.udpAndTcp("127.0.0.1", port), TimerConfig.DEFAULT, "gw", 2),
                ANSWER);
    }

    private void sippUacCallsOurUas(String transport) throws Exception {
        int port = Sipp.freePort();
        try (SipUserAgent ua = ua(port)) {
            IntFunction<List<String>> args = local -> {
                List<String> a = new ArrayList<>(List.of(
                        "-sn",
                        "uac",
                        "127.0.0.1:" + port,
                        "-i",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(local),
                        "-r",
                        "20",
                        "-m",
                        Integer.toString(CALLS),
                        "-timeout",
                        "60s",
                        "-timeout_error"));
                if (transport.equals("tcp")) {
                    a.addAll(List.of("-t", "t1"));
                }
                return a;
            };
            Files.createDirectories(dir);
            Sipp.Result r = Sipp.runOnFreePort(dir, args, 90);
            assertThat(r.exitCode())
                    .as("sipp exit code; screen:\n%s", r.screen())
                    .isZero();
            assertThat(r.successful()).as(r.screen()).isEqualTo(CALLS);
            assertThat(r.failed()).as(r.screen()).isZero();
            nothingLeft(ua);
        }
    }

    /**
     * After the run our side holds no transaction and no dialog: each one ends, at the latest when the 64*T1 of timers
     * L, M and J (32 s with the default T1) have run out.
     */
    private static void nothingLeft(SipUserAgent ua) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while ((ua.transactions() > 0 || ua.dialogs() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ua.transactions()).as("transactions left on our side").isZero();
        assertThat(ua.dialogs()).as("dialogs left on our side").isZero();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sippUacPlacesCallsToOurUasOverUdp() throws Exception {
        sippUacCallsOurUas("udp");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void sippUacPlacesCallsToOurUasOverTcp() throws Exception {
        sippUacCallsOurUas("tcp");
    }

    private void ourUacCallsSippUas(String transport) throws Exception {
        IntFunction<List<String>> args = local -> {
            List<String> a = new ArrayList<>(List.of(
                    "-sn",
                    "uas",
                    "-i",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(local),
                    "-bind_local",
                    "-m",
                    Integer.toString(CALLS),
                    "-timeout",
                    "90s",
                    "-timeout_error"));
            if (transport.equals("tcp")) {
                a.addAll(List.of("-t", "t1"));
            }
            return a;
        };
        Files.createDirectories(dir);
        Sipp.Started started = Sipp.startBound(dir, args, transport.equals("tcp"));
        Process sipp = started.process();
        int sippPort = started.port();
        try (SipUserAgent ua = ua(Sipp.freePort())) {
            CountDownLatch done = new CountDownLatch(CALLS);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ClientCallListener listener = new ClientCallListener() {
                @Override
                public void onAnswered(ClientCall call, IncomingMessage response) {
                    answered.incrementAndGet();
                    call.hangup(List.of(), Optional.empty());
                }

                @Override
                public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
                    failures.add(call.callId() + " " + status);
                    done.countDown();
                }

                @Override
                public void onEnded(ClientCall call) {
                    ended.incrementAndGet();
                    done.countDown();
                }
            };
            String suffix = transport.equals("tcp") ? ";transport=tcp" : "";
            for (int i = 0; i < CALLS; i++) {
                ua.invite(
                                "sip:service@127.0.0.1:" + sippPort + suffix,
                                "<sip:gw@127.0.0.1>",
                                "<sip:service@127.0.0.1:" + sippPort + ">",
                                Optional.of(Body.sdp(SDP)),
                                List.of(),
                                listener)
                        .get(10, TimeUnit.SECONDS);
                Thread.sleep(20);
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all calls ended").isTrue();
            assertThat(failures).isEmpty();
            assertThat(answered.get()).isEqualTo(CALLS);
            assertThat(ended.get()).isEqualTo(CALLS);
            Sipp.Result r = Sipp.await(sipp, dir, 60);
            assertThat(r.exitCode())
                    .as("sipp exit code; screen:\n%s", r.screen())
                    .isZero();
            assertThat(r.successful()).as(r.screen()).isEqualTo(CALLS);
            assertThat(r.failed()).as(r.screen()).isZero();
            nothingLeft(ua);
        } finally {
            if (sipp.isAlive()) {
                sipp.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void ourUacPlacesCallsToSippUasOverUdp() throws Exception {
        ourUacCallsSippUas("udp");
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void ourUacPlacesCallsToSippUasOverTcp() throws Exception {
        ourUacCallsSippUas("tcp");
    }
}
