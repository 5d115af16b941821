package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.inDialog;
import static org.pstngw.sip.ua.UaHarness.invite;
import static org.pstngw.sip.ua.UaHarness.tagOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipStatus;

/**
 * Offer/answer across the INVITE (RFC 3261 13.2.1, 13.2.2.4, 14; RFC 3262 3 and 5): late offers in a reliable
 * provisional or the 2xx answered in the PRACK or the ACK, answers and offers in PRACKs, the 2xx held until the PRACK
 * of a reliable provisional with a body, a late PRACK, and a re-INVITE without offer in progress until its ACK.
 */
class OfferAnswerTest {

    private final List<String> events = new ArrayList<>();
    private ServerCall call;

    private final CallListener uas = new CallListener() {
        @Override
        public void onInvite(ServerCall c) {
            call = c;
        }

        @Override
        public OfferReply onOffer(ServerCall c, IncomingMessage m) {
            events.add(("offer " + m.method() + " " + m.body().map(Body::text).orElse("")).trim());
            return OfferReply.accept(Body.sdp("v=0 ours"));
        }

        @Override
        public void onAnswer(ServerCall c, IncomingMessage m) {
            events.add("answer " + m.method() + " "
                    + m.body().map(Body::text).orElse("").trim());
        }

        @Override
        public void onAck(ServerCall c, IncomingMessage ack) {
            events.add("ack");
        }

        @Override
        public void onRequestAnswered(ServerCall c, SipMethod method, IncomingMessage response) {
            events.add(method + " " + response.status().orElseThrow().code());
        }
    };

    private final ClientCallListener uac = new ClientCallListener() {
        @Override
        public OfferReply onOffer(ClientCall c, IncomingMessage m) {
            events.add("offer "
                    + m.status()
                            .map(s -> Integer.toString(s.code()))
                            .orElse(m.method().toString()));
            return OfferReply.accept(Body.sdp("v=0 answer"));
        }

        @Override
        public void onProvisional(ClientCall c, IncomingMessage response) {
            events.add("provisional " + response.status().orElseThrow().code());
        }

        @Override
        public void onAnswered(ClientCall c, IncomingMessage response) {
            events.add("answered");
        }
    };

    private final UaHarness h = new UaHarness(uas);

