package org.pstngw.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;
import org.pstngw.conf.ConfigError;
import org.pstngw.conf.ConfigException;
import org.pstngw.conf.GatewayConfig;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher: loads the configuration ({@code --config FILE} through module conf, else its embedded default), starts
 * the SIP stack it describes and runs until stopped (Ctrl-C, SIGTERM). Until the gateway's interworking function exists
 * the embedded default runs the SIP stack as a UAS that answers every call ({@code sip.uas-demo}). Exit codes: 0 after a
 * clean stop, 2 for a bad command line or configuration (every defect printed as {@code file:line:column: field:
 * message}), 1 when the stack cannot start (a port in use, an unreadable keystore).
 *
 * <pre>
 * ./mvnw -Prun                                        the embedded default
 * ./mvnw -Prun -Dpstngw.args="--config gw.yaml"       a configuration file
 * ./mvnw -Prun -Dpstngw.args="--port 5070"            the embedded default on another port
 * </pre>
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    /** A bad command line or configuration. */
    static final int EXIT_CONFIG = 2;

    /** The stack could not start. */
    static final int EXIT_START = 1;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.err);
        if (launch instanceof Launch.Failed f) {
            System.exit(f.exitCode());
            return;
        }
        SipStack stack = ((Launch.Started) launch).stack();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping");
                            stack.close();
                            stop.countDown();
                        },
                        "shutdown"));
        stop.await();
    }

    /** What starting the gateway gave. */
    sealed interface Launch {
        record Started(SipStack stack) implements Launch {}

        record Failed(int exitCode) implements Launch {}
    }

    /** Parses the command line, loads the configuration, starts the stack; defects go to {@code err}. */
    static Launch launch(String[] args, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("pstngw: " + e.getMessage());
            err.println(Options.USAGE);
            return new Launch.Failed(EXIT_CONFIG);
        }
        GatewayConfig config;
        try {
            config = options.config().map(GatewayConfigLoader::load).orElseGet(GatewayConfigLoader::defaults);
        } catch (ConfigException e) {
            for (ConfigError error : e.errors()) {
                err.println(error);
            }
            return new Launch.Failed(EXIT_CONFIG);
        }
        try {
            SipStack stack = SipStack.start(config, options.port());
            LOG.info(
                    "pstngw {} from {}: SIP on udp {} tcp {} tls {}; {}",
                    config.node().name(),
                    options.config().map(Object::toString).orElse("the embedded default"),
                    stack.localAddress(TransportType.UDP).map(Object::toString).orElse("-"),
                    stack.localAddress(TransportType.TCP).map(Object::toString).orElse("-"),
                    stack.localAddress(TransportType.TLS).map(Object::toString).orElse("-"),
                    stack.answering()
                            ? "the demo UAS answers every call (sip.uas-demo)"
                            : "no call handling yet: INVITEs get 480");
            return new Launch.Started(stack);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch.Failed(EXIT_START);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("pstngw: the SIP stack cannot start: " + e.getMessage());
            LOG.error("start failed", e);
            return new Launch.Failed(EXIT_START);
        }
    }
}
