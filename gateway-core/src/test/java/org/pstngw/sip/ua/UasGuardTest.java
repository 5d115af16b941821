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

/**
 * An incoming INVITE always ends: an application that throws gets its request answered 500, a Record-Route the UA
 * cannot read is a 400 before any call exists, and an INVITE nobody answers is ended by its Expires (487, RFC 3261
 * 13.3.1.1) or by timer C (408).
 */
class UasGuardTest {

    private final List<String> events = new ArrayList<>();
    private boolean throwOnInvite;
    private boolean throwOnOffer;
    private ServerCall call;

    private final CallListener listener = new CallListener() {
        @Override
        public void onInvite(ServerCall c) {
            call = c;
            events.add("invite");
            if (throwOnInvite) {
                throw new IllegalStateException("application bug");
            }
        }

        @Override
        public OfferReply onOffer(ServerCall c, IncomingMessage request) {
            if (throwOnOffer) {
                throw new IllegalStateException("application bug in onOffer");
            }
            return OfferReply.accept(Body.sdp("v=0 answer"));
        }

        @Override
        public void onFailure(ServerCall c, String why) {
            events.add("failure " + why);
        }
    };

    private final UaHarness h = new UaHarness(listener);

    private List<String> statusLines() {
        return h.startingWith("SIP/2.0 ").stream()
                .map(UaHarness.Sent::firstLine)
                .toList();
    }

    @Test
    void anApplicationThatThrowsInOnInviteGets500AndLeavesNothingBehind() {
        throwOnInvite = true;
        h.receive(invite("z9hG4bKt1", "t1", ""), UDP);
        assertThat(statusLines()).containsExactly("SIP/2.0 100 Trying", "SIP/2.0 500 Server Internal Error");
        h.receive(inDialog("ACK", "z9hG4bKt1", "t1", tagOf(h.last().header("To")), 1, "", ""), UDP);
        h.advance(40_000);
        assertThat(h.ua.transactions()).isZero();
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void aRecordRouteThatDoesNotParseIsA400AndNoCall() {
        h.receive(invite("z9hG4bKrr", "rr1", "Record-Route: <sip:p1.example;lr\n"), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 400").contains("Record-Route");
        assertThat(events).isEmpty();
        h.advance(40_000);
        assertThat(h.ua.transactions()).isZero();
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void anApplicationThatThrowsInOnOfferGets500ForTheReinviteAndTheCallGoesOn() {
        h.receive(invite("z9hG4bKo1", "o1", ""), UDP);
        call.accept(Optional.of(Body.sdp("v=0 answer")));
        String tag = tagOf(h.startingWith("SIP/2.0 200").getFirst().header("To"));
        h.receive(inDialog("ACK", "z9hG4bKo1a", "o1", tag, 1, "", ""), UDP);
        throwOnOffer = true;
        h.receive(inDialog("INVITE", "z9hG4bKo2", "o1", tag, 2, "Content-Type: application/sdp\n", "v=0 re"), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 500");
        assertThat(h.last().header("CSeq")).isEqualTo("2 INVITE");
        throwOnOffer = false;
        h.receive(inDialog("ACK", "z9hG4bKo2", "o1", tag, 2, "", ""), UDP);
        h.receive(inDialog("INVITE", "z9hG4bKo3", "o1", tag, 3, "Content-Type: application/sdp\n", "v=0 re"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
    }

    @Test
    void anInviteLeftUnansweredEndsWhenItsExpiresPasses() {
        h.receive(invite("z9hG4bKe1", "e1", "Expires: 10\n"), UDP);
        call.sendProvisional(org.pstngw.sip.message.SipStatus.RINGING, Optional.empty(), false);
        h.advance(9_999);
        assertThat(h.startingWith("SIP/2.0 487")).isEmpty();
        h.advance(1);
        assertThat(h.startingWith("SIP/2.0 487")).hasSize(1);
        assertThat(events).anyMatch(e -> e.startsWith("failure"));
        h.receive(inDialog("ACK", "z9hG4bKe1", "e1", tagOf(h.last().header("To")), 1, "", ""), UDP);
        h.advance(40_000);
        assertThat(h.ua.transactions()).isZero();
        assertThat(h.ua.dialogs()).isZero();
    }

    @Test
    void anInviteWithoutExpiresLeftUnansweredEndsOnTimerC() {
        h.receive(invite("z9hG4bKc1", "c1", ""), UDP);
        call.sendProvisional(org.pstngw.sip.message.SipStatus.RINGING, Optional.empty(), false);
        h.advance(180_999);
        assertThat(h.startingWith("SIP/2.0 408")).isEmpty();
        h.advance(1);
        assertThat(h.startingWith("SIP/2.0 408")).hasSize(1);
        assertThat(events).anyMatch(e -> e.startsWith("failure"));
        h.advance(40_000);
        assertThat(h.ua.dialogs()).isZero();
    }
}
