package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.SampleMessages;

class SipIBodiesTest {
    static final byte[] SDP =
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(IsupVariant.class)
    void invite_body_round_trips_with_sdp_and_isup(IsupVariant variant) {
        IsupMessage iam = SampleMessages.iam(0, variant);
        SipIBodies.Body body =
                SipIBodies.build(Optional.of(SDP), iam, IsupVersion.of(variant)).orElseThrow();
        assertThat(body.contentType()).startsWith("multipart/mixed;boundary=");
        SipIBodies.Parsed parsed = SipIBodies.parse(body.contentType(), null, body.bytes());
        assertThat(parsed).isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
            assertThat(c.sdp()).hasValueSatisfying(s -> assertThat(s).isEqualTo(SDP));
            assertThat(c.isup()).contains(iam);
            assertThat(c.version()).contains(IsupVersion.of(variant));
        });
    }

    @Test
    void bye_body_is_the_isup_part_alone_with_its_disposition() {
        IsupMessage rel = SampleMessages.all(IsupVariant.ITU).stream()
                .filter(m -> m instanceof IsupMessage.Rel)
                .findFirst()
                .orElseThrow();
        IsupMessage rel0 = IsupMessage.of(rel.type(), 0, rel.parameters());
        SipIBodies.Body body = SipIBodies.build(Optional.empty(), rel0, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        assertThat(body.contentType()).isEqualTo("application/ISUP;version=itu-t92+");
        assertThat(body.contentDisposition()).contains("signal;handling=required");
        assertThat(SipIBodies.parse(
                        body.contentType(), body.contentDisposition().orElseThrow(), body.bytes()))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.isup()).contains(rel0));
    }

    @Test
    void preamble_epilogue_quoted_boundary_and_binary_content_with_crlf_and_dashes() {
        byte[] isup = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        byte[] tricky = new byte[isup.length + 6];
        System.arraycopy(isup, 0, tricky, 0, isup.length);
        byte[] body = concat(
                "This is a preamble\r\n--b1\r\nContent-Type: application/sdp\r\n\r\n",
                SDP,
                "\r\n--b1\r\nContent-Type: application/ISUP; version=\"itu-t92+\"\r\nContent-Disposition: signal; handling=optional\r\n\r\n",
                isup,
                "\r\n--b1--\r\nepilogue --b1 text\r\n");
        SipIBodies.Parsed parsed = SipIBodies.parse("multipart/mixed; boundary=\"b1\"", null, body);
        assertThat(parsed).isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
            assertThat(c.sdp()).hasValueSatisfying(s -> assertThat(s).isEqualTo(SDP));
            assertThat(c.isup()).isPresent();
        });
        Multipart.Result r = Multipart.parse(
                "xx", concat("--xx\r\n\r\n", new byte[] {'\r', '\n', '-', '-', 'x', 0, -1}, "\r\n--xx--"));
        assertThat(r)
                .isInstanceOfSatisfying(
                        Multipart.Result.Parts.class,
                        p -> assertThat(p.parts().get(0).content()).containsExactly('\r', '\n', '-', '-', 'x', 0, -1));
        assertThat(tricky).hasSize(isup.length + 6);
    }

    @Test
    void build_failures_are_results_naming_the_problem() {
        IsupMessage ituIam = SampleMessages.iam(0, IsupVariant.ITU);
        assertThat(SipIBodies.build(Optional.of(SDP), ituIam, IsupVersion.ANSI00))
                .isInstanceOfSatisfying(
                        SipIBodies.BuildResult.Failed.class,
                        f -> assertThat(f.reason()).contains("IAM", "USER_SERVICE_INFORMATION"));
        assertThat(SipIBodies.build(Optional.empty(), ituIam, IsupVersion.valueOf("xyz99")))
                .isInstanceOfSatisfying(
                        SipIBodies.BuildResult.Failed.class,
                        f -> assertThat(f.reason()).contains("xyz99"));
    }

    @Test
    void unsupported_version_required_is_rejected_with_415_and_accept() {
        byte[] isup = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        SipIBodies.Parsed p = SipIBodies.parse("application/ISUP;version=xyz99", "signal;handling=required", isup);
        assertThat(p)
                .isEqualTo(new SipIBodies.Parsed.Reject(
                        415, "ISUP version xyz99 not supported", Optional.of(SipIBodies.ACCEPT)));
        assertThat(SipIBodies.parse("application/ISUP;version=xyz99", null, isup))
                .isInstanceOf(SipIBodies.Parsed.Reject.class);
    }

    @Test
    void unsupported_version_optional_is_ignored_and_base_rescues_a_national_variant() {
        byte[] isup = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        byte[] body = concat(
                "--b\r\nContent-Type: application/sdp\r\n\r\n",
                SDP,
                "\r\n--b\r\nContent-Type: application/ISUP;version=xyz99\r\nContent-Disposition: signal;handling=optional\r\n\r\n",
                isup,
                "\r\n--b--\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=b", null, body))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isEmpty();
                    assertThat(c.sdp()).isPresent();
                    assertThat(c.ignored())
                            .hasValueSatisfying(s -> assertThat(s).contains("xyz99"));
                });
        assertThat(SipIBodies.parse("application/ISUP;version=nl-isup;base=itu-t92+", "signal;handling=required", isup))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.isup()).isPresent());
    }

    @Test
    void malformed_bodies_give_400_not_exceptions() {
        assertThat(SipIBodies.parse(
                        "multipart/mixed;boundary=b",
                        null,
                        "--b\r\nContent-Type: x\r\n\r\nno close".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(400));
        assertThat(SipIBodies.parse("multipart/mixed", null, new byte[0]))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(400));
        assertThat(SipIBodies.parse("application/ISUP;version=itu-t92+", "signal;handling=required", new byte[] {1, 0}))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.reason()).contains("IAM"));
        assertThat(SipIBodies.parse(";;", null, new byte[0])).isInstanceOf(SipIBodies.Parsed.Reject.class);
    }

    static byte[] concat(Object... pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : pieces) {
            out.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) p);
        }
        return out.toByteArray();
    }
}
