package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.SampleMessages;

/**
 * Part header values are parsed from the body's octets and kept by their octets: a value seen again gives what it
 * gave the first time, and what depends on the part (the default disposition) is not taken from an earlier part.
 */
class PartHeaderCacheTest {
    private static final String ISUP = new String(
            IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                    .orElseThrow(),
            StandardCharsets.ISO_8859_1);

    private static byte[] body(String sdpHeaders, String isupHeaders) {
        return ("--b\r\n" + sdpHeaders + "\r\nv=0\r\n--b\r\n" + isupHeaders + "\r\n" + ISUP + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static SipIBodies.Parsed parse(byte[] body) {
        return SipIBodies.parse("multipart/mixed;boundary=b", null, body);
    }

    @Test
    void a_malformed_disposition_seen_on_an_sdp_part_still_defaults_by_type_on_an_isup_part() {
        String bad = "Content-Disposition: ;handling\r\n"; // malformed: each part gets its type's default
        byte[] first =
                body("Content-Type: application/sdp\r\n" + bad, "Content-Type: application/ISUP;version=itu-t92+\r\n");
        byte[] second =
                body("Content-Type: application/sdp\r\n", "Content-Type: application/ISUP;version=itu-t92+\r\n" + bad);

        for (byte[] b : new byte[][] {first, second, first, second}) {
            SipIBodies.Parsed p = parse(b);
            assertThat(p).isInstanceOf(SipIBodies.Parsed.Content.class);
            assertThat(((SipIBodies.Parsed.Content) p).isup()).isPresent();
            assertThat(((SipIBodies.Parsed.Content) p).sdp()).isPresent();
        }
    }

    @Test
    void the_same_octets_read_again_give_the_same_disposition() {
        byte[] optional = body(
                "Content-Type: application/sdp\r\n",
                "Content-Type: application/ISUP;version=unknown-x\r\nContent-Disposition: signal;handling=optional\r\n");
        byte[] required = body(
                "Content-Type: application/sdp\r\n",
                "Content-Type: application/ISUP;version=unknown-x\r\nContent-Disposition: signal;handling=required\r\n");

        for (int i = 0; i < 3; i++) {
            assertThat(parse(optional))
                    .as("optional, round " + i)
                    .isInstanceOfSatisfying(
                            SipIBodies.Parsed.Content.class,
                            c -> assertThat(c.ignored()).isPresent());
            assertThat(parse(required))
                    .as("required, round " + i)
                    .isInstanceOfSatisfying(
                            SipIBodies.Parsed.Reject.class,
                            r -> assertThat(r.status()).isEqualTo(415));
        }
    }

    @Test
    void a_folded_content_type_is_read_unfolded_as_before() {
        byte[] folded = body(
                "Content-Type: application/sdp\r\n",
                "Content-Type: application/ISUP;\r\n version=itu-t92+\r\nContent-Disposition: signal;\r\n\thandling=required\r\n");

        SipIBodies.Parsed p = parse(folded);

        assertThat(p)
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.version()).contains(IsupVersion.ITU_T92_PLUS));
    }
    /** How different peer stacks write the ISUP part's Content-Type (RFC 3204's version and base, as seen). */
    private static final String[] PEER_ISUP_TYPES = {
        "application/ISUP; version=itu-t92+",
        "application/isup;version=itu-t92+;base=itu-t92+",
        "application/ISUP;version=itu-t92+",
        "application/ISUP; version=itu-t92+; base=itu-t92+",
        "application/isup; version=\"itu-t92+\"",
        "Application/ISUP;Version=itu-t92+",
        "application/ISUP;base=itu-t92+;version=itu-t92+",
        "application/isup ; version=itu-t92+",
        "application/ISUP; version=itu-t92+; base=etsi121",
        "application/isup;version=itu-t92+;base=etsi121",
        "application/ISUP;version=itu-t92+;base=ansi00",
        "application/ISUP; version=itu-t92+;base=itu-t88",
        "application/isup; version=itu-t92+; base=\"itu-t92+\"",
        "APPLICATION/ISUP; version=itu-t92+",
        "application/ISUP;\tversion=itu-t92+",
        "application/ISUP; version=itu-t92+;base=itu-t92+",
    };

    @Test
    void the_spellings_of_a_networks_peer_stacks_are_all_kept_side_by_side() {
        MultipartReader.Part[] parts = new MultipartReader.Part[PEER_ISUP_TYPES.length];
        for (int i = 0; i < parts.length; i++) {
            String disposition = i % 2 == 0 ? "signal; handling=required" : "signal;handling=optional";
            byte[] b = body(
                    "Content-Type: application/sdp\r\n",
                    "Content-Type: " + PEER_ISUP_TYPES[i] + "\r\nContent-Disposition: " + disposition + "\r\n");
            parts[i] = MultipartReader.split("b", b).parts().part(1);
        }
        List<Optional<MediaType>> first = new ArrayList<>();
        for (MultipartReader.Part p : parts) {
            PartHeaders.contentType(
                    MultipartReader.split("b", p.array()).parts().part(0));
            first.add(PartHeaders.contentType(p));
        }

        for (int i = 0; i < parts.length; i++) {
            PartHeaders.contentType(
                    MultipartReader.split("b", parts[i].array()).parts().part(0));
            assertThat(PartHeaders.contentType(parts[i]))
                    .as(PEER_ISUP_TYPES[i] + ": the value kept, not parsed again")
                    .isSameAs(first.get(i))
                    .isEqualTo(MediaType.parse(PEER_ISUP_TYPES[i]));
        }
    }
}
