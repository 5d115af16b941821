package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.CauseValue;
import org.pstngw.sipi.isup.EventInformation;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.SampleMessages;

class SipIBodiesTest {
    static final byte[] SDP =
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
    static final BackwardCallIndicators BCI = BackwardCallIndicators.of(2, 1, 1, false, true);

    /** The bodies of a call, per variant: INVITE (IAM), 180 (ACM), 183 (CPG), 200 (ANM, CON), BYE (REL). */
    static Stream<Arguments> callBodies() {
        return Stream.of(IsupVariant.values())
                .flatMap(v -> Stream.of(
                        Arguments.of(v, "INVITE", Optional.of(SDP), SampleMessages.iam(0, v)),
                        Arguments.of(v, "180 Ringing", Optional.<byte[]>empty(), IsupMessages.acm(0, BCI)),
                        Arguments.of(
                                v,
                                "183 Session Progress",
                                Optional.of(SDP),
                                IsupMessages.cpg(0, new EventInformation(EventInformation.IN_BAND_INFORMATION, false))),
                        Arguments.of(v, "200 OK (ANM)", Optional.of(SDP), IsupMessages.anm(0)),
                        Arguments.of(v, "200 OK (CON)", Optional.of(SDP), IsupMessages.con(0, BCI)),
                        Arguments.of(
                                v,
                                "BYE",
                                Optional.<byte[]>empty(),
                                IsupMessages.rel(
                                        0,
                                        CauseIndicators.of(
                                                CauseIndicators.LOCATION_PUBLIC_LOCAL,
                                                CauseValue.NORMAL_CALL_CLEARING)))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("callBodies")
    void each_call_body_is_one_call_each_way(
            IsupVariant variant, String sipMessage, Optional<byte[]> sdp, IsupMessage isup) {
        SipIBodies.Body body =
                SipIBodies.build(sdp, isup, IsupVersion.of(variant)).orElseThrow();
        if (sdp.isPresent()) {
            assertThat(body.contentType()).isEqualTo("multipart/mixed;boundary=" + SipIBodies.BOUNDARY);
            assertThat(body.contentDisposition()).isEmpty();
        } else {
            assertThat(body.contentType())
                    .isEqualTo("application/ISUP;version="
                            + IsupVersion.of(variant).token());
            assertThat(body.contentDisposition()).contains("signal;handling=required");
        }
        SipIBodies.Parsed parsed =
                SipIBodies.parse(body.contentType(), body.contentDisposition().orElse(null), body.bytes());
        assertThat(parsed).isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
            assertThat(c.sdp().map(String::new)).isEqualTo(sdp.map(String::new));
            assertThat(c.isup()).contains(isup);
            assertThat(c.version()).contains(IsupVersion.of(variant));
            assertThat(c.ignored()).isEmpty();
            assertThat(c.otherParts()).isEmpty();
        });
    }

    @Test
    void preamble_epilogue_quoted_boundary_padding_and_binary_content() {
        byte[] isup = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        byte[] body = concat(
                "This is a preamble\r\n--b1 \t\r\nContent-Type: application/sdp\r\n\r\n",
                SDP,
                "\r\n--b1\r\nContent-Type: application/ISUP; version=\"itu-t92+\"\r\n",
                "Content-Disposition: signal; handling=optional\r\n\r\n",
                isup,
                "\r\n--b1--\r\nepilogue --b1 text\r\n");
        SipIBodies.Parsed parsed = SipIBodies.parse("multipart/mixed; boundary=\"b1\"", null, body);
        assertThat(parsed).isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
            assertThat(c.sdp()).hasValueSatisfying(s -> assertThat(s).isEqualTo(SDP));
            assertThat(c.isup()).contains(SampleMessages.iam(0, IsupVariant.ITU));
        });
    }

    @Test
    void an_isup_part_holding_the_boundary_gets_another_boundary() {
        // a USR whose user-to-user information carries CRLF, the preferred boundary and "--"
        byte[] uui = ("\r\n--" + SipIBodies.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        IsupMessage usr = IsupMessage.of(
                IsupMessageType.USR,
                0,
                IsupParameters.of(new IsupParameter(ParameterCode.USER_TO_USER_INFORMATION, uui)));
        SipIBodies.Body body = SipIBodies.build(Optional.of(SDP), usr, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        assertThat(body.contentType()).isEqualTo("multipart/mixed;boundary=" + SipIBodies.BOUNDARY + "-1");
        assertThat(SipIBodies.parse(body.contentType(), null, body.bytes()))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.isup()).contains(usr));
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
        assertThat(SipIBodies.build(Optional.empty(), ituIam, IsupVersion.TTC93_PLUS))
                .isInstanceOf(SipIBodies.BuildResult.Failed.class);
        // a body the far end (and our own parse) would reject with 400 is not built
        IsupMessage oneOctetCause = IsupMessage.of(
                IsupMessageType.REL, 0, IsupParameters.of(IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x80)));
        assertThat(SipIBodies.build(Optional.empty(), oneOctetCause, IsupVersion.ITU_T92_PLUS))
                .isInstanceOfSatisfying(
                        SipIBodies.BuildResult.Failed.class,
                        f -> assertThat(f.reason()).contains("REL", "CAUSE_INDICATORS"));
        for (String bad : new String[] {"uk isup", "uk;isup", "uk\r\nX: y", "\"uk\""}) {
            assertThat(SipIBodies.build(Optional.of(SDP), ituIam, IsupVersion.national(bad, IsupVersion.ITU_T92_PLUS)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            SipIBodies.BuildResult.Failed.class,
                            f -> assertThat(f.reason()).contains("token"));
        }
    }

    @Test
    void a_national_version_goes_out_with_its_base_and_comes_back_supported() {
        IsupVersion uk = IsupVersion.national("uk-isup", IsupVersion.ITU_T92_PLUS);
        SipIBodies.Body body = SipIBodies.build(Optional.empty(), SampleMessages.iam(0, IsupVariant.ITU), uk)
                .orElseThrow();
        assertThat(body.contentType()).isEqualTo("application/ISUP;version=uk-isup;base=itu-t92+");
        assertThat(SipIBodies.parse(
                        body.contentType(), body.contentDisposition().orElseThrow(), body.bytes()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isPresent();
                    assertThat(c.version()).contains(uk);
                });
    }

    @Test
    void the_accept_of_a_415_lists_every_supported_isup_version() {
        assertThat(SipIBodies.ACCEPT)
                .isEqualTo("application/sdp, application/ISUP;version=itu-t88, application/ISUP;version=itu-t92+, "
                        + "application/ISUP;version=ansi88, application/ISUP;version=ansi00, "
                        + "application/ISUP;version=etsi121, application/ISUP;version=etsi356, "
                        + "application/ISUP;version=gr317, multipart/mixed");
    }

    @Test
    void unsupported_version_required_is_rejected_with_415_and_accept() {
        byte[] isup = ituIam();
        SipIBodies.Parsed p = SipIBodies.parse("application/ISUP;version=xyz99", "signal;handling=required", isup);
        assertThat(p)
                .isEqualTo(new SipIBodies.Parsed.Reject(
                        415, "ISUP version xyz99 not supported", Optional.of(SipIBodies.ACCEPT)));
        assertThat(SipIBodies.parse("application/ISUP;version=xyz99", null, isup))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(415));
        assertThat(SipIBodies.parse("application/ISUP;version=ttc93+", null, isup))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(415));
    }

    @Test
    void unsupported_version_optional_is_ignored_and_base_rescues_a_national_variant() {
        byte[] body = concat(
                "--b\r\nContent-Type: application/sdp\r\n\r\n",
                SDP,
                "\r\n--b\r\nContent-Type: application/ISUP;version=xyz99\r\n",
                "Content-Disposition: signal;handling=optional\r\n\r\n",
                ituIam(),
                "\r\n--b--\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=b", null, body))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isEmpty();
                    assertThat(c.sdp()).isPresent();
                    assertThat(c.ignored())
                            .hasValueSatisfying(s -> assertThat(s).contains("xyz99"));
                    assertThat(c.otherParts()).hasSize(1);
                });
        assertThat(SipIBodies.parse(
                        "application/ISUP;version=nl-isup;base=itu-t92+", "signal;handling=required", ituIam()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isPresent();
                    assertThat(c.version()).contains(IsupVersion.national("nl-isup", IsupVersion.ITU_T92_PLUS));
                });
    }

    @Test
    void a_missing_version_is_an_unsupported_version() {
        assertThat(SipIBodies.parse("application/ISUP", "signal;handling=required", ituIam()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Reject.class, r -> {
                    assertThat(r.status()).isEqualTo(415);
                    assertThat(r.reason()).contains("version");
                    assertThat(r.accept()).contains(SipIBodies.ACCEPT);
                });
        for (String empty : new String[] {"application/ISUP;version=", "application/ISUP;version=\"\";base="}) {
            assertThat(SipIBodies.parse(empty, null, ituIam()))
                    .as(empty)
                    .isInstanceOfSatisfying(
                            SipIBodies.Parsed.Reject.class,
                            r -> assertThat(r.reason()).contains("version"));
        }
        assertThat(SipIBodies.parse("application/ISUP;base=itu-t92+", "signal;handling=optional", ituIam()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isEmpty();
                    assertThat(c.ignored())
                            .hasValueSatisfying(s -> assertThat(s).contains("version"));
                });
    }

    @Test
    void an_isup_part_must_have_the_signal_disposition() {
        assertThat(SipIBodies.parse("application/ISUP;version=itu-t92+", "render;handling=required", ituIam()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Reject.class, r -> {
                    assertThat(r.status()).isEqualTo(415);
                    assertThat(r.reason()).contains("render");
                });
        assertThat(SipIBodies.parse("application/ISUP;version=itu-t92+", "render;handling=optional", ituIam()))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).isEmpty();
                    assertThat(c.otherParts()).hasSize(1);
                });
        assertThat(SipIBodies.parse("application/ISUP;version=itu-t92+", null, ituIam()))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.isup()).isPresent());
    }

    @Test
    void a_part_of_an_unknown_type_is_415_when_required_and_skipped_when_optional() {
        byte[] required = multipartWith("Content-Type: application/x-unknown\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=b", null, required))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Reject.class, r -> {
                    assertThat(r.status()).isEqualTo(415);
                    assertThat(r.reason()).contains("application/x-unknown");
                    assertThat(r.accept()).contains(SipIBodies.ACCEPT);
                });
        byte[] optional = multipartWith(
                "Content-Type: application/x-unknown\r\nContent-Disposition: render;handling=optional\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=b", null, optional))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.sdp()).isPresent();
                    assertThat(c.otherParts())
                            .singleElement()
                            .satisfies(p -> assertThat(p.contentType()).isEqualTo("application/x-unknown"));
                });
    }

    @Test
    void an_unsupported_top_level_type_is_415_only_when_required() {
        byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
        assertThat(SipIBodies.parse("text/plain", null, text))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Reject.class, r -> {
                    assertThat(r.status()).isEqualTo(415);
                    assertThat(r.accept()).contains(SipIBodies.ACCEPT);
                });
        assertThat(SipIBodies.parse("text/plain", "render;handling=optional", text))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.sdp()).isEmpty();
                    assertThat(c.isup()).isEmpty();
                    assertThat(c.otherParts())
                            .singleElement()
                            .satisfies(p -> assertThat(p.content()).isEqualTo(text));
                });
        assertThat(SipIBodies.parse("application/sdp", null, SDP))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Content.class,
                        c -> assertThat(c.sdp()).isPresent());
        assertThat(SipIBodies.parse("application/sdp", "render", SDP)).isInstanceOf(SipIBodies.Parsed.Reject.class);
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

    private static byte[] ituIam() {
        return IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
    }

    private static byte[] multipartWith(String secondPartHeaders) {
        return concat(
                "--b\r\nContent-Type: application/sdp\r\n\r\n",
                SDP,
                "\r\n--b\r\n" + secondPartHeaders + "\r\n",
                new byte[] {1, 2, 3},
                "\r\n--b--\r\n");
    }

    static byte[] concat(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : pieces) {
            out.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.ISO_8859_1) : (byte[]) p);
        }
        return out.toByteArray();
    }

    @Test
    void a_nested_multipart_mixed_is_read_one_level_deep() {
        IsupMessage iam = SampleMessages.iam(0, IsupVariant.ITU);
        SipIBodies.Body inner = SipIBodies.build(Optional.of(SDP), iam, IsupVersion.ITU_T92_PLUS)
                .orElseThrow();
        byte[] outer = concat(
                "--outer\r\nContent-Type: " + inner.contentType() + "\r\n\r\n", inner.bytes(), "\r\n--outer--\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=outer", null, outer))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.sdp()).hasValue(SDP);
                    assertThat(c.isup()).hasValue(iam);
                });
        byte[] twice = concat("--o2\r\nContent-Type: multipart/mixed;boundary=outer\r\n\r\n", outer, "\r\n--o2--\r\n");
        assertThat(SipIBodies.parse("multipart/mixed;boundary=o2", null, twice))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(415));
    }

    @Test
    void a_national_version_without_base_is_read_by_bilateral_agreement() {
        IsupMessage acm = IsupMessages.acm(0, BCI);
        byte[] isup = IsupCodec.encodeWithoutCic(acm, IsupVariant.ITU).orElseThrow();
        IsupVersion uk = IsupVersion.national("uk-isup", IsupVersion.ITU_T92_PLUS);
        String contentType = "application/ISUP;version=UK-ISUP";
        assertThat(SipIBodies.parse(contentType, "signal;handling=required", isup, java.util.Map.of("uk-isup", uk)))
                .isInstanceOfSatisfying(SipIBodies.Parsed.Content.class, c -> {
                    assertThat(c.isup()).hasValue(acm);
                    assertThat(c.version()).hasValue(uk);
                });
        assertThat(SipIBodies.parse(contentType, "signal;handling=required", isup))
                .isInstanceOfSatisfying(
                        SipIBodies.Parsed.Reject.class,
                        r -> assertThat(r.status()).isEqualTo(415));
        assertThat(IsupVersion.of("uk-isup", Optional.of("ansi00"), java.util.Map.of("uk-isup", uk))
                        .variant())
                .as("a base= sent wins over the agreement")
                .hasValue(IsupVariant.ANSI);
    }
}
