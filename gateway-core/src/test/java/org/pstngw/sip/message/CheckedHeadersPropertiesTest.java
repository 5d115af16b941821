package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The parser checks Via, From, To, CSeq, Contact and the Request-URI without building them; the accessors build them
 * later from the same code. On messages damaged where those headers are (bytes replaced, inserted, deleted: quotes,
 * brackets, commas, folds, multi-byte spaces, stray UTF-8), a message that parses has accessors that do not fail, and
 * they give what parsing each field's text gives. (Leading CRLFs are not part of the message, RFC 3261 7.5.)
 */
class CheckedHeadersPropertiesTest {
    private static final List<String> BASES =
            List.of(Msgs.INVITE, Msgs.INVITE.replace("Via: SIP/2.0/TCP", "v: SIP/2.0/UDP h2.example.com, SIP/2.0/TCP"));

    private static final List<String> PIECES = List.of(
            " ",
            "\t",
            ",",
            ";",
            ":",
            "<",
            ">",
            "\"",
            "\\",
            "@",
            "?",
            "&",
            "=",
            "[",
            "]",
            "/",
            "%41",
            "*",
            "\r\n ",
            "\r\n",
            "tag=",
            ";rport=",
            ";ttl=",
            ";RPORT",
            "sip:",
            "sips:",
            "tel:+1",
            "[::1]",
            ":5060",
            "x",
            "0",
            "9",
            "\u2003",
            "\u3000",
            "\u00e9\u00e9",
            "\u000b",
            "\u001f",
            "\u007f",
            "\u0000");

    record Edit(int at, int op, String piece) {}

    @Provide
    Arbitrary<byte[]> damaged() {
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.oneOf(
                                Arbitraries.of(PIECES),
                                Arbitraries.bytes().map(b -> new String(new byte[] {b}, StandardCharsets.ISO_8859_1))))
                .as(Edit::new);
        return Combinators.combine(
                        Arbitraries.of(BASES), edit.list().ofMinSize(1).ofMaxSize(3))
                .as(CheckedHeadersPropertiesTest::apply);
    }

    /** The edits land in the checked header fields and the start line (the part of the message before Route). */
    private static byte[] apply(String base, List<Edit> edits) {
        byte[] b = base.getBytes(StandardCharsets.UTF_8);
        int end = base.indexOf("Route:");
        for (Edit e : edits) {
            int at = e.at() % end;
            byte[] piece = e.piece().getBytes(StandardCharsets.UTF_8);
            if (e.piece().length() == 1
                    && e.piece().charAt(0) >= 0x80
                    && e.piece().charAt(0) <= 0xff) {
                piece = e.piece().getBytes(StandardCharsets.ISO_8859_1);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + piece.length);
            out.write(b, 0, at);
            int skip = switch (e.op()) {
                case 0 -> 0;
                case 1 -> 1;
                default -> -1;
            };
            if (skip >= 0) {
                out.writeBytes(piece);
            }
            int from = Math.min(b.length, at + Math.abs(skip));
            out.write(b, from, b.length - from);
            b = out.toByteArray();
            end = Math.min(end + piece.length, b.length);
        }
        return b;
    }

    @Property(tries = 3000)
    void aParsedMessageBuildsWhatWasCheckedAndAsItsFieldTextsSay(@ForAll("damaged") byte[] in) {
        ParseResult r = SipParser.parse(in);
        Statistics.label("result").collect(r instanceof ParseResult.Parsed ? "parsed" : "malformed");
        Statistics.label("result").coverage(c -> {
            c.check("parsed").percentage(p -> p > 10);
            c.check("malformed").percentage(p -> p > 20);
        });
        if (r instanceof ParseResult.Malformed m) {
            assertThat(m.reason()).isNotBlank();
            assertThat(m.status()).isIn(400, 505, 413, 414);
            return;
        }
        SipMessage m = ((ParseResult.Parsed) r).message();
        List<Via> vias = m.vias();
        assertThat(vias).isNotEmpty();
        assertThat(m.topVia()).isEqualTo(vias.get(0));
        assertThat(vias)
                .isEqualTo(m.headerValues("Via").stream().map(Via::parse).toList());
        assertThat(m.from()).isEqualTo(NameAddr.parse(m.header("From").orElseThrow()));
        assertThat(m.to()).isEqualTo(NameAddr.parse(m.header("To").orElseThrow()));
        assertThat(m.cseq()).isEqualTo(CSeq.parse(m.header("CSeq").orElseThrow()));
        assertThat(m.callId())
                .isEqualTo(m.header("Call-ID").orElseThrow().strip())
                .isNotEmpty();
        assertThat(m.maxForwards()).isNotNull();
        assertThat(m.contentLength()).isEqualTo(m.bodyLength());
        if (m instanceof SipRequest q) {
            assertThat(q.requestUri()).isEqualTo(Uri.parse(q.requestUriText()));
            assertThat(q.cseq().method()).isEqualTo(q.method());
        }
        assertThat(m.contacts())
                .isEqualTo(
                        m.headerValues("Contact").stream().map(Contact::parse).toList());
        int lead = 0;
        while (in[lead] == '\r' || in[lead] == '\n') {
            lead++;
        }
        assertThat(m.toBytes()).isEqualTo(java.util.Arrays.copyOfRange(in, lead, lead + m.toBytes().length));
    }

    /** A Via field whose list holds no element ("Via: ,") is no Via: the message is refused, topVia() never fails. */
    @Test
    void aViaFieldWithoutAnyElementIsAMissingVia() {
        String top = "Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds;rport\r\n"
                + "Via: SIP/2.0/TCP proxy.example.com;branch=z9hG4bKnashds8;received=192.0.2.1;rport=5070;maddr=239.1.1.1;ttl=16";
        assertThat(Msgs.INVITE).contains(top);
        assertThat(Msgs.malformed(Msgs.INVITE.replace(top, "Via: ,")).reason()).isEqualTo("missing Via");
        assertThat(Msgs.parse(Msgs.INVITE.replace(top, "Via: ,\r\nv: , SIP/2.0/UDP h.example.com;branch=z9hG4bK1"))
                        .topVia()
                        .host())
                .isEqualTo("h.example.com");
    }
}
