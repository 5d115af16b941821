package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.inDialog;
import static org.pstngw.sip.ua.UaHarness.invite;
import static org.pstngw.sip.ua.UaHarness.responseTo;
import static org.pstngw.sip.ua.UaHarness.tagOf;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;

/**
 * The UAS end after the answer, on virtual time: BYE waits for the ACK (RFC 3261 15), reliable provisionals when the
 * caller requires 100rel (RFC 3262 3), target refreshes sent by the UAS (UPDATE, re-INVITE) and received ones rejected
 * (488) or refused for glare (491), the remote target refreshed by Contact, sips Contact for a sips dialog over TLS.
 */
class UasDialogTest {
    private final List<String> events = new ArrayList<>();
    private ServerCall call;
    private OfferReply reply = OfferReply.accept(Body.sdp("v=0 answer"));

    private final UaHarness h = new UaHarness(new CallListener() {
        @Override
        public void onInvite(ServerCall c) {
            call = c;
        }

        @Override
        public void onAck(ServerCall c, IncomingMessage ack) {
            events.add("ack");
        }

        @Override
        public OfferReply onOffer(ServerCall c, IncomingMessage request) {
            events.add("offer " + request.method());
            return reply;
        }

        @Override
        public void onRequestAnswered(ServerCall c, SipMethod method, IncomingMessage response) {
            events.add(method + " " + response.status().orElseThrow().code());
        }

        @Override
        public void onFailure(ServerCall c, String why) {
            events.add("failure");
        }
    });

    /** An answered call; returns our To tag. */
    private String answered(String callId) {
        h.receive(invite("z9hG4bKi1", callId, ""), UDP);
        call.accept(Optional.of(Body.sdp("v=0\r\n")));
        return tagOf(h.startingWith("SIP/2.0 200").getFirst().header("To"));
    }

    private String confirmed(String callId) {
        String tag = answered(callId);
        h.receive(inDialog("ACK", "z9hG4bKa1", callId, tag, 1, "", ""), UDP);
        return tag;
    }

    @Test
    void hangupBeforeTheAckWaitsForItThenSendsBye() {
        String tag = answered("w1");
        call.hangup(List.of(new Header("Reason", "Q.850;cause=16")), Optional.empty());
        h.advance(2_000);
        assertThat(h.startingWith("BYE ")).as("no BYE before the ACK").isEmpty();
        assertThat(h.startingWith("SIP/2.0 200"))
                .as("the 2xx is still retransmitted")
                .hasSizeGreaterThan(1);
        h.receive(inDialog("ACK", "z9hG4bKa1", "w1", tag, 1, "", ""), UDP);
        var bye = h.startingWith("BYE ");
        assertThat(bye).hasSize(1);
        assertThat(bye.getFirst().header("Reason")).isEqualTo("Q.850;cause=16");
        assertThat(events).doesNotContain("ack");
    }

    @Test
    void hangupBeforeAnAckThatNeverComesSendsByeAfter64T1() {
        answered("w2");
        call.hangup(List.of(), Optional.empty());
        h.advance(31_999);
        assertThat(h.startingWith("BYE ")).isEmpty();
        h.advance(1);
        assertThat(h.startingWith("BYE ")).hasSize(1);
        assertThat(events).doesNotContain("failure");
    }

