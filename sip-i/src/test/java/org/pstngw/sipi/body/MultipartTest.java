package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pstngw.sipi.body.SipIBodiesTest.concat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 2046 section 5.1.1 delimiters, boundaries and binary-safe parts. */
class MultipartTest {
    private static final byte[] BINARY = {'\r', '\n', '-', '-', 'x', 'x', 'y', 0, -1, '\r', '\n', '-', '-', 'x'};

    @Test
    void boundaryLookalikesInsideContentAreContent() {
        // "\r\n--xxy" is the boundary xx followed by "y", and "\r\n--x" is not the boundary at all
        byte[] body = concat("--xx\r\n\r\n", BINARY, "\r\n--xx--");
        assertThat(Multipart.parse("xx", body))
                .isInstanceOfSatisfying(
                        Multipart.Result.Parts.class,
                        p -> assertThat(p.parts().get(0).content()).isEqualTo(BINARY));
    }

    @Test
    void delimiterLinesMayCarryLinearWhiteSpaceButNothingElse() {
        byte[] padded = concat("--b \t\r\nA: 1\r\n\r\nx\r\n--b  \r\nA: 2\r\n\r\ny\r\n--b--  \r\n");
        assertThat(Multipart.parse("b", padded))
                .isInstanceOfSatisfying(
                        Multipart.Result.Parts.class,
                        p -> assertThat(p.parts())
                                .extracting(q -> new String(q.content(), StandardCharsets.US_ASCII))
                                .containsExactly("x", "y"));
        byte[] garbage = concat("--b junk\r\nA: 1\r\n\r\nx\r\n--b--\r\n");
        assertThat(Multipart.parse("b", garbage)).isInstanceOf(Multipart.Result.Malformed.class);
    }

    @Test
    void buildPicksAnotherBoundaryWhenTheOneAskedForOccursInAPart() {
        BodyPart inContent = BodyPart.of("application/octet-stream", null, concat("\r\n--b--\r\n"));
        Multipart.Built built = Multipart.build("b", List.of(inContent));
        assertThat(built.boundary()).isEqualTo("b-1");
        assertThat(Multipart.parse(built.boundary(), built.body()))
                .isInstanceOfSatisfying(
                        Multipart.Result.Parts.class, p -> assertThat(p.parts()).containsExactly(inContent));

        BodyPart both = BodyPart.of("application/octet-stream", null, concat("--b --b-1"));
        assertThat(Multipart.build("b", List.of(both)).boundary()).isEqualTo("b-2");

        BodyPart inHeader = BodyPart.of("multipart/mixed;boundary=\"--b\"", null, new byte[] {1});
        assertThat(Multipart.build("b", List.of(inHeader)).boundary()).isEqualTo("b-1");
        assertThat(Multipart.build("b", List.of(BodyPart.of("a/b", null, new byte[] {1})))
                        .boundary())
                .isEqualTo("b");
    }

