package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.UDP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipStatus;

/**
 * An outgoing call always ends, and forks are kept apart: timer C after a provisional (RFC 3261 16.6), a CANCEL that
 * gets no final response (9.1), one CANCEL however many provisionals, onEnded after a completed CANCEL, the route set
 * recomputed from the 2xx (13.2.2.4), RSeq order per fork (RFC 3262 4), one BYE per released fork.
 */
class UacLifetimeTest {

    private final List<String> events = new ArrayList<>();
    private final UaHarness h = new UaHarness(c -> {});
    private final ClientCallListener listener = new ClientCallListener() {
        @Override
        public void onProvisional(ClientCall call, IncomingMessage response) {
            events.add("provisional " + response.status().orElseThrow().code());
        }

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
    };

    private ClientCall call() {
        return h.ua.invite(
                        "sip:bob@127.0.0.1:5070",
                        "<sip:gw@127.0.0.1>",
                        "<sip:bob@127.0.0.1>",
                        Optional.of(Body.sdp("v=0\r\n")),
                        List.of(),
                        listener)
                .join();
    }

    /** A response to the INVITE with To tag {@code toTag} (null for none). */
    private String response(int status, String toTag, String extra) {
        UaHarness.Sent inv = h.startingWith("INVITE ").getFirst();
        return """
                SIP/2.0 %d Whatever
                Via: %s
                From: %s
                To: %s%s
                Call-ID: %s
                CSeq: %s
                Contact: <sip:bob@127.0.0.1:5071>
                %sContent-Length: 0

                """.formatted(
                        status,
                        inv.header("Via"),
                        inv.header("From"),
                        inv.header("To"),
                        toTag == null ? "" : ";tag=" + toTag,
                        inv.header("Call-ID"),
                        inv.header("CSeq"),
                        extra);
    }

    /** The final response to the CANCEL we sent. */
    private String cancelOk() {
        UaHarness.Sent c = h.startingWith("CANCEL ").getFirst();
        return UaHarness.responseTo(c, 200, "OK", null, "", "");
    }

    @Test
    void ringingThenSilenceIsCancelledOnTimerCAndReported408ThenTheInviteIsGivenUp() {
        call();
        h.receive(response(180, "b1", ""), UDP);
        h.advance(100_000);
        h.receive(response(180, "b1", ""), UDP);
        h.advance(180_999);
        assertThat(h.startingWith("CANCEL "))
                .as("timer C restarted by the second 180")
                .isEmpty();
        h.advance(1);
        assertThat(h.startingWith("CANCEL ")).hasSize(1);
        assertThat(events).containsExactly("provisional 180", "provisional 180", "rejected 408");
        h.receive(cancelOk(), UDP);
        h.advance(32_000);
        assertThat(h.ua.transactions())
                .as("the INVITE is given up 64*T1 after its CANCEL")
                .isZero();
        assertThat(h.ua.dialogs()).isZero();
        assertThat(events).hasSize(3);
    }