    @Test
    void provisionalsAreReliableWhenTheCallerRequires100rel() {
        h.receive(invite("z9hG4bKi1", "r1", "Require: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        var ringing = h.startingWith("SIP/2.0 180").getFirst();
        assertThat(ringing.header("Require")).isEqualTo("100rel");
        assertThat(ringing.header("RSeq")).isNotNull();
        h.advance(600);
        assertThat(h.startingWith("SIP/2.0 180"))
                .as("retransmitted until PRACK")
                .hasSize(2);
    }

    @Test
    void theUasSendsAnUpdateAndTheAnswersContactBecomesTheRemoteTarget() {
        confirmed("u1");
        call.sendUpdate(Body.sdp("v=0 hold"));
        var update = h.last();
        assertThat(update.firstLine()).isEqualTo("UPDATE sip:alice@127.0.0.1:5070 SIP/2.0");
        assertThat(update.header("Contact")).contains("sip:gw@127.0.0.1:5060");
        assertThat(update.header("CSeq")).isEqualTo("1 UPDATE");
        assertThat(update.body()).isEqualTo("v=0 hold");
        h.receive(
                responseTo(
                        update,
                        200,
                        "OK",
                        null,
                        "Contact: <sip:alice@127.0.0.1:5072>\nContent-Type: application/sdp\n",
                        "v=0 held"),
                UDP);
        assertThat(events).containsExactly("ack", "UPDATE 200");
        call.hangup(List.of(), Optional.empty());
        assertThat(h.last().firstLine()).isEqualTo("BYE sip:alice@127.0.0.1:5072 SIP/2.0");
        assertThat(h.last().header("CSeq")).isEqualTo("2 BYE");
    }

    @Test
    void theUasSendsAReinviteAndAcksItsOkAndEachRetransmission() {
        confirmed("ri1");
        call.sendReinvite(Body.sdp("v=0 re"));
        var reinvite = h.last();
        assertThat(reinvite.firstLine()).isEqualTo("INVITE sip:alice@127.0.0.1:5070 SIP/2.0");
        assertThat(reinvite.header("Contact")).contains("sip:gw@127.0.0.1:5060");
        String ok = responseTo(reinvite, 200, "OK", null, "Contact: <sip:alice@127.0.0.1:5073>\n", "");
        h.receive(ok, UDP);
        var ack = h.startingWith("ACK ");
        assertThat(ack).hasSize(1);
        assertThat(ack.getFirst().firstLine()).isEqualTo("ACK sip:alice@127.0.0.1:5073 SIP/2.0");
        assertThat(ack.getFirst().header("CSeq")).isEqualTo("1 ACK");
        h.receive(ok, UDP);
        h.advance(40_000);
        h.receive(ok, UDP);
        assertThat(h.startingWith("ACK ")).hasSize(3);
        assertThat(events).containsExactly("ack", "INVITE 200");
    }

    @Test
    void aReinviteBeforeOurAckArrivedIsRefusedLocally() {
        answered("ri2");
        call.sendReinvite(Body.sdp("v=0 re"));
        assertThat(h.startingWith("INVITE ")).isEmpty();
        assertThat(events).containsExactly("INVITE 491");
    }

    @Test
    void theApplicationRejectsAnOfferWith488AndTheTargetStays() {
        String tag = confirmed("o1");
        reply = OfferReply.notAcceptable();
        h.receive(inDialog("INVITE", "z9hG4bKr1", "o1", tag, 2, "Content-Type: application/sdp\n", "v=0 video"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 488 Not Acceptable Here");
        h.receive(inDialog("ACK", "z9hG4bKr1", "o1", tag, 2, "", ""), UDP);
        call.hangup(List.of(), Optional.empty());
        assertThat(h.last().firstLine())
                .as("the rejected re-INVITE's Contact (5071) did not refresh the target")
                .isEqualTo("BYE sip:alice@127.0.0.1:5070 SIP/2.0");
    }

    @Test
    void anAcceptedUpdatesContactRefreshesTheRemoteTarget() {
        String tag = confirmed("o2");
        h.receive(inDialog("UPDATE", "z9hG4bKu1", "o2", tag, 2, "Content-Type: application/sdp\n", "v=0 new"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(h.last().header("Contact")).contains("sip:gw@127.0.0.1:5060");
        call.hangup(List.of(), Optional.empty());
        assertThat(h.last().firstLine())
                .as("the UPDATE's Contact is the new target")
                .isEqualTo("BYE sip:alice@127.0.0.1:5071 SIP/2.0");
    }

    @Test
    void glareOurReinviteInProgressMakesTheirs491AndAnOfferDuringOursToo() {
        String tag = confirmed("g1");
        call.sendReinvite(Body.sdp("v=0 ours"));
        h.receive(inDialog("INVITE", "z9hG4bKg1", "g1", tag, 2, "Content-Type: application/sdp\n", "v=0 theirs"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 491 Request Pending");
        h.receive(inDialog("UPDATE", "z9hG4bKg2", "g1", tag, 3, "Content-Type: application/sdp\n", "v=0 theirs"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 491 Request Pending");
        call.sendUpdate(Body.sdp("v=0 another"));
        assertThat(events).containsExactly("ack", "UPDATE 491");
        assertThat(events).doesNotContain("offer INVITE", "offer UPDATE");
    }

    @Test
    void anUpdateWithAnOfferWhileTheInvitesOfferIsUnansweredGets500WithRetryAfter() {
        h.receive(invite("z9hG4bKi1", "e1", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        String tag = tagOf(h.last().header("To"));
        h.receive(inDialog("UPDATE", "z9hG4bKe1", "e1", tag, 2, "Content-Type: application/sdp\n", "v=0 early"), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 500 ");
        assertThat(Integer.parseInt(h.last().header("Retry-After"))).isBetween(0, 10);
    }

    @Test
    void aSipsRequestOverTlsMakesASecureDialogWithASipsContact() {
        Flow tls = new Flow(TransportType.TLS, UaHarness.PEER);
        h.receive(
                invite("z9hG4bKs1", "s1", "")
                        .replace("INVITE sip:gw@", "INVITE sips:gw@")
                        .replace("SIP/2.0/UDP", "SIP/2.0/TLS"),
                tls);
        call.accept(Optional.empty());
        var ok = h.startingWith("SIP/2.0 200").getFirst();
        assertThat(ok.header("Contact")).isEqualTo("<sips:gw@127.0.0.1:5060>");
        assertThat(((UasCall) call).dialog().secure()).isTrue();
        h.receive(invite("z9hG4bKs2", "s2", "").replace("SIP/2.0/UDP", "SIP/2.0/TLS"), tls);
        call.accept(Optional.empty());
        assertThat(h.startingWith("SIP/2.0 200").getLast().header("Contact"))
                .as("a sip Request-URI over TLS stays sip")
                .isEqualTo("<sip:gw@127.0.0.1:5060;transport=tls>");
        assertThat(((UasCall) call).dialog().secure()).isFalse();
        assertThat(new InetSocketAddress("127.0.0.1", 5070)).isEqualTo(UaHarness.PEER);
    }
}
