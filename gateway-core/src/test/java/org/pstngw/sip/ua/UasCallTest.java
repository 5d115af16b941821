package org.pstngw.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.ua.UaHarness.TCP;
import static org.pstngw.sip.ua.UaHarness.UDP;
import static org.pstngw.sip.ua.UaHarness.inDialog;
import static org.pstngw.sip.ua.UaHarness.invite;
import static org.pstngw.sip.ua.UaHarness.tagOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.SipStatus;

/** The UAS side on virtual time: answering, 2xx retransmission, CANCEL, BYE, PRACK, UPDATE, INFO and the 8.2 checks. */
class UasCallTest {

    private final List<String> events = new ArrayList<>();
    private ServerCall call;
    private Optional<Body> offerAnswer = Optional.empty();
    private OfferReply offerReply;

    private final CallListener listener = new CallListener() {
        @Override
        public void onInvite(ServerCall c) {
            call = c;
            events.add("invite " + c.invite().body().map(Body::text).orElse("").trim());
        }

        @Override
        public void onCancel(ServerCall c, IncomingMessage cancel) {
            events.add("cancel");
        }

        @Override
        public void onAck(ServerCall c, IncomingMessage ack) {
            events.add("ack");
        }

        @Override
        public void onBye(ServerCall c, IncomingMessage bye) {
            events.add("bye");
        }

        @Override
        public void onInfo(ServerCall c, IncomingMessage info) {
            events.add("info "
                    + info.body().map(b -> b.contentType() + " " + b.text()).orElse(""));
        }

        @Override
        public OfferReply onOffer(ServerCall c, IncomingMessage request) {
            events.add("offer " + request.method());
            return offerReply != null
                    ? offerReply
                    : offerAnswer.map(OfferReply::accept).orElse(OfferReply.acceptWithoutBody());
        }

        @Override
        public void onRequestAnswered(ServerCall c, org.pstngw.sip.message.SipMethod method, IncomingMessage r) {
            events.add(method + " answered " + r.status().orElseThrow().code());
        }

        @Override
        public void onFailure(ServerCall c, String why) {
            events.add("failure");
        }
    };

    private final UaHarness h = new UaHarness(listener);

    private String answered(String callId) {
        h.receive(invite("z9hG4bKi1", callId, ""), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        call.accept(Optional.of(Body.sdp("v=0\r\n")));
        return tagOf(h.startingWith("SIP/2.0 200").getFirst().header("To"));
    }

    @Test
    void answersWithTryingRingingAndOkCarryingTheToTagContactAndBody() {
        h.receive(invite("z9hG4bKi1", "c1", ""), UDP);
        assertThat(events).containsExactly("invite v=0");
        assertThat(h.sent.getFirst().firstLine()).isEqualTo("SIP/2.0 100 Trying");
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        call.accept(Optional.of(Body.sdp("v=0\r\n")));
        var ringing = h.startingWith("SIP/2.0 180").getFirst();
        var ok = h.startingWith("SIP/2.0 200").getFirst();
        assertThat(tagOf(ringing.header("To"))).isNotNull().isEqualTo(tagOf(ok.header("To")));
        assertThat(ok.header("Contact")).contains("sip:gw@127.0.0.1:5060");
        assertThat(ok.header("Content-Type")).isEqualTo("application/sdp");
        assertThat(ok.body()).isEqualTo("v=0\r\n");
        assertThat(ok.flow()).isEqualTo(UDP);
    }

    @Test
    void theApplicationSeesHeadersAsWrittenWithOnlyListHeadersSplit() {
        h.receive(invite("z9hG4bKi1", "c1h", "X-Trunk: a, b\nSupported: 100rel, timer\n"), UDP);
        assertThat(call.invite().headers("X-Trunk")).containsExactly("a, b");
        assertThat(call.invite().headers("k")).containsExactly("100rel", "timer");
        assertThat(call.invite().method()).isEqualTo(org.pstngw.sip.message.SipMethod.INVITE);
        assertThat(call.invite().status()).isEmpty();
    }

    @Test
    void retransmitsTheOkAtT1DoublingToT2UntilTheAck() {
        String tag = answered("c2");
        h.advance(8_000);
        assertThat(h.startingWith("SIP/2.0 200").stream().map(UaHarness.Sent::atMillis))
                .containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L);
        h.receive(inDialog("ACK", "z9hG4bKa1", "c2", tag, 1, "", ""), UDP);
        h.advance(20_000);
        assertThat(h.startingWith("SIP/2.0 200")).hasSize(5);
        assertThat(events).containsExactly("invite v=0", "ack");
    }

