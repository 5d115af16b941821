package org.pstngw.sip.ua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pstngw.sip.message.SipParser;
import org.pstngw.sip.timer.ManualScheduler;
import org.pstngw.sip.transaction.TimerConfig;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;

/**
 * A user agent on virtual time with a recording transport: messages go in as text, what the stack sends is kept as
 * text with the instant (virtual ms) it was sent.
 */
final class UaHarness {
    static final InetSocketAddress ME = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5060);
    static final InetSocketAddress PEER = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 5070);
    static final Flow UDP = new Flow(TransportType.UDP, PEER);
    static final Flow TCP = new Flow(TransportType.TCP, PEER);

    record Sent(long atMillis, Flow flow, String text) {
        String firstLine() {
            return text.substring(0, text.indexOf("\r\n"));
        }

        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)$")
                    .matcher(text);
            return m.find() ? m.group(1) : null;
        }

        String body() {
            int i = text.indexOf("\r\n\r\n");
            return text.substring(i + 4);
        }
    }

    final ManualScheduler clock = new ManualScheduler();
    final List<Sent> sent = new ArrayList<>();
    final SipUserAgent ua;
    private final java.util.concurrent.Executor direct = Runnable::run;

    UaHarness(CallListener listener) {
        this(listener, UaSettings.defaults("gw"));
    }

    UaHarness(CallListener listener, UaSettings settings) {
        ua = SipUserAgent.create(
                TimerConfig.DEFAULT,
                clock,
                callId -> direct,
                (flow, bytes) -> {
                    sent.add(new Sent(clock.nanoTime() / 1_000_000, flow, new String(bytes, StandardCharsets.UTF_8)));
                    return CompletableFuture.completedFuture(null);
                },
                t -> Optional.of(ME),
                settings,
                listener);
    }

    void receive(String text, Flow flow) {
        receive(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), flow);
    }

    /** Raw bytes through the live path: the parser, then the stack's inbound processor. */
    void receive(byte[] bytes, Flow flow) {
        ua.inbound().onMessage(SipParser.parse(bytes), flow);
    }

    void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    List<Sent> startingWith(String prefix) {
        return sent.stream().filter(s -> s.text.startsWith(prefix)).toList();
    }

    Sent last() {
        return sent.getLast();
    }

    /** An INVITE from the peer, without To tag. */
    static String invite(String branch, String callId, String extraHeaders) {
        return """
                INVITE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=%s
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: %s
                CSeq: 1 INVITE
                Contact: <sip:alice@127.0.0.1:5070>
                %sContent-Type: application/sdp
                Content-Length: 5

                v=0
                """.formatted(branch, callId, extraHeaders);
    }

    /** A request in the dialog created by the INVITE, with the gateway's To tag. */
    static String inDialog(
            String method, String branch, String callId, String toTag, long cseq, String extra, String body) {
        return """
                %s sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=%s
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>;tag=%s
                Call-ID: %s
                CSeq: %d %s
                Contact: <sip:alice@127.0.0.1:5071>
                %sContent-Length: %d

                %s""".formatted(
                        method,
                        branch,
                        toTag,
                        callId,
                        cseq,
                        method,
                        extra,
                        body.replace("\n", "\r\n").length(),
                        body);
    }

    /** A response from the peer to a request the stack sent: its Via, From, To (tagged), Call-ID and CSeq copied. */
    static String responseTo(Sent request, int status, String reason, String toTag, String extra, String body) {
        String to = request.header("To");
        if (toTag != null && tagOf(to) == null) {
            to = to + ";tag=" + toTag;
        }
        return """
                SIP/2.0 %d %s
                Via: %s
                From: %s
                To: %s
                Call-ID: %s
                CSeq: %s
                %sContent-Length: %d

                %s""".formatted(
                        status,
                        reason,
                        request.header("Via"),
                        request.header("From"),
                        to,
                        request.header("Call-ID"),
                        request.header("CSeq"),
                        extra,
                        body.replace("\n", "\r\n").length(),
                        body);
    }

    static String tagOf(String headerValue) {
        Matcher m = Pattern.compile("tag=([^;>\\s]+)").matcher(headerValue);
        return m.find() ? m.group(1) : null;
    }
}
