package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {
    @Test
    void parsesTypicalInviteAndTypedHeaders() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE);
        assertThat(r.method()).isEqualTo(SipMethod.INVITE);
        assertThat(r.requestUri()).isInstanceOf(SipUri.class);
        assertThat(((SipUri) r.requestUri()).user()).isEqualTo("bob");
        Via top = r.topVia();
        assertThat(top.transport()).isEqualTo("UDP");
        assertThat(top.host()).isEqualTo("pc33.atlanta.example.com");
        assertThat(top.port()).isEqualTo(5060);
        assertThat(top.branch()).isEqualTo("z9hG4bK776asdhds");
        assertThat(top.hasMagicCookie()).isTrue();
        assertThat(top.hasRport()).isTrue();
        assertThat(top.rport()).isEqualTo(-1);
        Via second = r.vias().get(1);
        assertThat(second.received()).isEqualTo("192.0.2.1");
        assertThat(second.rport()).isEqualTo(5070);
        assertThat(second.maddr()).isEqualTo("239.1.1.1");
        assertThat(second.ttl()).isEqualTo(16);
        assertThat(second.port()).isEqualTo(-1);
        assertThat(r.from().tag()).isEqualTo("1928301774");
        assertThat(r.from().displayNameText()).isEqualTo("Alice A.");
        assertThat(r.to().tag()).isNull();
        assertThat(r.to().displayName()).isEqualTo("Bob");
        assertThat(r.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(r.cseq()).isEqualTo(new CSeq(314159, SipMethod.INVITE));
        assertThat(r.maxForwards()).hasValue(70);
        Contact.Address c = (Contact.Address) r.contacts().get(0);
        assertThat(c.expires()).isEqualTo(3600);
        assertThat(c.q()).isEqualTo(0.7);
        assertThat(((SipUri) c.address().uri()).transport()).isEqualTo("tcp");
        assertThat(r.routes()).hasSize(2);
        assertThat(((SipUri) r.routes().get(1).uri()).host()).isEqualTo("p2.example.com");
        assertThat(((SipUri) r.recordRoutes().get(0).uri()).lr()).isTrue();
        assertThat(r.supported()).containsExactly("100rel", "timer");
        assertThat(r.require()).containsExactly("100rel");
        assertThat(r.allow()).contains("PRACK");
        assertThat(r.contentType())
                .hasValueSatisfying(t -> assertThat(t.is("application", "sdp")).isTrue());
        assertThat(r.contentDisposition())
                .hasValueSatisfying(d -> assertThat(d.required()).isTrue());
        assertThat(r.header("x-custom")).hasValue("keep me");
        assertThat(r.contentLength()).isEqualTo(149);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .startsWith("v=0")
                .endsWith("PCMU/8000\r\n");
    }

    @Test
    void unmodifiedMessageSerialisesToItsOriginalBytes() {
        byte[] in = Msgs.bytes(Msgs.INVITE);
        assertThat(Msgs.parse(Msgs.INVITE).toBytes()).isEqualTo(in);
    }

    @Test
    void foldingCompactFormsAndCaseInsensitiveNames() {
        SipMessage m = Msgs.parse("""
                OPTIONS sip:x@example.com SIP/2.0\r
                v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r
                f: <sip:a@example.com>;tag=1\r
                t: <sip:x@example.com>\r
                i: abc\r
                CSEQ: 1\r
                  OPTIONS\r
                k: foo\r
                Subject: first\r
                 second\r
                l: 0\r
                \r
                """);
        assertThat(m.callId()).isEqualTo("abc");
        assertThat(m.cseq().method()).isEqualTo(SipMethod.OPTIONS);
        assertThat(m.header("Subject")).hasValue("first second");
        assertThat(m.header("s")).hasValue("first second");
        assertThat(m.supported()).containsExactly("foo");
        assertThat(m.header("via")).hasValue("SIP/2.0/UDP h.example.com;branch=z9hG4bK1");
    }

    @Test
    void authorizationIsNotSplitOnCommas() {
        SipMessage m = Msgs.parse(Msgs.INVITE.replace(
                "X-Custom: keep me", "Authorization: Digest username=\"a\", realm=\"b\", nonce=\"c\""));
        assertThat(m.headerValues("Authorization")).hasSize(1);
    }

    @Test
    void unknownAndSingleValueHeadersAreNotSplitButListHeadersAre() {
        SipMessage m = Msgs.parse(
                Msgs.INVITE.replace("X-Custom: keep me", "X-Custom: a, b\r\nDate: Sat, 13 Nov 2010 23:29:00 GMT"));
        assertThat(m.headerValues("X-Custom")).containsExactly("a, b");
        assertThat(m.headerValues("Date")).containsExactly("Sat, 13 Nov 2010 23:29:00 GMT");
        assertThat(m.headerValues("Route")).hasSize(2);
        assertThat(HeaderNames.isList("k")).isTrue();
        assertThat(HeaderNames.isList("X-Custom")).isFalse();
    }

    @Test
    void nonNumericRportOrTtlIsAParseTimeDefectNotAnException() {
        String top = "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport";
        assertThat(Msgs.malformed(Msgs.INVITE.replace(top, top + "=abc")).reason())
                .isEqualTo("invalid Via: invalid Via rport abc");
        assertThat(Msgs.malformed(Msgs.INVITE.replace(top, top + "=70000")).reason())
                .isEqualTo("invalid Via: invalid Via rport 70000");
        assertThat(Msgs.malformed(Msgs.INVITE.replace("ttl=16", "ttl=x")).reason())
                .isEqualTo("invalid Via: invalid Via ttl x");
        Via built = Via.parse("SIP/2.0/UDP h;branch=z9hG4bK1").withParam("rport", "junk");
        assertThat(built.rport()).isEqualTo(-1);
        assertThat(built.withParam("ttl", "999").ttl()).isEqualTo(-1);
    }

    @Test
    void unknownMethodPassesThrough() {
        SipRequest r = (SipRequest) Msgs.parse(Msgs.INVITE
                .replace("INVITE sip:bob", "FOOBAR sip:bob")
                .replace("CSeq: 314159 INVITE", "CSeq: 314159 FOOBAR"));
        assertThat(r.method().name()).isEqualTo("FOOBAR");
        assertThat(r.method().isKnown()).isFalse();
    }

    @Test
    void responseLine() {
        SipResponse r = (SipResponse) Msgs.parse("""
                SIP/2.0 499 Some Reason Here\r
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r
                From: <sip:a@example.com>;tag=1\r
                To: <sip:x@example.com>;tag=2\r
                Call-ID: abc\r
                CSeq: 1 INVITE\r
                Content-Length: 0\r
                \r
                """);
        assertThat(r.statusCode()).isEqualTo(499);
        assertThat(r.reasonPhrase()).isEqualTo("Some Reason Here");
        assertThat(r.status().reason()).isEqualTo("Client Error");
        assertThat(r.to().tag()).isEqualTo("2");
    }

    @Test
    void malformedNamesTheDefectAndKeepsWhatIsNeededToAnswer() {
        ParseResult.Malformed m = Msgs.malformed(Msgs.INVITE.replace("Content-Length: 149", "Content-Length: 500"));
        assertThat(m.reason()).isEqualTo("Content-Length 500 exceeds body length 149");
        assertThat(m.request()).isTrue();
        assertThat(m.answerable()).isTrue();
        SipResponse answer = SipResponses.answer(m, "xyz");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.to().tag()).isEqualTo("xyz");
        assertThat(answer.vias()).hasSize(2);
        assertThat(answer.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");

        assertThat(Msgs.malformed(Msgs.INVITE.replace("Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n", ""))
                        .reason())
                .isEqualTo("missing Call-ID");
        assertThat(Msgs.malformed(Msgs.INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314159 IN VITE"))
                        .reason())
                .isEqualTo("invalid CSeq method: IN VITE");
        assertThat(Msgs.malformed(Msgs.INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314159 BYE"))
                        .reason())
                .isEqualTo("CSeq method BYE does not match request method INVITE");
        assertThat(Msgs.malformed(Msgs.INVITE.replace("SIP/2.0\r\nVia", "SIP/7.0\r\nVia"))
                        .status())
                .isEqualTo(505);
        assertThat(Msgs.malformed("garbage").reason()).isEqualTo("start line not terminated by CRLF");
        assertThat(Msgs.malformed(Msgs.INVITE.replace("X-Custom: keep me", "no colon here"))
                        .reason())
                .startsWith("malformed header line");
    }

    @Test
    void datagramWithoutContentLengthTakesTheRestAndTrailingOctetsAreIgnored() {
        String noCl = Msgs.INVITE.replace("Content-Length: 149\r\n", "");
        assertThat(Msgs.parse(noCl).bodyLength()).isEqualTo(149);
        SipMessage m = Msgs.parse(Msgs.INVITE + "trailing junk");
        assertThat(m.bodyLength()).isEqualTo(149);
        assertThat(m.toBytes()).isEqualTo(Msgs.bytes(Msgs.INVITE));
    }

    @Test
    void limitsAreEnforced() {
        SipLimits small = SipLimits.DEFAULT.withMaxHeaders(5);
        ParseResult r = SipParser.parse(Msgs.bytes(Msgs.INVITE), 0, Msgs.INVITE.length(), small);
        assertThat(((ParseResult.Malformed) r).reason()).isEqualTo("more than 5 header fields");
        SipLimits tiny = new SipLimits(100, 50, 8_192);
        r = SipParser.parse(Msgs.bytes(Msgs.INVITE), 0, Msgs.INVITE.length(), tiny);
        assertThat(((ParseResult.Malformed) r).status()).isEqualTo(413);
    }

    @Test
    void binaryBodyIsKeptByteForByte() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        SipRequest built = ((SipRequest) Msgs.parse(Msgs.INVITE))
                .toBuilder().body("application/isup;version=itu-t92+", body).buildRequest();
        SipMessage back = ((ParseResult.Parsed) SipParser.parse(built.toBytes())).message();
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.contentLength()).isEqualTo(256);
        assertThat(back.contentType().orElseThrow().subtype()).isEqualTo("isup");
    }
}
