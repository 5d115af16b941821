package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.TransportConfig;
import org.pstngw.sip.transport.TransportType;
import org.pstngw.sip.ua.SipUserAgent;

/**
 * RFC 4475 messages sent to a running user agent over real sockets on loopback. The syntactically invalid ones go as
 * UDP datagrams and their 400/505 comes back to the sending socket (a malformed request is answered on the flow it came
 * from); malformed responses get nothing. The application-layer ones go over TCP, whose responses come back on the
 * connection: 416 for unknown Request-URI schemes, 420 for unknown Require tags, 415 for an unknown body, 406 for an
 * Accept without SDP.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Rfc4475SocketIT {
    private static SipUserAgent ua;

    @BeforeAll
    static void start() throws Exception {
        ua = SipUserAgent.start(
                new SipUserAgent.Config(TransportConfig.udpAndTcp("127.0.0.1", 0), TimerConfig.DEFAULT, "gw", 1),
                call -> {});
    }

    @AfterAll
    static void stop() {
        ua.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Rfc4475SocketIT.class.getResourceAsStream("/sip/rfc4475/" + name + ".sip")) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} over UDP: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "badinv01   | SIP/2.0 400 Bad Request (invalid Via: expected parameter name)",
                "clerr      | SIP/2.0 400 Bad Request (Content-Length 9999 exceeds body length 154)",
                "ncl        | SIP/2.0 400 Bad Request (invalid Content-Length -999)",
                "scalar02   | SIP/2.0 400 Bad Request (Max-Forwards 300 exceeds 255)",
                "quotbal    | SIP/2.0 400 Bad Request (invalid To: unterminated quoted string)",
                "ltgtruri   | SIP/2.0 400 Bad Request (Request-URI enclosed in <>",
                "lwsruri    | SIP/2.0 400 Bad Request (whitespace inside or after the Request-URI",
                "lwsstart   | SIP/2.0 400 Bad Request (more than one SP between method and Request-URI)",
                "trws       | SIP/2.0 400 Bad Request (whitespace inside or after the Request-URI",
                "escruri    | SIP/2.0 400 Bad Request (Request-URI contains headers",
                "baddate    | SIP/2.0 400 Bad Request (Date not in GMT",
                "regbadct   | SIP/2.0 400 Bad Request (invalid Contact",
                "badaspec   | SIP/2.0 400 Bad Request (invalid To",
                "baddn      | SIP/2.0 400 Bad Request (invalid From: invalid display name",
                "badvers    | SIP/2.0 505 Version Not Supported (unsupported SIP version SIP/7.0)",
                "mismatch01 | SIP/2.0 400 Bad Request (CSeq method INVITE does not match request method OPTIONS)",
                "mismatch02 | SIP/2.0 400 Bad Request (CSeq method INVITE does not match request method NEWMETHOD)",
                "multi01    | SIP/2.0 400 Bad Request (more than one From header)",
                "mcl01      | SIP/2.0 400 Bad Request (conflicting Content-Length headers)",
                "scalarlg   | -",
                "bigcode    | -",
                "insuf      | -",
            })
    void invalidOverUdp(String name, String expected) throws Exception {
        InetSocketAddress to = ua.localAddress(TransportType.UDP).orElseThrow();
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] b = fixture(name);
            s.send(new DatagramPacket(b, b.length, to));
            DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
            if (expected.equals("-")) {
                s.setSoTimeout(500);
                try {
                    s.receive(p);
                    throw new AssertionError("unexpected answer to " + name + ": "
                            + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                } catch (SocketTimeoutException expectedSilence) {
                    // dropped, as RFC 4475 asks for a malformed response or an unanswerable request
                }
            } else {
                s.setSoTimeout(10_000);
                s.receive(p);
                String answer = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith(expected);
            }
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            buf.write(c);
            String s = buf.toString(StandardCharsets.UTF_8);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} over TCP: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unkscm  | SIP/2.0 416 | Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34",
                "novelsc | SIP/2.0 416 | Call-ID: novelsc.asdfasser0q239nwsdfasdkl34",
                "bext01  | SIP/2.0 420 | Unsupported: nothingSupportsThis, nothingSupportsThisEither",
                "invut   | SIP/2.0 415 | Accept: application/sdp",
                "sdp01   | SIP/2.0 406 | Warning: 399",
                "zeromf  | SIP/2.0 200 | Allow: INVITE",
            })
    void applicationLayerOverTcp(String name, String status, String contains) throws Exception {
        InetSocketAddress to = ua.localAddress(TransportType.TCP).orElseThrow();
        try (Socket s = new Socket(to.getAddress(), to.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(fixture(name));
            String answer = readResponse(s.getInputStream());
            if (answer.startsWith("SIP/2.0 100 ")) {
                answer = readResponse(s.getInputStream());
            }
            assertThat(answer).startsWith(status + " ").contains(contains);
        }
    }
}
