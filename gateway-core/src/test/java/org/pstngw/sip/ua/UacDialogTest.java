package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.responseTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transport.TransportType;

/**
 * The UAC end on virtual time: targets that need DNS or are invalid, a 2xx without To tag (RFC 2543 peer), a
 * re-INVITE received by the UAC (2xx retransmitted until ACK), refreshes sent by the UAC, sips over TLS.
 */
class UacDialogTest {
    private final List<String> events = new ArrayList<>();
    private final UaHarness h = new UaHarness(c -> {});
    private final ClientCallListener listener = new ClientCallListener() {
        @Override
        public void onAnswered(ClientCall call, IncomingMessage response) {
            events.add("answered");
        }

        @Override
        public void onRejected(ClientCall call, SipStatus status, IncomingMessage response) {
            events.add("rejected " + status.code());
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
            events.add(method + " " + response.status().orElseThrow().code());
        }
    };

    private ClientCall call(String target) {
        return h.ua.invite(
                        target,
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.of(Body.sdp("v=0\r\n")),
                        List.of(),
                        listener)
                .join();
    }

    private UaHarness.Sent invite() {
        return h.startingWith("INVITE ").getFirst();
    }

    @Test
    void aBadPortIsAnArgumentErrorAndANameIsLeftToTheTransport() {
        assertThatThrownBy(() -> call("sip:bob@127.0.0.1:99x"))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> call("sip:bob@127.0.0.1;transport=sctp"))
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported transport sctp");
        assertThat(h.sent).isEmpty();
        call("sip:bob@pbx.example.net:5080;transport=tcp");
        var inv = invite();
        assertThat(inv.flow().remote().isUnresolved())
                .as("no lookup on the call lane")
                .isTrue();
        assertThat(inv.flow().remote().getHostString()).isEqualTo("pbx.example.net");
        assertThat(inv.flow().remote().getPort()).isEqualTo(5080);
        assertThat(inv.flow().transport()).isEqualTo(TransportType.TCP);
    }

    @Test
    void aTwoHundredWithoutToTagIsAnsweredAckedAndEndedLikeAnyOther() {
        ClientCall c = call("sip:bob@127.0.0.1:5070");
        h.receive(responseTo(invite(), 200, "OK", null, "Contact: <sip:bob@127.0.0.1:5071>\n", ""), UDP);
        var ack = h.startingWith("ACK ");
        assertThat(ack).hasSize(1);
        assertThat(ack.getFirst().header("To")).doesNotContain("tag=");
        assertThat(events).containsExactly("answered");
        c.hangup(List.of(), Optional.empty());
        var bye = h.startingWith("BYE ").getFirst();
        assertThat(bye.firstLine()).isEqualTo("BYE sip:bob@127.0.0.1:5071 SIP/2.0");
        assertThat(bye.header("To")).doesNotContain("tag=");
        h.receive(responseTo(bye, 200, "OK", null, "", ""), UDP);
        assertThat(events).containsExactly("answered", "ended");
        assertThat(h.ua.dialogs()).isZero();
    }

    private String answered() {
        call("sip:bob@127.0.0.1:5070");
        h.receive(responseTo(invite(), 200, "OK", "b1", "Contact: <sip:bob@127.0.0.1:5071>\n", ""), UDP);
        return invite().header("From");
    }

    private String reinviteFromBob(String from, long cseq, String branch) {
        var inv = invite();
        return """
                INVITE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=%s
                Max-Forwards: 70
                From: %s;tag=b1
                To: %s
                Call-ID: %s
                CSeq: %d INVITE
                Contact: <sip:bob@127.0.0.1:5075>
                Content-Type: application/sdp
                Content-Length: 9

                v=0 offer""".formatted(branch, inv.header("To"), from, inv.header("Call-ID"), cseq);
    }

    @Test
    void aReinviteReceivedByTheUacIsAnsweredAndItsOkRetransmittedUntilTheAck() {
        String from = answered();
        h.receive(reinviteFromBob(from, 10, "z9hG4bKre1"), UDP);
        h.advance(1_600);
        var oks = h.startingWith("SIP/2.0 200");
        assertThat(oks).hasSize(3);
        assertThat(oks.getFirst().header("CSeq")).isEqualTo("10 INVITE");
        assertThat(oks.getFirst().body()).isEqualTo("v=0 answer");
        var inv = invite();
        h.receive("""
                ACK sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKack10
                Max-Forwards: 70
                From: %s;tag=b1
                To: %s
                Call-ID: %s
                CSeq: 10 ACK
                Content-Length: 0

                """.formatted(inv.header("To"), oks.getFirst().header("To"), inv.header("Call-ID")), UDP);
        h.advance(20_000);
        assertThat(h.startingWith("SIP/2.0 200")).hasSize(3);
        assertThat(events).containsExactly("answered", "offer INVITE");
    }

    @Test
    void theUacSendsAReinviteAcksItsOkAndAnswers491ToGlare() {
        ClientCall c = call("sip:bob@127.0.0.1:5070");
        var inv = invite();
        h.receive(responseTo(inv, 200, "OK", "b9", "Contact: <sip:bob@127.0.0.1:5071>\n", ""), UDP);
        c.sendReinvite(Body.sdp("v=0 hold"));
        var re = h.startingWith("INVITE ").getLast();
        assertThat(re.firstLine()).isEqualTo("INVITE sip:bob@127.0.0.1:5071 SIP/2.0");
        assertThat(re.header("CSeq")).isEqualTo("2 INVITE");
        assertThat(re.body()).isEqualTo("v=0 hold");
        h.receive("""
                INVITE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKglare
                Max-Forwards: 70
                From: %s;tag=b9
                To: %s
                Call-ID: %s
                CSeq: 20 INVITE
                Content-Type: application/sdp
                Content-Length: 3

                v=0""".formatted(inv.header("To"), inv.header("From"), inv.header("Call-ID")), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 491 Request Pending");
        h.receive(responseTo(re, 200, "OK", "b9", "", ""), UDP);
        var ack = h.startingWith("ACK ").getLast();
        assertThat(ack.header("CSeq")).isEqualTo("2 ACK");
        assertThat(ack.firstLine()).isEqualTo("ACK sip:bob@127.0.0.1:5071 SIP/2.0");
        assertThat(events).containsExactly("answered", "INVITE 200");
    }

    @Test
    void anUpdateWhileOurInviteOfferIsUnansweredIsRefusedLocally() {
        ClientCall c = call("sip:bob@127.0.0.1:5070");
        h.receive(responseTo(invite(), 180, "Ringing", "b1", "", ""), UDP);
        c.sendUpdate(Body.sdp("v=0 early"));
        assertThat(h.startingWith("UPDATE ")).isEmpty();
        assertThat(events).containsExactly("UPDATE 491");
    }

    @Test
    void aSipsTargetGoesOverTlsWithASipsContact() {
        call("sips:bob@127.0.0.1:5061");
        var inv = invite();
        assertThat(inv.flow().transport()).isEqualTo(TransportType.TLS);
        assertThat(inv.header("Via")).startsWith("SIP/2.0/TLS ");
        assertThat(inv.header("Contact")).isEqualTo("<sips:gw@127.0.0.1:5060>");
    }
}