    /**
     * 18.2.2: the 2xx retransmissions go where the first 2xx went (the Via's sent-by port here, the request came from
     * another port), not back to the request's source port.
     */
    @Test
    void theOkIsRetransmittedWhereTheViaSaysLikeTheFirstOne() {
        h.receive(
                invite("z9hG4bKi1", "c2v", "")
                        .replace("Via: SIP/2.0/UDP 127.0.0.1:5070", "Via: SIP/2.0/UDP 127.0.0.1:5080"),
                UDP);
        call.accept(Optional.of(Body.sdp("v=0\r\n")));
        h.advance(2_000);
        assertThat(h.startingWith("SIP/2.0 200").stream()
                        .map(s -> s.flow().remote().getPort()))
                .containsExactly(5080, 5080, 5080);
    }

    @Test
    void doesNotRetransmitTheOkOverTcp() {
        h.receive(invite("z9hG4bKi1", "c2t", ""), TCP);
        call.accept(Optional.empty());
        h.advance(10_000);
        assertThat(h.startingWith("SIP/2.0 200")).hasSize(1);
    }

    @Test
    void withoutAckFor64T1TheCallIsEndedWithBye() {
        answered("c3");
        h.advance(32_000);
        assertThat(h.startingWith("BYE ")).hasSize(1);
        assertThat(h.startingWith("BYE ").getFirst().header("CSeq")).isEqualTo("1 BYE");
        assertThat(events).contains("failure");
    }

