package org.pstngw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.conf.GatewayConfigLoader;
import org.pstngw.conf.SipConfig;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.ua.SipUserAgent;

/** The launcher's command line and configuration handling, and the mapping of conf's sip section onto the stack. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void configurationErrorsArePrintedAsFileLineColumnFieldMessageWithExitCode2() throws Exception {
        Path file = dir.resolve("gw.yaml");
        Files.writeString(file, "sip:\n  t1: 5min\n  uas-demo:\n    enabled: sure\n");
        Main.Launch launch = Main.launch(new String[] {"--config", file.toString()}, err);
        assertThat(launch).isEqualTo(new Main.Launch.Failed(2));
        assertThat(err().lines())
                .containsExactly(
                        file + ":2:7: sip.t1: 5min is out of range 100ms..10s",
                        file + ":4:14: sip.uas-demo.enabled: 'sure' is not true or false");
    }

    @Test
    void anUnreadableFileAndABadCommandLineAreExitCode2() {
        Path missing = dir.resolve("missing.yaml");
        assertThat(Main.launch(new String[] {"--config", missing.toString()}, err))
                .isEqualTo(new Main.Launch.Failed(2));
        assertThat(err()).startsWith(missing + ": cannot read");
        assertThat(Main.launch(new String[] {"--port", "70000"}, err)).isEqualTo(new Main.Launch.Failed(2));
        assertThat(Main.launch(new String[] {"--verbose"}, err)).isEqualTo(new Main.Launch.Failed(2));
        assertThat(err()).contains("--port 70000 is out of range", "unknown option --verbose", Options.USAGE);
    }

    @Test
    void theEmbeddedDefaultAnswersCallsWithTheDemoUas() {
        SipConfig sip = GatewayConfigLoader.defaults().sip();
        assertThat(sip.uasDemo().enabled()).isTrue();
        assertThat(sip.uasDemo().answerDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void confsSipSectionIsTheStacksOnlyDefinitionOfTransportsLimitsAndTimers() {
        SipConfig sip = GatewayConfigLoader.parse("""
                        sip:
                          transports:
                            - {protocol: udp, bind-address: 127.0.0.1, port: 5070}
                            - {protocol: tcp, bind-address: 127.0.0.1, port: 5071}
                          t1: 250ms
                          t2: 2s
                          t4: 3s
                          max-message-size: 9000
                          max-udp-message-size: 4000
                          max-headers: 60
                          user-agent: pstngw-test
                          contact-host: gw.example.net
                          rel100: required
                        """, "gw.yaml").sip();
        SipUserAgent.Config c = SipUserAgent.Config.from(sip, "gw", 2, 3);
        TransportConfig t = c.transport();
        assertThat(t.listeners()).isEqualTo(sip.transports());
        assertThat(t.streamLimits().maxMessageSize()).isEqualTo(9000);
        assertThat(t.datagramLimits().maxMessageSize()).isEqualTo(4000);
        assertThat(t.streamLimits().maxHeaders()).isEqualTo(60);
        assertThat(c.timers().t1()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.timers().t2()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.timers().t4()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.timers().timeout64T1()).isEqualTo(Duration.ofSeconds(16));
        assertThat(c.settings().rel100()).isEqualTo(SipConfig.Rel100.REQUIRED);
        assertThat(c.settings().userAgent()).isEqualTo("pstngw-test");
        assertThat(c.settings().contactHost()).isEqualTo("gw.example.net");
        assertThat(TimerConfig.DEFAULT.t1())
                .isEqualTo(GatewayConfigLoader.defaults().sip().t1());
        assertThat(SipStack.onPort(sip, 0).transports())
                .allSatisfy(l -> assertThat(l.port()).isZero());
        assertThat(SipStack.onPort(sip, 0).t1()).isEqualTo(sip.t1());
    }

    @Test
    void aPortInUseIsExitCode1() throws Exception {
        try (var taken = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Main.Launch launch = Main.launch(new String[] {"--port", Integer.toString(taken.getLocalPort())}, err);
            assertThat(launch).isEqualTo(new Main.Launch.Failed(1));
            assertThat(err()).startsWith("pstngw: the SIP stack cannot start");
        }
    }

    /** The demo UAS's SDP never carries a wildcard address (c=IN IP4 0.0.0.0 means hold, RFC 3264 8.4). */
    @Test
    void theDemoSdpHostIsNeverTheWildcardTheListenerIsBoundTo() {
        SipConfig wildcard = GatewayConfigLoader.parse(
                        "sip:\n  transports:\n    - protocol: udp\n      bind-address: 0.0.0.0\n      port: 5060\n",
                        "gw.yaml")
                .sip();
        assertThat(SipStack.sdpHost(wildcard)).isNotEqualTo("0.0.0.0").isNotBlank();
        SipConfig bound = GatewayConfigLoader.parse(
                        "sip:\n  transports:\n    - protocol: udp\n      bind-address: 192.0.2.5\n      port: 5060\n",
                        "gw.yaml")
                .sip();
        assertThat(SipStack.sdpHost(bound)).isEqualTo("192.0.2.5");
    }
}