    @Test
    void aTemplateGivesWhatBuildGivesAndFallsBackWhenTheBoundaryOccursInAContent() {
        List<Map.Entry<String, String>> sdp = List.of(Map.entry("Content-Type", "application/sdp"));
        List<Map.Entry<String, String>> isup = List.of(
                Map.entry("Content-Type", "application/ISUP;version=itu-t92+"),
                Map.entry("Content-Disposition", "signal;handling=required"));
        MultipartTemplate template = MultipartTemplate.of("b", List.of(sdp, isup));
        for (byte[][] contents : new byte[][][] {
            {concat("v=0\r\n"), new byte[] {1, 0, 2}},
            {new byte[0], new byte[0]},
            {concat("x\r\n--b--\r\n"), new byte[] {1}},
            {new byte[] {1}, concat("--b")}
        }) {
            Multipart.Built expected =
                    Multipart.build("b", List.of(new BodyPart(sdp, contents[0]), new BodyPart(isup, contents[1])));
            assertThat(template.build(contents)).isEqualTo(expected);
        }
        assertThatThrownBy(() -> MultipartTemplate.of("b", List.of(List.of(Map.entry("X", "--b")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> template.build(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundariesAreCheckedAgainstRfc2046() {
        assertThat(Multipart.validBoundary("pstngw-sipi-7d3f2a")).isTrue();
        assertThat(Multipart.validBoundary("a b'()+_,-./:=?")).isTrue();
        assertThat(Multipart.validBoundary("x".repeat(70))).isTrue();
        assertThat(Multipart.validBoundary("x".repeat(71))).isFalse();
        assertThat(Multipart.validBoundary("")).isFalse();
        assertThat(Multipart.validBoundary("ends in space ")).isFalse();
        assertThat(Multipart.validBoundary("semi;colon")).isFalse();
        assertThat(Multipart.validBoundary("quo\"te")).isFalse();
        assertThatThrownBy(() -> Multipart.build("bad;boundary", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Multipart.parse("bad;boundary", new byte[0])).isInstanceOf(Multipart.Result.Malformed.class);
        Multipart.Built spaced = Multipart.build("a b", List.of(BodyPart.of("a/b", null, new byte[] {1})));
        assertThat(spaced.contentType()).isEqualTo("multipart/mixed;boundary=\"a b\"");
        assertThat(Multipart.build("ab", List.of()).contentType()).isEqualTo("multipart/mixed;boundary=ab");
    }

    @Test
    void headersThatWouldBreakTheBodyAreRefused() {
        assertThatThrownBy(() -> Multipart.build("b", List.of(BodyPart.of("a/b\r\nX: y", null, new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        Multipart.build("b", List.of(new BodyPart(List.of(Map.entry("A:B", "c")), new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multipart.build("b", List.of(new BodyPart(List.of(Map.entry("", "c")), new byte[0]))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Multipart.parse("b", concat("--b\r\n: nameless\r\n\r\nx\r\n--b--\r\n")))
                .isInstanceOf(Multipart.Result.Malformed.class);
    }

    @Test
    void foldedPartHeadersAreUnfolded() {
        byte[] body = concat("--b\r\nContent-Type: application/ISUP;\r\n version=itu-t92+;\r\n\tbase=itu-t92+\r\n"
                + "Content-Disposition: signal;\r\n  handling=required\r\n\r\nx\r\n--b--\r\n");
        assertThat(Multipart.parse("b", body))
                .isInstanceOfSatisfying(
                        Multipart.Result.Parts.class,
                        p -> assertThat(p.parts().get(0).headers())
                                .containsExactly(
                                        Map.entry("Content-Type", "application/ISUP; version=itu-t92+; base=itu-t92+"),
                                        Map.entry("Content-Disposition", "signal; handling=required")));
        byte[] continuationFirst = concat("--b\r\n folded: 1\r\n\r\nx\r\n--b--\r\n");
        assertThat(Multipart.parse("b", continuationFirst)).isInstanceOf(Multipart.Result.Malformed.class);
    }

    @Test
    void bareLfLinesAndANullBodyAreMalformedNotAnException() {
        assertThat(Multipart.parse("b", concat("--b\nA: 1\n\nx\n--b--\n")))
                .isInstanceOf(Multipart.Result.Malformed.class);
        assertThat(Multipart.parse("b", null)).isInstanceOf(Multipart.Result.Malformed.class);
    }

    @Test
    void quotedPairsInParameterValuesAreResolved() {
        assertThat(MediaType.parse("multipart/mixed; boundary=\"a\\\"b\"; x=\"c\\\\d;e\"; y=z"))
                .hasValueSatisfying(t -> assertThat(t.parameters())
                        .containsExactlyInAnyOrderEntriesOf(Map.of("boundary", "a\"b", "x", "c\\d;e", "y", "z")));
        assertThat(MediaType.parse("application/isup; version=\"itu-t92+\\\"")).isEmpty(); // the quote is escaped
    }

    @Test
    void aPartsContentTypeKeepsTheCaseOfItsParameters() {
        BodyPart p = new BodyPart(List.of(Map.entry("Content-Type", "Multipart/Mixed; boundary=AbC")), new byte[0]);
        assertThat(p.contentType()).isEqualTo("multipart/mixed; boundary=AbC");
        assertThat(new BodyPart(List.of(), new byte[0]).contentType()).isEqualTo("text/plain");
        assertThat(new BodyPart(List.of(Map.entry("content-type", "Application/SDP")), new byte[0]).contentType())
                .isEqualTo("application/sdp");
    }
}
