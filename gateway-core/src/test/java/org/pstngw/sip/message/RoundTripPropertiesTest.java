package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RoundTripPropertiesTest {
    @Provide
    Arbitrary<SipMessage> messages() {
        Arbitrary<String> tok = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> method = Arbitraries.of("INVITE", "BYE", "OPTIONS", "INFO", "FOO-BAR");
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<List<String>> extra = tok.list().ofMaxSize(6);
        Arbitrary<Long> cseq = Arbitraries.longs().between(0, 0xFFFFFFFFL);
        return Combinators.combine(
                        method,
                        tok,
                        tok,
                        cseq,
                        body,
                        extra,
                        Arbitraries.integers().between(100, 699))
                .as((m, user, tag, n, b, xs, status) -> {
                    SipMessageBuilder builder = status % 2 == 0
                            ? SipMessageBuilder.request(SipMethod.valueOf(m), "sip:" + user + "@example.com")
                            : SipMessageBuilder.response(status, "Reason " + user);
                    builder.header("Via", "SIP/2.0/UDP host.example.com:5060;branch=z9hG4bK" + tag + ";rport")
                            .header("From", "\"" + user + "\" <sip:" + user + "@a.example>;tag=" + tag)
                            .header("To", "<sip:" + user + "@b.example>")
                            .header("Call-ID", tag + "@example.com")
                            .header("CSeq", n + " " + m);
                    for (String x : xs) {
                        builder.header("X-" + x, x + ", " + tag);
                    }
                    return builder.body(b).build();
                });
    }

    @Property(tries = 300)
    void serialiseThenParseGivesAnEqualMessage(@ForAll("messages") SipMessage m) {
        ParseResult r = SipParser.parse(m.toBytes());
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        SipMessage back = ((ParseResult.Parsed) r).message();
        assertThat(back).isEqualTo(m);
        assertThat(back.headers()).isEqualTo(m.headers());
        assertThat(back.body()).isEqualTo(m.body());
        assertThat(back.cseq()).isEqualTo(m.cseq());
        assertThat(back.from()).isEqualTo(m.from());
        List<ParseResult> framed = new StreamFramer().feed(m.toBytes());
        assertThat(framed).hasSize(1);
        assertThat(((ParseResult.Parsed) framed.get(0)).message()).isEqualTo(m);
    }
}
