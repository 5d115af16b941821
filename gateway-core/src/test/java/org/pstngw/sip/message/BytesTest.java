package org.pstngw.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The byte helpers the parsers rely on give what their String counterparts give on the decoded text. */
class BytesTest {
    private static String strippedOnBytes(byte[] b) {
        int e = Bytes.stripEnd(b, 0, b.length);
        int s = Bytes.stripStart(b, 0, e);
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    /** Every code point (U+2003, U+3000, VT, FS, ... included) around a word, as String.strip() sees it. */
    @Test
    void stripSkipsWhatStringStripSkipsForEveryCodePoint() {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String c = Character.toString(cp);
            String s = c + c + "a" + c + "b" + c + c;
            if (!strippedOnBytes(s.getBytes(StandardCharsets.UTF_8)).equals(s.strip())) {
                wrong.add(String.format("U+%04X", cp));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> wireText() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.of(
                                " ", "\t", "\u000b", "\u001c", "a", ";", "\u2003", "\u3000", "\u1680", "\u205f",
                                "\u00a0")
                        .map(t -> t.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {(byte) 0x80, (byte) 0x83}));
        return piece.list().ofMaxSize(10).map(ps -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ps.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    /** Also on malformed UTF-8 (truncated or stray sequences next to multi-byte spaces). */
    @Property(tries = 2000)
    void stripOnBytesIsStripOnTheDecodedText(@ForAll("wireText") byte[] b) {
        assertThat(strippedOnBytes(b)).isEqualTo(new String(b, StandardCharsets.UTF_8).strip());
    }

    @Property(tries = 2000)
    void indexOfFindsTheFirstOccurrenceInAnyRangeAndAlignment(
            @ForAll("haystacks") byte[] b, @ForAll int from, @ForAll int len) {
        int s = Math.floorMod(from, b.length + 1);
        int e = s + Math.floorMod(len, b.length - s + 1);
        int expected = -1;
        for (int i = s; i < e && expected < 0; i++) {
            if (b[i] == '\n') {
                expected = i;
            }
        }
        assertThat(Bytes.indexOf(b, '\n', s, e)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> haystacks() {
        return Arbitraries.of((byte) 'a', (byte) '\n', (byte) 0x0B, (byte) 0x8A, (byte) 0xFF, (byte) 0)
                .array(byte[].class)
                .ofMaxSize(70);
    }

    @Test
    void anUnpairedSurrogateBecomesAByteThatIsNeitherTokenNorDelimiter() {
        assertThat(Bytes.utf8("a\uD800b")).containsExactly('a', 0xFF, 'b');
        assertThat(Bytes.utf8("a\uDC00")).containsExactly('a', 0xFF);
        assertThat(Bytes.utf8("\uD83D\uDE00?")).isEqualTo("\uD83D\uDE00?".getBytes(StandardCharsets.UTF_8));
        assertThat(Bytes.utf8("sip:\u00e9")).isEqualTo("sip:\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThatUriIsRefused("sip:a@b.example?x\uD800");
    }

    private static void assertThatUriIsRefused(String uri) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Uri.parse(uri))
                .isInstanceOf(SipSyntaxException.class)
                .hasMessageStartingWith("invalid character in URI");
    }
}
