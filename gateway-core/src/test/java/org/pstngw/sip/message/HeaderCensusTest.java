package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The indexer's census (names compared eight bytes at a time) finds exactly the fields that a comparison of the
 * decoded names ignoring case finds: known names in any case and in compact form, and nothing for names that differ
 * in one byte, are longer or shorter, or end where the message ends.
 */
class HeaderCensusTest {
    private static final String[] KNOWN = {
        "Via",
        "v",
        "From",
        "f",
        "To",
        "t",
        "Call-ID",
        "i",
        "CSeq",
        "Contact",
        "m",
        "Content-Length",
        "l",
        "Max-Forwards",
        "Expires",
        "Date"
    };

    /** The census as {@link String#equalsIgnoreCase} on the names gives it: {first, count} per field. */
    private static List<int[]> expected(List<String> names) {
        String[][] fields = {
            {"Via", "v"},
            {"From", "f"},
            {"To", "t"},
            {"Call-ID", "i"},
            {"CSeq"},
            {"Contact", "m"},
            {"Content-Length", "l"},
            {"Max-Forwards"},
            {"Expires"},
            {"Date"}
        };
        List<int[]> out = new ArrayList<>();
        for (String[] f : fields) {
            int first = -1;
            int count = 0;
            for (int i = 0; i < names.size(); i++) {
                for (String n : f) {
                    if (names.get(i).equalsIgnoreCase(n)) {
                        first = first < 0 ? i : first;
                        count++;
                    }
                }
            }
            out.add(new int[] {first, count});
        }
        return out;
    }

    /** The indexer's census in the order of {@link #expected}; counts it does not keep are taken as equal. */
    private static List<int[]> actual(HeaderCensus c, List<int[]> expected) {
        return List.of(
                new int[] {c.via, c.viaCount},
                new int[] {c.from, c.fromCount},
                new int[] {c.to, c.toCount},
                new int[] {c.callId, c.callIdCount},
                new int[] {c.cseq, c.cseqCount},
                new int[] {c.contact, c.contactCount},
                new int[] {c.contentLength, c.contentLengthCount},
                new int[] {c.maxForwards, expected.get(7)[1]},
                new int[] {c.expires, expected.get(8)[1]},
                new int[] {c.date, expected.get(9)[1]});
    }

    private static HeaderCensus census(String message) {
        byte[] b = message.getBytes(StandardCharsets.US_ASCII);
        SipParser.Indexer ix = new SipParser.Indexer(b, 0, b.length, SipLimits.DEFAULT);
        ix.run();
        assertThat(ix.error).isNull();
        return ix.census;
    }

    private static void assertCensus(List<String> names, List<String> values) {
        StringBuilder sb = new StringBuilder("INVITE sip:a@example.com SIP/2.0\r\n");
        for (int i = 0; i < names.size(); i++) {
            sb.append(names.get(i)).append(':').append(values.get(i)).append("\r\n");
        }
        sb.append("\r\n");
        List<int[]> want = expected(names);
        List<int[]> got = actual(census(sb.toString()), want);
        for (int f = 0; f < want.size(); f++) {
            assertThat(got.get(f)).as("field %d of %s", f, names).containsExactly(want.get(f));
        }
    }

    @Provide
    Arbitrary<String> name() {
        Arbitrary<String> known = Arbitraries.of(KNOWN);
        Arbitrary<String> anyCase = known.flatMap(n -> Arbitraries.integers()
                .between(0, (1 << Math.min(n.length(), 20)) - 1)
                .map(mask -> {
                    StringBuilder sb = new StringBuilder(n);
                    for (int i = 0; i < n.length(); i++) {
                        if (((mask >> i) & 1) != 0) {
                            char c = sb.charAt(i);
                            sb.setCharAt(
                                    i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                        }
                    }
                    return sb.toString();
                }));
        Arbitrary<Character> tokenChar =
                Arbitraries.of('a', 'Z', '0', '-', '_', '.', '!', '%', '*', '+', '`', '\'', '~', 'A', 'z', '9');
        Arbitrary<String> oneByteOff = Combinators.combine(
                        known, Arbitraries.integers().between(0, 30), tokenChar)
                .as((n, at, c) -> {
                    StringBuilder sb = new StringBuilder(n);
                    sb.setCharAt(at % n.length(), c);
                    return sb.toString();
                });
        Arbitrary<String> longerOrShorter = Combinators.combine(known, tokenChar, Arbitraries.of(true, false))
                .as((n, c, longer) -> longer ? n + c : n.length() > 1 ? n.substring(0, n.length() - 1) : n + n);
        Arbitrary<String> random = tokenChar.list().ofMinSize(1).ofMaxSize(17).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.oneOf(known, anyCase, oneByteOff, longerOrShorter, random);
    }

    @Property(tries = 2000)
    void censusEqualsNamesComparedIgnoringCase(@ForAll @Size(max = 40) List<@From("name") String> names) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            // short values, some empty, so that names end within eight bytes of the end of the message
            values.add(i % 3 == 0 ? "" : "x".repeat(i % 5));
        }
        assertCensus(names, values);
    }

    /** '_' | 0x20 is DEL and '-' is itself: a name that differs from a known one only there is another name. */
    @Test
    void underscoreOrCaseOfAHyphenIsNoMatch() {
        assertCensus(
                List.of("Call_ID", "CALL-ID", "content_length", "Max_Forwards", "Content-Length", "MAX-FORWARDS"),
                List.of("a", "b", "1", "2", "0", "70"));
        HeaderCensus c = census("OPTIONS sip:a@example.com SIP/2.0\r\ncall_id: a\r\n\r\n");
        assertThat(c.callId).isEqualTo(-1);
        assertThat(c.callIdCount).isZero();
    }

    /** A compact name as the last bytes of the message but the empty line: read without eight bytes to spare. */
    @Test
    void shortNamesAtTheEndOfTheMessage() {
        HeaderCensus c = census("OPTIONS sip:a@example.com SIP/2.0\r\nv:\nT:\n\n");
        assertThat(c.via).isEqualTo(0);
        assertThat(c.viaCount).isEqualTo(1);
        assertThat(c.to).isEqualTo(1);
        assertThat(c.toCount).isEqualTo(1);
    }
}
