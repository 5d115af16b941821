package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.SipUserAgent;

/** Garbage and malformed requests over real UDP and TCP sockets: 400 naming the defect, and the stack keeps serving. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MalformedInputIT {
    private SipUserAgent ua;

    @BeforeEach
    void start() throws Exception {
        ua = SipUserAgent.start(
                new SipUserAgent.Config(TransportConfig.udpAndTcp("127.0.0.1", 0), TimerConfig.DEFAULT, "gw", 1),
                call -> {});
    }

    @AfterEach
    void stop() {
        ua.close();
    }

    private static String request(String method, String transport, int localPort, String cseq, String branch) {
        return method + " sip:gw@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + localPort + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:gw@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@probe\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void udpGarbageIsDroppedAMalformedRequestGets400AndOptionsStillWorks() throws Exception {
        InetSocketAddress to = ua.localAddress(TransportType.UDP).orElseThrow();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(10_000);
            int me = s.getLocalPort();
            for (String junk : new String[] {"\u0000\u0001\u0002 garbage", "SIP/2.0 200\r\n\r\n", "INVITE\r\n\r\n"}) {
                byte[] b = junk.getBytes(StandardCharsets.ISO_8859_1);
                s.send(new DatagramPacket(b, b.length, to));
            }
            byte[] bad =
                    request("OPTIONS", "UDP", me, "one OPTIONS", "z9hG4bKbad1").getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(bad, bad.length, to));
            assertThat(receive(s)).startsWith("SIP/2.0 400 Bad Request (invalid CSeq number: one)\r\n");
            byte[] ok = request("OPTIONS", "UDP", me, "1 OPTIONS", "z9hG4bKok1").getBytes(StandardCharsets.UTF_8);
            s.send(new DatagramPacket(ok, ok.length, to));
            String answer = receive(s);
            assertThat(answer).startsWith("SIP/2.0 200 OK\r\n").contains("Allow: ");
        }
    }

    private static String readMessage(InputStream in) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            buf.write(c);
            String s = buf.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n\r\n") && s.contains("Content-Length: 0")) {
                return s;
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tcpMalformedRequestGets400OnTheConnectionUnframeableStreamIsClosedAndTheListenerServesOn() throws Exception {
        InetSocketAddress to = ua.localAddress(TransportType.TCP).orElseThrow();
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            s.setSoTimeout(10_000);
            int me = s.getLocalPort();
            s.getOutputStream()
                    .write(request("OPTIONS", "TCP", me, "1 INVITE", "z9hG4bKbad2")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(s.getInputStream()))
                    .startsWith(
                            "SIP/2.0 400 Bad Request (CSeq method INVITE does not match request method OPTIONS)\r\n");
            s.getOutputStream()
                    .write(request("OPTIONS", "TCP", me, "2 OPTIONS", "z9hG4bKok2")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(s.getInputStream())).startsWith("SIP/2.0 200 OK\r\n");
            s.getOutputStream().write("garbage without any length\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).as("connection closed").isEqualTo(-1);
        }
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(request("OPTIONS", "TCP", s.getLocalPort(), "3 OPTIONS", "z9hG4bKok3")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(s.getInputStream())).startsWith("SIP/2.0 200 OK\r\n");
        }
    }
}
