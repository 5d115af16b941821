package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;

/** The UAC side on virtual time: INVITE retransmission, PRACK, ACK of every 2xx, CANCEL, BYE, timeout. */
class UacCallTest {

    private final List<String> events = new ArrayList<>();
    private final UaHarness h = new UaHarness(c -> {});
    private final ClientCallListener listener = new ClientCallListener() {
        @Override
        public void onProvisional(ClientCall call, IncomingMessage response) {
            events.add("provisional " + response.status().orElseThrow().code());
        }

        @Override
        public void onAnswered(ClientCall call, IncomingMessage response) {
            events.add("answered " + response.body().map(Body::text).orElse(""));
        }

        @Override
        public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
            events.add("rejected " + status.code());
        }

        @Override
        public void onBye(ClientCall call, IncomingMessage bye) {
            events.add("bye");
        }

        @Override
        public void onEnded(ClientCall call) {
            events.add("ended");
        }

        @Override
        public OfferReply onOffer(ClientCall call, IncomingMessage request) {
            events.add("offer " + request.method());
            return OfferReply.accept(Body.sdp("v=0 answer"));
        }

        @Override
        public void onRequestAnswered(ClientCall call, SipMethod method, IncomingMessage response) {
            events.add(method + " answered " + response.status().orElseThrow().code() + " "
                    + response.body().map(Body::text).orElse(""));
        }
    };

    private ClientCall call() {
        return h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.of(Body.sdp("v=0\r\n")),
                        List.of(new Header("P-Asserted-Identity", "<sip:+441234@gw>")),
                        listener)
                .join();
    }

    private UaHarness.Sent invite() {
        return h.startingWith("INVITE ").getFirst();
    }

    private String response(int status, String reason, String toTag, String method, String extra, String body) {
        UaHarness.Sent inv = invite();
        String cseq = inv.header("CSeq").split(" ", -1)[0];
        return """
                SIP/2.0 %d %s
                Via: %s
                From: %s
                To: %s%s
                Call-ID: %s
                CSeq: %s %s
                Contact: <sip:bob@127.0.0.1:5071>
                %sContent-Length: %d

                %s""".formatted(
                        status,
                        reason,
                        inv.header("Via"),
                        inv.header("From"),
                        inv.header("To"),
                        toTag == null ? "" : ";tag=" + toTag,
                        inv.header("Call-ID"),
                        cseq,
                        method,
                        extra,
                        body.length(),
                        body);
    }

    @Test
    void inviteCarriesOfferHeadersAndIsRetransmittedOnTimerA() {
        call();
        var inv = invite();
        assertThat(inv.firstLine()).isEqualTo("INVITE sip:bob@127.0.0.1:5070 SIP/2.0");
        assertThat(inv.header("Supported")).isEqualTo("100rel");
        assertThat(inv.header("P-Asserted-Identity")).isEqualTo("<sip:+441234@gw>");
        assertThat(inv.header("Via")).contains("branch=z9hG4bK");
        assertThat(inv.header("Contact")).contains("sip:gw@127.0.0.1:5060");
        assertThat(inv.body()).isEqualTo("v=0\r\n");
        h.advance(1_600);
        assertThat(h.startingWith("INVITE ").stream().map(UaHarness.Sent::atMillis))
                .containsExactly(0L, 500L, 1_500L);
    }

    @Test
    void answerIsAckedAndEveryRetransmittedOkIsAckedAgainThenByeEndsIt() {
        ClientCall c = call();
        h.receive(response(180, "Ringing", "b1", "INVITE", "", ""), UDP);
        h.receive(response(200, "OK", "b1", "INVITE", "Content-Type: application/sdp\n", "v=0"), UDP);
        var ack = h.startingWith("ACK ");
        assertThat(ack).hasSize(1);
        assertThat(ack.getFirst().firstLine()).isEqualTo("ACK sip:bob@127.0.0.1:5071 SIP/2.0");
        assertThat(ack.getFirst().header("CSeq")).isEqualTo("1 ACK");
        assertThat(ack.getFirst().header("To")).contains("tag=b1");
        h.advance(40_000);
        h.receive(response(200, "OK", "b1", "INVITE", "Content-Type: application/sdp\n", "v=0"), UDP);
        assertThat(h.startingWith("ACK ")).hasSize(2);
        c.hangup(List.of(new Header("Reason", "Q.850;cause=16")), Optional.empty());
        var bye = h.startingWith("BYE ").getFirst();
        assertThat(bye.header("CSeq")).isEqualTo("2 BYE");
        assertThat(bye.header("Reason")).isEqualTo("Q.850;cause=16");
        h.receive("""
                SIP/2.0 200 OK
                Via: %s
                From: %s
                To: %s
                Call-ID: %s
                CSeq: 2 BYE
                Content-Length: 0

                """.formatted(bye.header("Via"), bye.header("From"), bye.header("To"), bye.header("Call-ID")), UDP);
        assertThat(events).containsExactly("provisional 180", "answered v=0", "ended");
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void aLargeInviteGoesOverTcpUnlessUdpWasAskedFor() {
        Body sipI = new Body(
                "multipart/mixed;boundary=b", "x".repeat(1_400).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.of(sipI),
                        List.of(),
                        listener)
                .join();
        var big = h.startingWith("INVITE ").getFirst();
        assertThat(big.flow().transport()).isEqualTo(org.pstngw.sip.transport.TransportType.TCP);
        assertThat(big.header("Via")).startsWith("SIP/2.0/TCP ");
        h.ua.invite(
                        "sip:bob@127.0.0.1:5070;transport=udp",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.of(sipI),
                        List.of(),
                        listener)
                .join();
        assertThat(h.startingWith("INVITE ").getLast().flow().transport())
                .isEqualTo(org.pstngw.sip.transport.TransportType.UDP);
    }

    @Test
    void aSecondForksOkIsAckedAndReleasedWithBye() {
        call();
        h.receive(response(200, "OK", "b1", "INVITE", "", ""), UDP);
        h.receive(response(200, "OK", "b2", "INVITE", "", ""), UDP);
        assertThat(h.startingWith("ACK ").stream().map(a -> a.header("To")))
                .satisfiesExactly(
                        t -> assertThat(t).contains("tag=b1"),
                        t -> assertThat(t).contains("tag=b2"));
        var bye = h.startingWith("BYE ");
        assertThat(bye).hasSize(1);
        assertThat(bye.getFirst().header("To")).contains("tag=b2");
        assertThat(events).containsExactly("answered ");
        assertThat(h.ua.dialogs()).isEqualTo(1);
    }

    @Test
    void reliableProvisionalIsPracked() {
        call();
        h.receive(response(183, "Session Progress", "b1", "INVITE", "Require: 100rel\nRSeq: 77\n", ""), UDP);
        var prack = h.startingWith("PRACK ").getFirst();
        assertThat(prack.header("RAck")).isEqualTo("77 1 INVITE");
        assertThat(prack.header("CSeq")).isEqualTo("2 PRACK");
        assertThat(prack.firstLine()).isEqualTo("PRACK sip:bob@127.0.0.1:5071 SIP/2.0");
        h.receive(response(183, "Session Progress", "b1", "INVITE", "Require: 100rel\nRSeq: 77\n", ""), UDP);
        assertThat(h.startingWith("PRACK ")).hasSize(1);
    }

    @Test
    void hangupBeforeAnswerCancelsOnceAProvisionalArrivedAndAcksThe487() {
        ClientCall c = call();
        c.hangup(List.of(), Optional.empty());
        assertThat(h.startingWith("CANCEL ")).isEmpty();
        h.receive(response(100, "Trying", null, "INVITE", "", ""), UDP);
        var cancel = h.startingWith("CANCEL ").getFirst();
        assertThat(cancel.header("CSeq")).isEqualTo("1 CANCEL");
        assertThat(cancel.header("Via")).isEqualTo(invite().header("Via"));
        h.receive(response(487, "Request Terminated", "b1", "INVITE", "", ""), UDP);
        var ack = h.startingWith("ACK ").getFirst();
        assertThat(ack.header("Via")).isEqualTo(invite().header("Via"));
        assertThat(ack.header("To")).contains("tag=b1");
        assertThat(events).containsExactly("rejected 487", "ended");
    }

    @Test
    void noResponseIsA408AfterTimerB() {
        call();
        h.advance(31_999);
        assertThat(events).isEmpty();
        h.advance(1);
        assertThat(events).containsExactly("rejected 408");
    }

    @Test
    void updateInBothDirectionsCarriesOfferAndAnswer() {
        ClientCall c = call();
        h.receive(response(200, "OK", "b1", "INVITE", "", ""), UDP);
        c.sendUpdate(Body.sdp("v=0 offer"));
        var update = h.startingWith("UPDATE ").getFirst();
        assertThat(update.body()).isEqualTo("v=0 offer");
        assertThat(update.header("CSeq")).isEqualTo("2 UPDATE");
        h.receive(
                """
                SIP/2.0 200 OK
                Via: %s
                From: %s
                To: %s
                Call-ID: %s
                CSeq: 2 UPDATE
                Content-Type: application/sdp
                Content-Length: 8

                v=0 ans2""".formatted(
                        update.header("Via"), update.header("From"), update.header("To"), update.header("Call-ID")),
                UDP);
        var inv = invite();
        h.receive("""
                UPDATE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKup1
                Max-Forwards: 70
                From: %s;tag=b1
                To: %s
                Call-ID: %s
                CSeq: 5 UPDATE
                Content-Type: application/sdp
                Content-Length: 9

                v=0 offer""".formatted(inv.header("To"), inv.header("From"), inv.header("Call-ID")), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(h.last().body()).isEqualTo("v=0 answer");
        assertThat(events).containsExactly("answered ", "UPDATE answered 200 v=0 ans2", "offer UPDATE");
    }

    @Test
    void byeFromTheCalleeIsAnswered() {
        call();
        h.receive(response(200, "OK", "b1", "INVITE", "", ""), UDP);
        var inv = invite();
        h.receive("""
                BYE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKbye1
                Max-Forwards: 70
                From: %s;tag=b1
                To: %s
                Call-ID: %s
                CSeq: 9 BYE
                Content-Length: 0

                """.formatted(inv.header("To"), inv.header("From"), inv.header("Call-ID")), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(events).containsExactly("answered ", "bye");
    }
}
