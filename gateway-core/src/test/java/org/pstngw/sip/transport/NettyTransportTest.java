package org.pstngw.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.sip.message.ParseResult;
import org.pstngw.sip.message.SipLimits;

/** Real sockets on loopback: UDP, TCP and TLS, with connection reuse in both directions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyTransportTest {

    record Got(Flow flow, String text) {}

    @TempDir
    Path dir;

    private static NettyTransport transport(TransportConfig cfg, LinkedBlockingQueue<Got> inbox) throws Exception {
        NettyTransport t = new NettyTransport(cfg, (m, f) -> inbox.add(new Got(f, text(m))));
        t.start();
        return t;
    }

    private static String text(ParseResult m) {
        return m instanceof ParseResult.Parsed p ? p.message().callId() : "malformed: " + m;
    }

    /** A small request whose Call-ID is {@code id}. */
    private static byte[] msg(String id) {
        return ("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK" + id + "\r\n"
                        + "From: <sip:a@127.0.0.1>;tag=1\r\n"
                        + "To: <sip:x@127.0.0.1>\r\n"
                        + "Call-ID: " + id + "\r\n"
                        + "CSeq: 1 OPTIONS\r\n"
                        + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void udpAndTcpCarryMessagesAndTheAnswerReusesTheConnection() throws Exception {
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), serverInbox);
                var client = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), clientInbox)) {
            InetSocketAddress udp = server.localAddress(TransportType.UDP).orElseThrow();
            InetSocketAddress tcp = server.localAddress(TransportType.TCP).orElseThrow();

            client.send(new Flow(TransportType.UDP, udp), msg("ping-udp")).get(10, TimeUnit.SECONDS);
            Got u = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(u.text()).isEqualTo("ping-udp");
            assertThat(u.flow().remote().getPort())
                    .isEqualTo(
                            client.localAddress(TransportType.UDP).orElseThrow().getPort());

            client.send(new Flow(TransportType.TCP, tcp), msg("one")).get(10, TimeUnit.SECONDS);
            client.send(new Flow(TransportType.TCP, tcp), msg("two")).get(10, TimeUnit.SECONDS);
            Got one = serverInbox.poll(10, TimeUnit.SECONDS);
            Got two = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(one.text()).isEqualTo("one");
            assertThat(two.text()).isEqualTo("two");
            assertThat(two.flow()).isEqualTo(one.flow());
            assertThat(client.connectionCount()).isEqualTo(1);

            server.send(one.flow(), msg("answer")).get(10, TimeUnit.SECONDS);
            Got answer = clientInbox.poll(10, TimeUnit.SECONDS);
            assertThat(answer.text()).isEqualTo("answer");
            assertThat(answer.flow()).isEqualTo(new Flow(TransportType.TCP, tcp));
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void tlsWithKeystoreAndTruststoreFromConfiguration() throws Exception {
        var stores = SelfSignedKeystore.create(dir);
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        TransportConfig cfg = new TransportConfig(List.of(stores.listener(0)), SipLimits.DEFAULT, SipLimits.DEFAULT, 1);
        try (var server = transport(cfg, serverInbox);
                var client = transport(cfg, clientInbox)) {
            InetSocketAddress addr = server.localAddress(TransportType.TLS).orElseThrow();
            client.send(new Flow(TransportType.TLS, addr), msg("secret")).get(10, TimeUnit.SECONDS);
            Got got = serverInbox.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got.text()).isEqualTo("secret");
            assertThat(got.flow().transport()).isEqualTo(TransportType.TLS);
            server.send(got.flow(), msg("back")).get(10, TimeUnit.SECONDS);
            assertThat(clientInbox.poll(10, TimeUnit.SECONDS).text()).isEqualTo("back");
        }
    }

    @Test
    void tlsRefusesAServerWhoseCertificateNamesAnotherHost() throws Exception {
        var stores = SelfSignedKeystore.forName(dir, "carrier-sbc.example.net");
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        TransportConfig cfg = new TransportConfig(List.of(stores.listener(0)), SipLimits.DEFAULT, SipLimits.DEFAULT, 1);
        try (var server = transport(cfg, serverInbox);
                var client = transport(cfg, clientInbox)) {
            InetSocketAddress addr = server.localAddress(TransportType.TLS).orElseThrow();
            CompletableFuture<Void> sent = client.send(new Flow(TransportType.TLS, addr), msg("to-the-wrong-host"));
            assertThat(sent)
                    .as("trusted certificate, but for carrier-sbc.example.net, not 127.0.0.1")
                    .failsWithin(10, TimeUnit.SECONDS);
            assertThat(serverInbox.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void tlsWithoutKeystoreIsATransportErrorAndLeavesNoConnection() throws Exception {
        var inbox = new LinkedBlockingQueue<Got>();
        try (var client = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), inbox)) {
            CompletableFuture<Void> f = client.send(
                    new Flow(TransportType.TLS, new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5061)),
                    msg("x"));
            assertThat(f)
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("TLS not configured");
            assertThat(client.connectionCount()).isZero();
        }
    }

    @Test
    void aNamedDestinationIsResolvedOffTheCallersThreadAndAnUnknownNameIsATransportError() throws Exception {
        var serverInbox = new LinkedBlockingQueue<Got>();
        var clientInbox = new LinkedBlockingQueue<Got>();
        var lookups = new LinkedBlockingQueue<Thread>();
        NettyTransport.NameLookup system = host -> {
            lookups.add(Thread.currentThread());
            return java.net.InetAddress.getByName(host);
        };
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), serverInbox);
                var client = new NettyTransport(
                        TransportConfig.udpAndTcp("127.0.0.1", 0),
                        (m, f) -> clientInbox.add(new Got(f, text(m))),
                        system)) {
            client.start();
            int port = server.localAddress(TransportType.UDP).orElseThrow().getPort();
            client.send(
                            new Flow(TransportType.UDP, InetSocketAddress.createUnresolved("localhost", port)),
                            msg("named"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(serverInbox.poll(10, TimeUnit.SECONDS).text()).isEqualTo("named");
            CompletableFuture<Void> unknown = client.send(
                    new Flow(TransportType.UDP, InetSocketAddress.createUnresolved("no-such-host.invalid", port)),
                    msg("lost"));
            assertThat(unknown)
                    .failsWithin(30, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("cannot resolve no-such-host.invalid");
            assertThat(lookups).hasSize(2).allSatisfy(t -> {
                assertThat(t.isVirtual()).isTrue();
                assertThat(t.getName()).startsWith("sip-dns-");
                assertThat(t).isNotSameAs(Thread.currentThread());
            });
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

    /**
     * 18.2.2 on the real transport: a response goes on the request's open connection; once the client has closed it,
     * {@code sendOnExisting} fails at once and opens no connection to the client's ephemeral port, where {@code send}
     * would connect.
     */
    @Test
    void aResponseGoesOnlyOnTheOpenConnectionAndNeverConnectsToTheEphemeralPort() throws Exception {
        var inbox = new LinkedBlockingQueue<Got>();
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0), inbox)) {
            Flow flow;
            try (var socket = new java.net.Socket(
                    java.net.InetAddress.getLoopbackAddress(),
                    server.localAddress(TransportType.TCP).orElseThrow().getPort())) {
                socket.getOutputStream().write(msg("over-tcp"));
                socket.getOutputStream().flush();
                Got got = inbox.poll(10, TimeUnit.SECONDS);
                assertThat(got.text()).isEqualTo("over-tcp");
                flow = got.flow();
                server.sendOnExisting(flow, msg("answer")).get(10, TimeUnit.SECONDS);
                socket.setSoTimeout(10_000);
                byte[] first = new byte[7];
                assertThat(socket.getInputStream().readNBytes(first, 0, 7)).isEqualTo(7);
                assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("OPTIONS");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.connectionCount()).isZero();
            assertThat(server.sendOnExisting(flow, msg("late")))
                    .failsWithin(1, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("no open connection to " + flow);
            assertThat(server.connectionCount()).isZero();
        }
    }

    /** M7: beyond the connection limit an accepted connection is closed at once and no new one is opened. */
    @Test
    void connectionsBeyondTheLimitAreClosedAndNotOpened() throws Exception {
        var inbox = new LinkedBlockingQueue<Got>();
        try (var server = transport(TransportConfig.udpAndTcp("127.0.0.1", 0).withMaxConnections(2), inbox);
                var one = new java.net.Socket(
                        java.net.InetAddress.getLoopbackAddress(),
                        server.localAddress(TransportType.TCP).orElseThrow().getPort());
                var two = new java.net.Socket(
                        java.net.InetAddress.getLoopbackAddress(),
                        server.localAddress(TransportType.TCP).orElseThrow().getPort())) {
            one.getOutputStream().write(msg("first"));
            two.getOutputStream().write(msg("second"));
            assertThat(List.of(
                            inbox.poll(10, TimeUnit.SECONDS).text(),
                            inbox.poll(10, TimeUnit.SECONDS).text()))
                    .containsExactlyInAnyOrder("first", "second");
            assertThat(server.connectionCount()).isEqualTo(2);
            try (var three = new java.net.Socket(
                    java.net.InetAddress.getLoopbackAddress(),
                    server.localAddress(TransportType.TCP).orElseThrow().getPort())) {
                three.setSoTimeout(10_000);
                assertThat(three.getInputStream().read())
                        .as("closed by the server")
                        .isEqualTo(-1);
            }
            int closed;
            try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            assertThat(server.send(
                            new Flow(
                                    TransportType.TCP,
                                    new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), closed)),
                            msg("out")))
                    .failsWithin(5, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("connections open (the limit)");
            assertThat(server.connectionCount()).isEqualTo(2);
            one.getOutputStream().write(msg("still-served"));
            assertThat(inbox.poll(10, TimeUnit.SECONDS).text()).isEqualTo("still-served");
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
            assertThat(inbox.poll(10, TimeUnit.SECONDS).text()).contains("header section exceeds 600 bytes");
            assertThat(inbox).isEmpty();
        }
    }
}
