package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round-trip properties of the multipart codec: binary parts, boundary lookalikes inside them, arbitrary input. */
class MultipartProperties {
    private static final String BOUNDARY = "b0und";

    @Property(tries = 2000)
    void partsRoundTripWhateverTheyHold(@ForAll("parts") List<BodyPart> parts) {
        Multipart.Built built = Multipart.build(BOUNDARY, parts);
        assertThat(Multipart.validBoundary(built.boundary())).isTrue();
        assertThat(Multipart.parse(built.boundary(), built.body())).isEqualTo(new Multipart.Result.Parts(parts));
    }

    @Property(tries = 3000)
    void arbitraryBodiesParseToAResult(@ForAll("bodies") byte[] body) {
        if (Multipart.parse(BOUNDARY, body) instanceof Multipart.Result.Parts(List<BodyPart> parts)) {
            assertThat(parts).isNotEmpty().hasSizeLessThanOrEqualTo(Multipart.MAX_PARTS);
            for (BodyPart p : parts) {
                assertThat(p.content().length).isLessThan(body.length);
            }
        }
        wellFormed(SipIBodies.parse("multipart/mixed;boundary=" + BOUNDARY, null, body));
        wellFormed(SipIBodies.parse("application/ISUP;version=itu-t92+", null, body));
        SipIBodies.Parsed optional =
                SipIBodies.parse("application/ISUP;version=ansi00", "signal;handling=optional", body);
        wellFormed(optional);
        assertThat(optional).as("an optional part never makes a reject").isInstanceOf(SipIBodies.Parsed.Content.class);
    }

    @Property(tries = 3000)
    void arbitraryHeadersParseToAResult(
            @ForAll("headerValues") String contentType, @ForAll("headerValues") String disposition) {
        byte[] body = {0x01, 0x00, 0x20, 0x01};
        wellFormed(SipIBodies.parse(contentType, disposition, body));
        wellFormed(SipIBodies.parse(contentType, null, body));
    }

    /** A reject is 400 or 415 with a reason, Accept exactly on 415; content with ISUP names its version. */
    private static void wellFormed(SipIBodies.Parsed parsed) {
        if (parsed instanceof SipIBodies.Parsed.Reject(int status, String reason, java.util.Optional<String> accept)) {
            assertThat(status).isIn(400, 415);
            assertThat(reason).isNotBlank();
            assertThat(accept.isPresent()).isEqualTo(status == 415);
        } else if (parsed instanceof SipIBodies.Parsed.Content c) {
            assertThat(c.version().isPresent()).isEqualTo(c.isup().isPresent());
        } else {
            throw new AssertionError("neither content nor reject: " + parsed);
        }
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.of(
                                "application/ISUP",
                                "multipart/mixed",
                                "application/sdp",
                                "signal",
                                "render",
                                ";",
                                "=",
                                "\"",
                                " ",
                                "version",
                                "base",
                                "boundary",
                                "handling",
                                "itu-t92+",
                                "ansi00",
                                "optional",
                                "required",
                                "x")
                        .list()
                        .ofMaxSize(10)
                        .map(l -> String.join("", l)));
    }

    @Provide
    Arbitrary<List<BodyPart>> parts() {
        Arbitrary<String> name = Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz-ABCXYZ0123456789")
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> value =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(String::trim);
        Arbitrary<Map.Entry<String, String>> header =
                Combinators.combine(name, value).as(Map::entry);
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(60),
                Arbitraries.of("\r\n", "--", BOUNDARY, "--" + BOUNDARY, "\r\n--" + BOUNDARY + "--\r\n", "x", "-1")
                        .list()
                        .ofMaxSize(8)
                        .map(l -> String.join("", l).getBytes(StandardCharsets.US_ASCII)));
        Arbitrary<BodyPart> part =
                Combinators.combine(header.list().ofMaxSize(4), content).as(BodyPart::new);
        return part.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120),
                Arbitraries.of("\r\n", "--", BOUNDARY, "--" + BOUNDARY, "--", " ", "A: b", "\r\n\r\n", "\u0001\u0000")
                        .list()
                        .ofMaxSize(20)
                        .map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Property(tries = 200)
    void aBodyWithoutTheBoundaryKeepsIt(@ForAll @Size(max = 4) List<@Size(max = 20) byte[]> contents) {
        List<BodyPart> parts = contents.stream()
                .map(c -> BodyPart.of("application/octet-stream", null, sanitize(c)))
                .toList();
        if (parts.isEmpty()) {
            return;
        }
        assertThat(Multipart.build(BOUNDARY, parts).boundary()).isEqualTo(BOUNDARY);
    }

    private static byte[] sanitize(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '-') {
                out[i] = '+';
            }
        }
        return out;
    }
}
