package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner of the usual Content-Type and Content-Disposition values gives what the text parser gives, or leaves
 * the value to it; and it does answer for the values SIP-I peers send.
 */
class MediaTypeScannerTest {
    private static Optional<MediaType> scanned(String value) {
        byte[] octets = value.getBytes(StandardCharsets.ISO_8859_1);
        return MediaTypeScanner.scan(octets, 0, octets.length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "multipart/mixed;boundary=pstngw-sipi-7d3f2a",
                "multipart/mixed; boundary=\"----=_Part_12_9e3779b9\"",
                "application/ISUP; version=itu-t92+; x-id=17",
                "application/isup;version=itu-t92+;base=itu-t92+",
                "Application/SDP",
                "signal; handling=required",
                "signal;handling=optional",
                " session ",
                "application/ISUP;\tversion=ansi00 ;base=ansi00"
            })
    void the_usual_values_are_scanned_to_what_the_text_parser_gives(String value) {
        assertThat(scanned(value)).isNotNull().isEqualTo(MediaType.parseUncached(value));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "multipart/mixed; boundary=\"a\\\"b\"", // quoted-pair
                "application/isup;version=a;version=b", // repeated: the last counts
                "application/isup;;version=a", // empty parameter
                "application/isup;version=", // empty value
                "multipart/mixed;boundary=\"x\"junk", // text after a quoted value
                "multipart/mixed;boundary=\t\"x\"", // tab before a quote: the quotes are part of the value
                "multipart/mixed;boundary=\"x?y\"", // '?' may be a character beyond ISO-8859-1
                "text/plain;charset=\u00e9t\u00e9",
                "a/b;p1=1;p2=2;p3=3;p4=4;p5=5",
                "",
                " "
            })
    void other_values_are_left_to_the_text_parser(String value) {
        assertThat(scanned(value)).isNull();
    }

    @Property(tries = 5000)
    void a_scanned_value_is_what_the_text_parser_gives(@ForAll("headerValues") String value) {
        Optional<MediaType> scanned = scanned(value);
        if (scanned != null) {
            assertThat(scanned).isEqualTo(MediaType.parseUncached(value));
        }
    }

    @Property(tries = 2000)
    void any_text_scans_to_what_the_text_parser_gives_or_is_left_to_it(@ForAll String value) {
        Optional<MediaType> scanned = scanned(value);
        if (scanned != null) {
            assertThat(scanned).isEqualTo(MediaType.parseUncached(value));
        }
        assertThat(MediaType.parse(value)).isEqualTo(MediaType.parseUncached(value));
    }

    @Provide
    Arbitrary<String> headerValues() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "multipart/mixed",
                        "Application/ISUP",
                        "signal",
                        ";",
                        "=",
                        " ",
                        "\t",
                        "\"",
                        "\\",
                        "?",
                        "boundary",
                        "Version",
                        "base",
                        "handling",
                        "itu-t92+",
                        "x-id",
                        "/",
                        "\u00e9",
                        "\u20ac",
                        "\r"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6));
        return piece.list().ofMaxSize(14).map(l -> String.join("", l));
    }

    @Property(tries = 1000)
    void a_map_of_the_scanned_parameters_is_immutable(@ForAll("headerValues") String value) {
        Optional<MediaType> scanned = scanned(value);
        if (scanned != null && scanned.isPresent()) {
            Map<String, String> p = scanned.get().parameters();
            assertThat(Map.copyOf(p)).isSameAs(p);
        }
    }

    private static Optional<MediaType> multipart(String boundary) {
        return Optional.of(new MediaType("multipart/mixed", Map.of("boundary", boundary)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "multipart/mixed;boundary=pstngw-sipi-7d3f2a",
                "multipart/mixed; boundary=\"----=_Part_12_9e3779b9\"",
                " Multipart/MIXED ;\tBoundary = x ",
                "multipart/mixed;boundary=\"\"",
                "multipart/mixed;boundary=\"a b;c=d\""
            })
    void the_boundary_of_a_usual_multipart_type_is_what_the_text_parser_gives(String value) {
        String boundary = MediaTypeScanner.multipartBoundary(value);

        assertThat(boundary).isNotNull();
        assertThat(MediaType.parseUncached(value)).isEqualTo(multipart(boundary));
        assertThat(MediaType.parse(value)).isEqualTo(multipart(boundary));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "multipart/mixed",
                "multipart/mixed;",
                "multipart/mixed;boundary=a;charset=b", // a second parameter
                "multipart/mixedx;boundary=a",
                "multipart/mixed/x;boundary=a",
                "multipart/alternative;boundary=a",
                "multipart/mixed;boundaryx=a",
                "multipart/mixed;boundary=",
                "multipart/mixed;boundary=\"a\\\"b\"", // quoted-pair
                "multipart/mixed;boundary=\"x?y\"",
                "multipart/mixed;boundary=\"x\u00e9\"",
                "multipart/mixed;boundary=\"x\"junk",
                "multipart/mixed;boundary=\"x",
                "multipart/mixed;boundary=\t\"x\"", // tab before a quote: the quotes are part of the value
                "multipart/m\u0131xed;boundary=a", // dotless i: not an ASCII capital
                "multipart/mixed;boundary=a b",
                ""
            })
    void other_multipart_types_are_left_to_the_parser(String value) {
        assertThat(MediaTypeScanner.multipartBoundary(value)).isNull();
    }

    @Property(tries = 5000)
    void a_multipart_boundary_read_from_the_text_is_what_the_parser_gives(@ForAll("multipartValues") String value) {
        String boundary = MediaTypeScanner.multipartBoundary(value);
        if (boundary != null) {
            assertThat(MediaType.parseUncached(value)).isEqualTo(multipart(boundary));
        }
    }

    @Property(tries = 2000)
    void any_text_gives_the_boundary_the_parser_gives_or_none(@ForAll String value) {
        String boundary = MediaTypeScanner.multipartBoundary(value);
        if (boundary != null) {
            assertThat(MediaType.parseUncached(value)).isEqualTo(multipart(boundary));
        }
    }

    @Provide
    Arbitrary<String> multipartValues() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "multipart/mixed",
                        "Multipart/Mixed",
                        "boundary",
                        "BOUNDARY",
                        ";",
                        "=",
                        " ",
                        "\t",
                        "\"",
                        "\\",
                        "?",
                        "----=_Part_",
                        "\u00e9",
                        "\u0131",
                        "\r"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6));
        return piece.list().ofMaxSize(10).map(l -> String.join("", l));
    }
}