    @Test
    void aHangupWhoseCancelGetsNo487EndsAfter64T1() {
        ClientCall c = call();
        h.receive(response(180, "b1", ""), UDP);
        c.hangup(List.of(), Optional.empty());
        assertThat(h.startingWith("CANCEL ")).hasSize(1);
        h.receive(cancelOk(), UDP);
        h.advance(31_999);
        assertThat(events).containsExactly("provisional 180");
        h.advance(1);
        assertThat(events).containsExactly("provisional 180", "rejected 487", "ended");
        h.advance(10_000);
        assertThat(h.ua.transactions()).isZero();
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void aHangupBeforeAnyProvisionalSendsOneCancelWhateverFollows() {
        ClientCall c = call();
        c.hangup(List.of(), Optional.empty());
        h.receive(response(100, null, ""), UDP);
        h.receive(response(180, "b1", ""), UDP);
        h.receive(response(183, "b1", ""), UDP);
        assertThat(h.startingWith("CANCEL ")).hasSize(1);
        assertThat(events).isEmpty();
    }

    @Test
    void aCompletedCancelIsReportedAsTheRejectionThenOnEnded() {
        ClientCall c = call();
        h.receive(response(180, "b1", ""), UDP);
        c.hangup(List.of(), Optional.empty());
        h.receive(cancelOk(), UDP);
        h.receive(response(487, "b1", ""), UDP);
        assertThat(events).containsExactly("provisional 180", "rejected 487", "ended");
        h.advance(40_000);
        assertThat(h.ua.transactions()).isZero();
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void theTwoHundredRecomputesTheRouteSetOfTheEarlyDialog() {
        call();
        h.receive(response(180, "b1", ""), UDP);
        h.receive(response(200, "b1", "Record-Route: <sip:127.0.0.1:5090;lr>\n"), UDP);
        var ack = h.startingWith("ACK ").getFirst();
        assertThat(ack.header("Route")).isEqualTo("<sip:127.0.0.1:5090;lr>");
        assertThat(ack.flow().remote().getPort()).isEqualTo(5090);
    }

    /** 12.2.1.1: a strict router first in the route set gets the requests as Request-URI; the target goes last. */
    @Test
    void aStrictRouterFirstInTheRouteSetIsTheRequestUriOfTheAckAndTheBye() {
        ClientCall c = call();
        h.receive(response(200, "b1", "Record-Route: <sip:p2.example;lr>, <sip:127.0.0.1:5090;transport=udp>\n"), UDP);
        var ack = h.startingWith("ACK ").getFirst();
        assertThat(ack.firstLine()).isEqualTo("ACK sip:127.0.0.1:5090;transport=udp SIP/2.0");
        assertThat(ack.text()).contains("\r\nRoute: <sip:p2.example;lr>\r\nRoute: <sip:bob@127.0.0.1:5071>\r\n");
        assertThat(ack.flow().remote().getPort()).isEqualTo(5090);
        c.hangup(List.of(), Optional.empty());
        var bye = h.startingWith("BYE ").getFirst();
        assertThat(bye.firstLine()).isEqualTo("BYE sip:127.0.0.1:5090;transport=udp SIP/2.0");
        assertThat(bye.text()).contains("\r\nRoute: <sip:p2.example;lr>\r\nRoute: <sip:bob@127.0.0.1:5071>\r\n");
        assertThat(bye.flow().remote().getPort()).isEqualTo(5090);
    }

    @Test
    void eachForkHasItsOwnRseqOrderAndAGapIsNotPracked() {
        call();
        h.receive(response(180, "b1", "Require: 100rel\nRSeq: 500\n"), UDP);
        h.receive(response(180, "b2", "Require: 100rel\nRSeq: 7\n"), UDP);
        assertThat(h.startingWith("PRACK ").stream().map(p -> UaHarness.tagOf(p.header("To")) + " " + p.header("RAck")))
                .containsExactly("b1 500 1 INVITE", "b2 7 1 INVITE");
        h.receive(response(183, "b1", "Require: 100rel\nRSeq: 502\n"), UDP);
        assertThat(h.startingWith("PRACK ")).as("RSeq 502 skips 501").hasSize(2);
        h.receive(response(183, "b1", "Require: 100rel\nRSeq: 501\n"), UDP);
        assertThat(h.startingWith("PRACK ").getLast().header("RAck")).isEqualTo("501 1 INVITE");
        assertThat(events).containsExactly("provisional 180", "provisional 180", "provisional 183");
    }

    @Test
    void everyRetransmissionOfASecondForksTwoHundredIsAckedButByedOnce() {
        call();
        h.receive(response(200, "b1", ""), UDP);
        h.receive(response(200, "b2", ""), UDP);
        h.receive(response(200, "b2", ""), UDP);
        h.receive(response(200, "b2", ""), UDP);
        assertThat(h.startingWith("BYE ")).hasSize(1);
        assertThat(h.startingWith("ACK ").stream()
                        .filter(a -> a.header("To").contains("tag=b2"))
                        .count())
                .isEqualTo(3);
        assertThat(events).containsExactly("answered");
        assertThat(h.ua.dialogs()).isEqualTo(1);
    }
}
