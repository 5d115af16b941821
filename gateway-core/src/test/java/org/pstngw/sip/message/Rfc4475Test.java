package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4475 torture messages (fixtures under sip/rfc4475, lines CRLF-terminated as in the RFC). */
class Rfc4475Test {
    static byte[] load(String name) {
        try (InputStream in = Rfc4475Test.class.getResourceAsStream("/sip/rfc4475/" + name + ".sip")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SipMessage parsed(String name) {
        ParseResult r = SipParser.parse(load(name));
        assertThat(r).as(name + ": " + r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).message();
    }

    static ParseResult.Malformed malformed(String name) {
        ParseResult r = SipParser.parse(load(name));
        assertThat(r).as(name).isInstanceOf(ParseResult.Malformed.class);
        return (ParseResult.Malformed) r;
    }

    /**
     * Valid messages (3.1.1) and those the RFC leaves to the application (3.2, 3.3, 3.4): they parse, and an unmodified
     * message serialises to exactly the bytes of its fixture (the whole file, nothing more, nothing less).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "semiuri", "transports",
                "mpart01", "unreason", "noreason", "badbranch", "unkscm", "novelsc", "unksm2", "bext01", "invut",
                "regaut01", "bcast", "zeromf", "cparam01", "cparam02", "regescrt", "sdp01", "inv2543"
            })
    void validMessagesParseAndKeepTheirBytes(String name) {
        SipMessage m = parsed(name);
        assertThat(m.toBytes()).isEqualTo(load(name));
        assertThat(m.callId()).isNotBlank();
    }

    /** 3.1.1.8: the REGISTER is the message; the INVITE after it in the same datagram is trailing octets, ignored. */
    @Test
    void dblreqIsTheRegisterWithoutItsTrailingOctets() {
        byte[] in = load("dblreq");
        SipMessage m = parsed("dblreq");
        String text = new String(in, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n") + 4;
        assertThat(m.toBytes()).isEqualTo(java.util.Arrays.copyOf(in, end));
        assertThat(text.substring(end)).startsWith("INVITE sip:joe@example.com SIP/2.0");
        assertThat(m.bodyLength()).isZero();
    }

    /** 3.1.1.11: a multipart/mixed body with a binary part, null bytes included, framed by its Content-Length. */
    @Test
    void mpart01KeepsItsBinaryMultipartBody() {
        SipRequest r = (SipRequest) parsed("mpart01");
        assertThat(r.method()).isEqualTo(SipMethod.MESSAGE);
        assertThat(r.contentLength()).isEqualTo(553).isEqualTo(r.bodyLength());
        assertThat(r.contentType().orElseThrow().param("boundary")).isEqualTo("7a9cbec02ceef655");
        byte[] body = r.body();
        assertThat(new String(body, 0, 20, StandardCharsets.US_ASCII)).isEqualTo("--7a9cbec02ceef655\r\n");
        assertThat(new String(body, body.length - 22, 22, StandardCharsets.US_ASCII))
                .isEqualTo("--7a9cbec02ceef655--\r\n");
        assertThat(body).contains((byte) 0x00, (byte) 0x82);
        assertThat(r.header("Identity")).hasValueSatisfying(v -> assertThat(v).startsWith("r5mwreLuyDRYBi/"));
    }

    /** 3.3.10: a broadcast address in the second Via is well formed. */
    @Test
    void bcastIsAWellFormedResponse() {
        SipResponse r = (SipResponse) parsed("bcast");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.vias()).extracting(Via::host).containsExactly("192.0.2.198", "255.255.255.255");
        assertThat(r.bodyLength()).isEqualTo(154);
    }

    /** Invalid messages (3.1.2, 3.3.x): rejected with the defect named. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "badinv01 | invalid Via",
                "clerr | Content-Length 9999 exceeds body length 154",
                "ncl | invalid Content-Length -999",
                "scalar02 | Max-Forwards 300 exceeds 255",
                "scalarlg | invalid CSeq number: 9292394834772304023312",
                "quotbal | invalid To: unterminated quoted string",
                "ltgtruri | Request-URI enclosed in <>",
                "lwsruri | whitespace inside or after the Request-URI",
                "lwsstart | more than one SP between method and Request-URI",
                "trws | whitespace inside or after the Request-URI",
                "escruri | Request-URI contains headers",
                "baddate | Date not in GMT",
                "regbadct | invalid Contact",
                "badaspec | invalid To",
                "baddn | invalid From: invalid display name",
                "badvers | unsupported SIP version SIP/7.0",
                "mismatch01 | CSeq method INVITE does not match request method OPTIONS",
                "mismatch02 | CSeq method INVITE does not match request method NEWMETHOD",
                "bigcode | invalid status code 4294967301",
                "insuf | missing From",
                "mcl01 | conflicting Content-Length headers",
            })
    void invalidMessagesAreMalformed(String name, String reason) {
        assertThat(malformed(name).reason()).startsWith(reason);
    }

    /** 3.3.8: with its Content-Length right, multi01 is rejected for what it tests, the duplicated singletons. */
    @Test
    void multipleSingletonHeadersAreRejected() {
        ParseResult.Malformed m = malformed("multi01");
        assertThat(m.reason()).isEqualTo("more than one From header");
        assertThat(m.answerable()).isTrue();
    }

    @Test
    void badRequestsCarryWhatA400Needs() {
        ParseResult.Malformed m = malformed("mismatch01");
        assertThat(m.answerable()).isTrue();
        SipResponse r = SipResponses.answer(m, "t1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.callId()).isEqualTo("mismatch01.dj0234sxdfl3");
        assertThat(r.to().tag()).isEqualTo("t1");
        assertThat(malformed("badvers").status()).isEqualTo(505);
        assertThat(malformed("bigcode").request()).isFalse();
        ParseResult.Malformed insuf = malformed("insuf");
        assertThat(insuf.answerable()).isFalse();
    }

    @Test
    void wsinvFields() {
        SipRequest r = (SipRequest) parsed("wsinv");
        assertThat(r.method()).isEqualTo(SipMethod.INVITE);
        assertThat(((SipUri) r.requestUri()).params().has("unknownparam")).isTrue();
        assertThat(r.to().tag()).isEqualTo("1918181833n");
        assertThat(r.from().tag()).isEqualTo("98asjd8");
        assertThat(r.from().displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        assertThat(r.maxForwards()).hasValue(68);
        assertThat(r.cseq()).isEqualTo(new CSeq(9, SipMethod.INVITE));
        assertThat(r.vias())
                .extracting(Via::host)
                .containsExactly("192.0.2.2", "spindle.example.com", "192.168.255.111");
        assertThat(r.vias().get(1).transport()).isEqualTo("TCP");
        assertThat(r.vias().get(2).branch()).isEqualTo("z9hG4bK30239");
        assertThat(r.header("Subject")).hasValue("");
        assertThat(r.header("NewFangledHeader")).hasValue("newfangled value continued newfangled value");
        assertThat(r.header("UnknownHeaderWithUnusualValue")).hasValue(";;,,;;,;");
        assertThat(((SipUri) r.routes().get(0).uri()).lr()).isTrue();
        Contact.Address c = (Contact.Address) r.contacts().get(0);
        assertThat(c.q()).isEqualTo(0.33);
        assertThat(c.address().params().has("secondparam")).isTrue();
        assertThat(c.address().params().get("newparam")).isEqualTo("newvalue");
        assertThat(r.bodyLength()).isEqualTo(150);
    }

    @Test
    void intmethAndEscapes() {
        SipRequest i = (SipRequest) parsed("intmeth");
        assertThat(i.method().name()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        SipUri u = (SipUri) i.requestUri();
        assertThat(u.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(u.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(u.host()).isEqualTo("example.com");
        assertThat(i.from().tag()).isEqualTo("_token~1'+`*%!-.");
        assertThat(i.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");

        SipRequest e = (SipRequest) parsed("esc01");
        assertThat(((SipUri) e.requestUri()).user()).isEqualTo("sips:user@example.com");
        assertThat(((SipUri) e.to().uri()).user()).isEqualTo("user");
        assertThat(((SipUri) e.from().uri()).user()).isEqualTo("I have spaces");
        SipUri contact =
                (SipUri) ((Contact.Address) e.contacts().get(0)).address().uri();
        assertThat(contact.user()).isEqualTo("caller");
        assertThat(contact.param("name")).isEqualTo("value%41");
        assertThat(e.contentType().orElseThrow().is("application", "sdp")).isTrue();

        SipRequest n = (SipRequest) parsed("escnull");
        assertThat(((SipUri) n.to().uri()).user()).isEqualTo("null-\0-null");
        assertThat(n.contacts()).hasSize(2);

        SipRequest e2 = (SipRequest) parsed("esc02");
        assertThat(e2.method().name()).isEqualTo("RE%47IST%45R");
        assertThat(e2.method()).isNotEqualTo(SipMethod.REGISTER);
        assertThat(e2.contacts()).hasSize(2);
        assertThat(e2.header("C%6Fntact")).hasValue("<sip:alias2@host2.example.com>");
        assertThat(((SipUri) ((SipRequest) parsed("semiuri")).requestUri()).user())
                .isEqualTo("user;par=u@example.net");
    }

    @Test
    void otherValidMessagesFields() {
        SipRequest l = (SipRequest) parsed("longreq");
        assertThat(l.vias()).hasSize(34);
        assertThat(l.from().tag()).startsWith("12982982");
        assertThat(((SipUri) l.to().uri()).port()).isEqualTo(6000);
        assertThat(((SipRequest) parsed("lwsdisp")).from().displayName()).isEqualTo("caller");
        SipRequest d = (SipRequest) parsed("dblreq");
        assertThat(d.method()).isEqualTo(SipMethod.REGISTER);
        assertThat(d.bodyLength()).isZero();
        assertThat(parsed("transports").vias())
                .extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
        assertThat(((SipResponse) parsed("noreason")).reasonPhrase()).isEmpty();
        assertThat(((SipResponse) parsed("unreason")).reasonPhrase()).endsWith("простое");
        assertThat(((SipRequest) parsed("unkscm")).requestUri()).isInstanceOf(AbsoluteUri.class);
        assertThat(((SipRequest) parsed("novelsc")).requestUri().scheme()).isEqualTo("soap.beep");
        assertThat(parsed("unksm2").to().uri().scheme()).isEqualTo("isbn");
        assertThat(parsed("bext01").require()).containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
        assertThat(parsed("zeromf").maxForwards()).hasValue(0);
        Contact.Address c1 = (Contact.Address) parsed("cparam01").contacts().get(0);
        assertThat(c1.address().params().has("unknownparam")).isTrue();
        assertThat(((SipUri) c1.address().uri()).params().isEmpty()).isTrue();
        Contact.Address c2 = (Contact.Address) parsed("cparam02").contacts().get(0);
        assertThat(((SipUri) c2.address().uri()).params().has("unknownparam")).isTrue();
        Contact.Address rc = (Contact.Address) parsed("regescrt").contacts().get(0);
        assertThat(((SipUri) rc.address().uri()).headers()).hasSize(1);
        assertThat(parsed("badbranch").topVia().hasMagicCookie()).isTrue();
        assertThat(parsed("inv2543").topVia().branch()).isNull();
        assertThat(parsed("inv2543").bodyLength()).isEqualTo(105);
        assertThat(parsed("invut").contentType().orElseThrow().subtype()).isEqualTo("unknownformat");
    }
}