    private ClientCall callWithoutOffer() {
        return h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.empty(),
                        List.of(),
                        uac)
                .join();
    }

    private String toInvite(int status, String extra, String body) {
        return UaHarness.responseTo(h.startingWith("INVITE ").getFirst(), status, "X", "b1", extra, body);
    }

    private static String noOffer(String invite) {
        return invite.replace("Content-Type: application/sdp\nContent-Length: 5\n\nv=0\n", "Content-Length: 0\n\n");
    }

    @Test
    void theUacAnswersAnOfferInAReliableProvisionalInThePrackBeforeReportingIt() {
        callWithoutOffer();
        h.receive(
                toInvite(
                        183,
                        "Require: 100rel\nRSeq: 1\nContact: <sip:bob@127.0.0.1:5071>\n"
                                + "Content-Type: application/sdp\n",
                        "v=0 offer"),
                UDP);
        var prack = h.startingWith("PRACK ").getFirst();
        assertThat(prack.body()).isEqualTo("v=0 answer");
        assertThat(prack.header("Content-Type")).isEqualTo("application/sdp");
        assertThat(events).containsExactly("offer 183", "provisional 183");
        h.receive(toInvite(200, "Contact: <sip:bob@127.0.0.1:5071>\n", ""), UDP);
        assertThat(h.startingWith("ACK ").getFirst().body()).isEmpty();
    }

    @Test
    void theUacAnswersAnOfferInTheTwoHundredInTheAck() {
        callWithoutOffer();
        h.receive(
                toInvite(200, "Contact: <sip:bob@127.0.0.1:5071>\nContent-Type: application/sdp\n", "v=0 offer"), UDP);
        var ack = h.startingWith("ACK ").getFirst();
        assertThat(ack.body()).isEqualTo("v=0 answer");
        assertThat(events).containsExactly("offer 200", "answered");
    }

    @Test
    void theUasHearsTheAnswerToItsOfferInAReliableProvisionalFromThePrack() {
        h.receive(noOffer(invite("z9hG4bKi1", "p1", "Supported: 100rel\n")), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.of(Body.sdp("v=0 offer")), true);
        var progress = h.startingWith("SIP/2.0 183").getFirst();
        String tag = tagOf(progress.header("To"));
        h.receive(
                inDialog(
                        "PRACK",
                        "z9hG4bKp1",
                        "p1",
                        tag,
                        2,
                        "RAck: " + progress.header("RSeq") + " 1 INVITE\nContent-Type: application/sdp\n",
                        "v=0 their answer"),
                UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(h.last().body()).isEmpty();
        assertThat(events).containsExactly("answer PRACK v=0 their answer");
    }

    @Test
    void anOfferInAPrackIsAnsweredByTheApplicationInThePracksTwoHundred() {
        h.receive(invite("z9hG4bKi2", "p2", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.of(Body.sdp("v=0 answer")), true);
        var progress = h.startingWith("SIP/2.0 183").getFirst();
        h.receive(
                inDialog(
                        "PRACK",
                        "z9hG4bKp2",
                        "p2",
                        tagOf(progress.header("To")),
                        2,
                        "RAck: " + progress.header("RSeq") + " 1 INVITE\nContent-Type: application/sdp\n",
                        "v=0 new offer"),
                UDP);
        assertThat(h.last().header("CSeq")).isEqualTo("2 PRACK");
        assertThat(h.last().body()).isEqualTo("v=0 ours");
        assertThat(events).containsExactly("offer PRACK v=0 new offer");
    }

    @Test
    void theTwoHundredWaitsForThePrackOfAReliableProvisionalWithABodyAndALatePrackGets200() {
        h.receive(invite("z9hG4bKi3", "p3", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.of(Body.sdp("v=0 answer")), true);
        call.accept(Optional.empty());
        assertThat(h.startingWith("SIP/2.0 200")).as("no 2xx before the PRACK").isEmpty();
        var progress = h.startingWith("SIP/2.0 183").getFirst();
        String tag = tagOf(progress.header("To"));
        String prack =
                inDialog("PRACK", "z9hG4bKp3", "p3", tag, 2, "RAck: " + progress.header("RSeq") + " 1 INVITE\n", "");
        h.receive(prack, UDP);
        assertThat(h.startingWith("SIP/2.0 200").stream().map(s -> s.header("CSeq")))
                .containsExactly("2 PRACK", "1 INVITE");
        h.receive(
                inDialog("PRACK", "z9hG4bKp4", "p3", tag, 3, "RAck: " + progress.header("RSeq") + " 1 INVITE\n", ""),
                UDP);
        assertThat(h.last().firstLine())
                .as("a PRACK for a provisional already acknowledged")
                .isEqualTo("SIP/2.0 200 OK");
    }

    @Test
    void aPrackAfterTheTwoHundredStoppedItsProvisionalGets200() {
        h.receive(invite("z9hG4bKi4", "p4", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), true);
        call.accept(Optional.of(Body.sdp("v=0 answer")));
        assertThat(h.startingWith("SIP/2.0 200")).hasSize(1);
        var ringing = h.startingWith("SIP/2.0 180").getFirst();
        h.receive(
                inDialog(
                        "PRACK",
                        "z9hG4bKp5",
                        "p4",
                        tagOf(ringing.header("To")),
                        2,
                        "RAck: " + ringing.header("RSeq") + " 1 INVITE\n",
                        ""),
                UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(h.last().header("CSeq")).isEqualTo("2 PRACK");
    }

    @Test
    void aReinviteWithoutOfferIsInProgressUntilItsAckWhoseAnswerReachesTheApplication() {
        h.receive(invite("z9hG4bKi5", "p5", ""), UDP);
        call.accept(Optional.of(Body.sdp("v=0 answer")));
        String tag = tagOf(h.startingWith("SIP/2.0 200").getFirst().header("To"));
        h.receive(inDialog("ACK", "z9hG4bKa5", "p5", tag, 1, "", ""), UDP);
        h.receive(inDialog("INVITE", "z9hG4bKr5", "p5", tag, 2, "", ""), UDP);
        assertThat(h.last().header("CSeq")).isEqualTo("2 INVITE");
        assertThat(h.last().body()).as("our offer").isEqualTo("v=0 ours");
        call.sendReinvite(Body.sdp("v=0 second"));
        call.sendUpdate(Body.sdp("v=0 third"));
        assertThat(h.startingWith("INVITE ")).isEmpty();
        assertThat(h.startingWith("UPDATE ")).isEmpty();
        h.receive(
                inDialog("ACK", "z9hG4bKa6", "p5", tag, 2, "Content-Type: application/sdp\n", "v=0 their answer"), UDP);
        assertThat(events)
                .containsExactly("ack", "offer INVITE", "INVITE 491", "UPDATE 491", "answer ACK v=0 their answer");
        call.sendUpdate(Body.sdp("v=0 fourth"));
        assertThat(h.startingWith("UPDATE ")).hasSize(1);
    }
}
