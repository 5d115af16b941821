package org.pstngw.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pstngw.conf.Secret;
import org.pstngw.conf.SipTransportConfig;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.CallListener;
import org.pstngw.sip.ua.ServerCall;
import org.pstngw.sip.ua.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher. Until the gateway's interworking function exists it starts the SIP stack as a UAS that answers every
 * call: 180 Ringing at once, 200 OK with a simple SDP after a short ring. Ctrl-C (SIGTERM) stops it cleanly.
 *
 * <pre>
 * options: --host ADDR        bind address (default 127.0.0.1; system property pstngw.sip.host)
 *          --port N           UDP and TCP port (default 5060; pstngw.sip.port; 0 = ephemeral)
 *          --tls-port N       TLS port (needs --keystore)
 *          --keystore FILE    PKCS12 keystore, password from --keystore-password or PSTNGW_KEYSTORE_PASSWORD
 *          --truststore FILE  truststore (same password rule, --truststore-password / PSTNGW_TRUSTSTORE_PASSWORD)
 *          --ring-ms N        ringing time before the answer (default 500)
 *          --t1-ms N          SIP timer T1 (default 500)
 *          --config FILE      configuration file (read by module conf once its loader exists)
 * </pre>
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        o.config().ifPresent(p -> LOG.info("configuration file {} given; typed configuration is not wired yet", p));
        TransportConfig transport = TransportConfig.udpAndTcp(o.host(), o.port());
        if (o.tlsPort() >= 0) {
            Path keystore = o.keystore().orElseThrow(() -> new IllegalArgumentException("--tls-port needs --keystore"));
            transport = transport.withTls(new SipTransportConfig(
                    SipTransportConfig.Protocol.TLS,
                    o.host(),
                    o.tlsPort(),
                    keystore.toString(),
                    new Secret(new String(o.keystorePassword())),
                    o.truststore().map(Path::toString).orElse(""),
                    new Secret(new String(o.truststorePassword())),
                    SipTransportConfig.ClientAuth.NONE));
        }
        TimerConfig timers = TimerConfig.DEFAULT.withBase(
                Duration.ofMillis(o.t1Millis()), TimerConfig.DEFAULT.t2(), TimerConfig.DEFAULT.t4());
        ScheduledExecutorService ringing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-ringing");
            t.setDaemon(true);
            return t;
        });
        SipUserAgent ua = SipUserAgent.start(
                new SipUserAgent.Config(transport, timers, "gw", 2), new AnsweringUas(ringing, o.ringMillis()));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping");
                            ua.close();
                            ringing.shutdownNow();
                            stop.countDown();
                        },
                        "shutdown"));
        LOG.info(
                "pstngw SIP UAS answering calls on udp {} tcp {}",
                ua.localAddress(TransportType.UDP).orElse(null),
                ua.localAddress(TransportType.TCP).orElse(null));
        stop.await();
    }

    /** Answers every call: 180, then 200 with an SDP after {@code ringMillis}. */
    static final class AnsweringUas implements CallListener {
        private final ScheduledExecutorService ringing;
        private final long ringMillis;

        AnsweringUas(ScheduledExecutorService ringing, long ringMillis) {
            this.ringing = ringing;
            this.ringMillis = ringMillis;
        }

        @Override
        public void onInvite(ServerCall call) {
            LOG.info("incoming call {}", call.callId());
            call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
            var _ = ringing.schedule(
                    () -> call.accept(Optional.of(Body.sdp(sdp()))), ringMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onBye(ServerCall call, org.pstngw.sip.ua.IncomingMessage bye) {
            LOG.info("call {} ended by BYE", call.callId());
        }

        private static String sdp() {
            return String.join(
                            "\r\n",
                            List.of(
                                    "v=0",
                                    "o=pstngw 1 1 IN IP4 127.0.0.1",
                                    "s=pstngw",
                                    "c=IN IP4 127.0.0.1",
                                    "t=0 0",
                                    "m=audio 40000 RTP/AVP 8 0 101",
                                    "a=rtpmap:8 PCMA/8000",
                                    "a=rtpmap:0 PCMU/8000",
                                    "a=rtpmap:101 telephone-event/8000",
                                    "a=sendrecv"))
                    + "\r\n";
        }
    }

    /** The command line, with system properties as defaults (passwords as char arrays, never logged). */
    @SuppressWarnings("ArrayRecordComponent")
    record Options(
            String host,
            int port,
            int tlsPort,
            Optional<Path> keystore,
            char[] keystorePassword,
            Optional<Path> truststore,
            char[] truststorePassword,
            long ringMillis,
            long t1Millis,
            Optional<Path> config) {

        static Options parse(String[] args) {
            String host = System.getProperty("pstngw.sip.host", "127.0.0.1");
            int port = Integer.getInteger("pstngw.sip.port", 5060);
            int tlsPort = -1;
            Path keystore = null;
            Path truststore = null;
            String ksPass = System.getenv().getOrDefault("PSTNGW_KEYSTORE_PASSWORD", "");
            String tsPass = System.getenv().getOrDefault("PSTNGW_TRUSTSTORE_PASSWORD", "");
            long ring = 500;
            long t1 = 500;
            Path config = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--tls-port" -> tlsPort = Integer.parseInt(v);
                    case "--keystore" -> keystore = Path.of(v);
                    case "--keystore-password" -> ksPass = v;
                    case "--truststore" -> truststore = Path.of(v);
                    case "--truststore-password" -> tsPass = v;
                    case "--ring-ms" -> ring = Long.parseLong(v);
                    case "--t1-ms" -> t1 = Long.parseLong(v);
                    case "--config" -> config = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return new Options(
                    host,
                    port,
                    tlsPort,
                    Optional.ofNullable(keystore),
                    ksPass.toCharArray(),
                    Optional.ofNullable(truststore),
                    tsPass.toCharArray(),
                    ring,
                    t1,
                    Optional.ofNullable(config));
        }
    }
}