    @Test
    void cancelGets200AndTheInvite487WhoseAckIsAbsorbed() {
        h.receive(invite("z9hG4bKi1", "c4", ""), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        h.receive("""
                CANCEL sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKi1
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: c4
                CSeq: 1 CANCEL
                Content-Length: 0

                """, UDP);
        assertThat(h.startingWith("SIP/2.0 200").getFirst().header("CSeq")).isEqualTo("1 CANCEL");
        var terminated = h.startingWith("SIP/2.0 487").getFirst();
        assertThat(terminated.header("CSeq")).isEqualTo("1 INVITE");
        assertThat(events).containsExactly("invite v=0", "cancel");
        String tag = tagOf(terminated.header("To"));
        h.receive(inDialog("ACK", "z9hG4bKi1", "c4", tag, 1, "", ""), UDP);
        h.advance(40_000);
        assertThat(h.startingWith("SIP/2.0 487")).hasSize(1);
        assertThat(h.ua.transactions()).isZero();
    }

    @Test
    void cancelForNoTransactionGets481() {
        h.receive("""
                CANCEL sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKnone
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: c5
                CSeq: 1 CANCEL
                Content-Length: 0

                """, UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 481");
    }

    @Test
    void rejectionIsRetransmittedOnTimerGUntilTheAck() {
        h.receive(invite("z9hG4bKi1", "c6", ""), UDP);
        call.reject(SipStatus.BUSY_HERE, List.of(new Header("Reason", "Q.850;cause=17")), Optional.empty());
        h.advance(2_000);
        var busy = h.startingWith("SIP/2.0 486");
        assertThat(busy.stream().map(UaHarness.Sent::atMillis)).containsExactly(0L, 500L, 1_500L);
        assertThat(busy.getFirst().header("Reason")).isEqualTo("Q.850;cause=17");
        h.receive(inDialog("ACK", "z9hG4bKi1", "c6", tagOf(busy.getFirst().header("To")), 1, "", ""), UDP);
        h.advance(10_000);
        assertThat(h.startingWith("SIP/2.0 486")).hasSize(3);
    }

    @Test
    void byeEndsTheCallAndALowerCseqGets500() {
        String tag = answered("c7");
        h.receive(inDialog("ACK", "z9hG4bKa1", "c7", tag, 1, "", ""), UDP);
        h.receive(inDialog("INFO", "z9hG4bKn1", "c7", tag, 5, "Content-Type: application/isup\n", "xyz"), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        h.receive(inDialog("BYE", "z9hG4bKb1", "c7", tag, 3, "", ""), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 500");
        h.receive(inDialog("BYE", "z9hG4bKb2", "c7", tag, 6, "", ""), UDP);
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(events).containsExactly("invite v=0", "ack", "info application/isup xyz", "bye");
        h.receive(inDialog("BYE", "z9hG4bKb3", "c7", tag, 7, "", ""), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 481");
    }

    @Test
    void updateAndReinviteAreTargetRefreshesAnsweredByTheApplication() {
        String tag = answered("c8");
        h.receive(inDialog("ACK", "z9hG4bKa1", "c8", tag, 1, "", ""), UDP);
        offerAnswer = Optional.of(Body.sdp("v=0 answer"));
        h.receive(inDialog("UPDATE", "z9hG4bKu1", "c8", tag, 2, "Content-Type: application/sdp\n", "v=0 offer"), UDP);
        var ok = h.last();
        assertThat(ok.header("CSeq")).isEqualTo("2 UPDATE");
        assertThat(ok.body()).isEqualTo("v=0 answer");
        call.hangup(List.of(), Optional.empty());
        var bye = h.last();
        assertThat(bye.firstLine()).isEqualTo("BYE sip:alice@127.0.0.1:5071 SIP/2.0");
        assertThat(events).contains("offer UPDATE");
    }

    @Test
    void reinviteIsAnsweredByTheApplicationAndItsOkRetransmittedUntilAck() {
        String tag = answered("c8r");
        h.receive(inDialog("ACK", "z9hG4bKa1", "c8r", tag, 1, "", ""), UDP);
        offerAnswer = Optional.of(Body.sdp("v=0 hold"));
        int before = h.startingWith("SIP/2.0 200").size();
        h.receive(inDialog("INVITE", "z9hG4bKr1", "c8r", tag, 2, "Content-Type: application/sdp\n", "v=0 re"), UDP);
        h.advance(1_600);
        var oks = h.startingWith("SIP/2.0 200")
                .subList(before, h.startingWith("SIP/2.0 200").size());
        assertThat(oks).hasSize(3);
        assertThat(oks.getFirst().header("CSeq")).isEqualTo("2 INVITE");
        assertThat(oks.getFirst().body()).isEqualTo("v=0 hold");
        h.receive(inDialog("ACK", "z9hG4bKa2", "c8r", tag, 2, "", ""), UDP);
        h.advance(10_000);
        assertThat(h.startingWith("SIP/2.0 200")).hasSize(before + 3);
        assertThat(events).contains("offer INVITE");
        call.hangup(List.of(), Optional.empty());
        assertThat(h.last().firstLine()).isEqualTo("BYE sip:alice@127.0.0.1:5071 SIP/2.0");
        assertThat(h.last().header("CSeq")).isEqualTo("1 BYE");
    }

    @Test
    void acceptCarriesApplicationHeaders() {
        h.receive(invite("z9hG4bKi1", "c8h", ""), UDP);
        call.accept(List.of(new Header("P-Asserted-Identity", "<tel:+4420712345678>")), Optional.empty());
        assertThat(h.last().header("P-Asserted-Identity")).isEqualTo("<tel:+4420712345678>");
    }

    @Test
    void reliableProvisionalIsRetransmittedUntilPrack() {
        h.receive(invite("z9hG4bKi1", "c9", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.of(Body.sdp("v=0\r\n")), true);
        h.advance(2_000);
        var progress = h.startingWith("SIP/2.0 183");
        assertThat(progress.stream().map(UaHarness.Sent::atMillis)).containsExactly(0L, 500L, 1_500L);
        assertThat(progress.getFirst().header("Require")).isEqualTo("100rel");
        String rseq = progress.getFirst().header("RSeq");
        String tag = tagOf(progress.getFirst().header("To"));
        h.receive(inDialog("PRACK", "z9hG4bKp1", "c9", tag, 2, "RAck: " + rseq + " 1 INVITE\n", ""), UDP);
        assertThat(h.last().header("CSeq")).isEqualTo("2 PRACK");
        assertThat(h.last().firstLine()).isEqualTo("SIP/2.0 200 OK");
        h.advance(10_000);
        assertThat(h.startingWith("SIP/2.0 183")).hasSize(3);
    }

    @Test
    void unacknowledgedReliableProvisionalFailsTheInviteAfter64T1() {
        h.receive(invite("z9hG4bKi1", "c10", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), true);
        h.advance(31_999);
        assertThat(h.startingWith("SIP/2.0 504")).isEmpty();
        h.advance(1);
        assertThat(h.startingWith("SIP/2.0 504")).hasSize(1);
        assertThat(h.startingWith("SIP/2.0 180").stream().map(UaHarness.Sent::atMillis))
                .containsExactly(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 31_500L);
    }

    @Test
    void prackWithWrongRackGets481() {
        h.receive(invite("z9hG4bKi1", "c11", "Supported: 100rel\n"), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), true);
        String tag = tagOf(h.startingWith("SIP/2.0 180").getFirst().header("To"));
        h.receive(inDialog("PRACK", "z9hG4bKp1", "c11", tag, 2, "RAck: 1 9 INVITE\n", ""), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 481");
    }

    @Test
    void unreliableProvisionalWhenTheCallerLacks100rel() {
        h.receive(invite("z9hG4bKi1", "c12", ""), UDP);
        call.sendProvisional(SipStatus.SESSION_PROGRESS, Optional.empty(), true);
        assertThat(h.last().header("Require")).isNull();
        assertThat(h.last().header("RSeq")).isNull();
    }

    @Test
    void mergedRequestGets482() {
        h.receive(invite("z9hG4bKi1", "c13", ""), UDP);
        h.receive(invite("z9hG4bKi2", "c13", ""), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 482");
        assertThat(events).containsExactly("invite v=0");
    }

    @Test
    void inviteRetransmissionIsAbsorbedAndTheLastResponseResent() {
        h.receive(invite("z9hG4bKi1", "c14", ""), UDP);
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        h.receive(invite("z9hG4bKi1", "c14", ""), UDP);
        assertThat(h.startingWith("SIP/2.0 180")).hasSize(2);
        assertThat(events).containsExactly("invite v=0");
    }

    @Test
    void unsupportedRequireGets420NamingTheExtension() {
        h.receive(invite("z9hG4bKi1", "c15", "Require: foo, 100rel\n"), UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 420");
        assertThat(h.last().header("Unsupported")).isEqualTo("foo");
    }

    @Test
    void optionsIsAnsweredWithAllowAcceptSupported() {
        h.receive("""
                OPTIONS sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKo1;rport
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: o1
                CSeq: 1 OPTIONS
                Content-Length: 0

                """, UDP);
        var ok = h.last();
        assertThat(ok.firstLine()).isEqualTo("SIP/2.0 200 OK");
        assertThat(ok.header("Allow")).contains("INVITE", "PRACK", "UPDATE", "INFO");
        assertThat(ok.header("Accept")).contains("application/sdp");
        assertThat(ok.header("Supported")).isEqualTo("100rel");
        assertThat(ok.header("Via")).contains("rport=5070").contains("received=127.0.0.1");
    }

    @Test
    void unknownMethodGets405WithAllow() {
        h.receive("""
                SUBSCRIBE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKs1
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: s1
                CSeq: 1 SUBSCRIBE
                Content-Length: 0

                """, UDP);
        assertThat(h.last().firstLine()).startsWith("SIP/2.0 405");
        assertThat(h.last().header("Allow")).contains("INVITE");
    }

    @Test
    void malformedRequestGets400NamingTheDefectAndMalformedResponseIsDropped() {
        h.receive("""
                INVITE sip:gw@127.0.0.1:5060 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKm1
                Max-Forwards: 70
                From: <sip:alice@127.0.0.1:5070>;tag=a1
                To: <sip:gw@127.0.0.1:5060>
                Call-ID: m1
                CSeq: banana
                Content-Length: 0

                """, UDP);
        var bad = h.last();
        assertThat(bad.firstLine()).startsWith("SIP/2.0 400 ");
        assertThat(bad.firstLine().toLowerCase(java.util.Locale.ROOT)).contains("cseq");
        int before = h.sent.size();
        h.receive("SIP/2.0 200 OK\nVia: garbage\n\n", UDP);
        assertThat(h.sent).hasSize(before);
        h.receive("\u0000\u0001 not sip at all", UDP);
        assertThat(events).isEmpty();
    }
}
