package org.pstngw.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real sockets on loopback: UDP, TCP and TLS, with connection reuse in both directions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyTransportTest {

    /** Test framing: a message ends at its empty line (these tests send no bodies). */
    static final StreamFraming HEADER_ONLY = (ByteBuffer view, int max) -> {
        for (int i = view.position(); i + 3 < view.limit(); i++) {
            if (view.get(i) == '\r' && view.get(i + 1) == '\n' && view.get(i + 2) == '\r' && view.get(i + 3) == '\n') {
                return new StreamFraming.Frame.Complete(i + 4 - view.position());
            }
        }
        return new StreamFraming.Frame.Incomplete();
    };

    record Got(Flow flow, String text) {}

    @TempDir
    Path dir;

    private static NettyTransport transport(TransportConfig cfg, LinkedBlockingQueue<Got> inbox) throws Exception {
        NettyTransport t = new NettyTransport(
                cfg, HEADER_ONLY, (b, f) -> inbox.add(new Got(f, new String(b, StandardCharsets.UTF_8))));
        t.start();
        return t;
    }

    private static byte[] msg(String s) {
        return (s + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void udpAndTcpCarryMessagesAndTheAnswerReusesTheConnection() throws Exception {
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), serverInbox);
                var client = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), clientInbox)) {
            InetSocketAddress udp = server.localAddress(TransportType.UDP).orElseThrow();
            InetSocketAddress tcp = server.localAddress(TransportType.TCP).orElseThrow();

            client.send(new Flow(TransportType.UDP, udp), msg("PING udp")).get(10, TimeUnit.SECONDS);
            Got u = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(u.text()).isEqualTo("PING udp\r\n\r\n");
            assertThat(u.flow().remote().getPort())
                    .isEqualTo(
                            client.localAddress(TransportType.UDP).orElseThrow().getPort());

            client.send(new Flow(TransportType.TCP, tcp), msg("ONE")).get(10, TimeUnit.SECONDS);
            client.send(new Flow(TransportType.TCP, tcp), msg("TWO")).get(10, TimeUnit.SECONDS);
            Got one = serverInbox.poll(10, TimeUnit.SECONDS);
            Got two = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(one.text()).startsWith("ONE");
            assertThat(two.text()).startsWith("TWO");
            assertThat(two.flow()).isEqualTo(one.flow());
            assertThat(client.connectionCount()).isEqualTo(1);

            server.send(one.flow(), msg("ANSWER")).get(10, TimeUnit.SECONDS);
            Got answer = clientInbox.poll(10, TimeUnit.SECONDS);
            assertThat(answer.text()).startsWith("ANSWER");
            assertThat(answer.flow()).isEqualTo(new Flow(TransportType.TCP, tcp));
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void tlsWithKeystoreAndTruststoreFromConfiguration() throws Exception {
        var stores = SelfSignedKeystore.create(dir);
        TlsSettings tls = new TlsSettings(
                stores.keyStore(),
                SelfSignedKeystore.PASSWORD,
                Optional.of(stores.trustStore()),
                SelfSignedKeystore.PASSWORD,
                false);
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        TransportConfig cfg = new TransportConfig("127.0.0.1", -1, -1, 0, 65_535, Optional.of(tls), 1);
        try (var server = transport(cfg, serverInbox);
                var client = transport(cfg, clientInbox)) {
            InetSocketAddress addr = server.localAddress(TransportType.TLS).orElseThrow();
            client.send(new Flow(TransportType.TLS, addr), msg("SECRET")).get(10, TimeUnit.SECONDS);
            Got got = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.text()).startsWith("SECRET");
            assertThat(got.flow().transport()).isEqualTo(TransportType.TLS);
            server.send(got.flow(), msg("BACK")).get(10, TimeUnit.SECONDS);
            assertThat(clientInbox.poll(10, TimeUnit.SECONDS).text()).startsWith("BACK");
        }
    }

    @Test
    void aRefusedConnectionIsATransportError() throws Exception {
        var inbox = new LinkedBlockingQueue<Got>();
        try (var client = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), inbox)) {
            int closed;
            try (var s = new java.net.ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            CompletableFuture<Void> f = client.send(
                    new Flow(
                            TransportType.TCP,
                            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), closed)),
                    msg("X"));
            assertThat(f).failsWithin(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOversizedStreamIsClosed() throws Exception {
        var inbox = new LinkedBlockingQueue<Got>();
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0).withMaxMessageSize(600), inbox);
                var socket = new java.net.Socket(
                        java.net.InetAddress.getLoopbackAddress(),
                        server.localAddress(TransportType.TCP).orElseThrow().getPort())) {
            socket.getOutputStream().write("A".repeat(700).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).as("server closes").isEqualTo(-1);
            assertThat(inbox).isEmpty();
        }
    }
}
