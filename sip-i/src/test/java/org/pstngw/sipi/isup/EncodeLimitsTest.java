package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Encoding is a result: a message that does not fit its variant, its CIC field, a pointer or an MSU is an error. */
class EncodeLimitsTest {
    private static final IsupParameter UUI_255 =
            new IsupParameter(ParameterCode.USER_TO_USER_INFORMATION, new byte[255]);

    @Test
    void aPointerOver255IsAnErrorNotAWrappedOctet() {
        IsupMessage usr = IsupMessage.of(IsupMessageType.USR, 1, IsupParameters.of(UUI_255));
        byte[] alone = IsupCodec.encode(usr, IsupVariant.ITU).orElseThrow();
        assertThat(alone).hasSize(2 + 1 + 2 + 1 + 255);
        assertThat(alone[3]).isEqualTo((byte) 2); // pointer to the UUI
        assertThat(alone[4]).isEqualTo((byte) 0); // no optional part

        IsupMessage withOptional = usr.with(IsupParameter.of(ParameterCode.ACCESS_TRANSPORT, 1));
        assertThat(IsupCodec.encode(withOptional, IsupVariant.ITU))
                .isInstanceOfSatisfying(EncodeResult.EncodeError.class, e -> {
                    assertThat(e.messageType()).isEqualTo(IsupMessageType.USR);
                    assertThat(e.reason()).contains("optional part pointer 257");
                });
    }

    @ParameterizedTest(name = "{0}: {1} octets with CIC")
    @CsvSource({"ITU, 268", "ANSI, 265"})
    void aMessageOverTheSignallingInformationFieldIsAnError(IsupVariant variant, int limit) {
        // ANM: CIC(2) type(1) pointer(1), two optional parameters (2 + a, 2 + b), end octet: 9 + a + b octets.
        int a = 200;
        IsupMessage fits = anm(a, limit - 9 - a);
        assertThat(IsupCodec.encode(fits, variant).orElseThrow()).hasSize(limit);
        assertThat(IsupCodec.encodeWithoutCic(fits, variant).orElseThrow()).hasSize(limit - 2);
        assertThat(IsupCodec.encode(anm(a, limit - 8 - a), variant))
                .isInstanceOfSatisfying(
                        EncodeResult.EncodeError.class,
                        e -> assertThat(e.reason()).contains(String.valueOf(limit)));
        assertThat(IsupCodec.encodeWithoutCic(anm(a, limit - 8 - a), variant))
                .isInstanceOf(EncodeResult.EncodeError.class);
    }

    private static IsupMessage anm(int a, int b) {
        return IsupMessage.of(
                IsupMessageType.ANM,
                1,
                IsupParameters.of(
                        new IsupParameter(ParameterCode.valueOf(0xF0), new byte[a]),
                        new IsupParameter(ParameterCode.valueOf(0xF1), new byte[b])));
    }

    @Test
    void cicFieldsAre12BitsItuAnd14BitsAnsi() {
        IsupMessage itu = IsupMessages.rlc(0x0FFF);
        byte[] ituWire = IsupCodec.encode(itu, IsupVariant.ITU).orElseThrow();
        assertThat(HexFormat.of().formatHex(ituWire)).isEqualTo("ff0f1000");
        assertThat(IsupCodec.decode(ituWire, IsupVariant.ITU)).isEqualTo(new DecodeResult.Decoded(itu));

        IsupMessage ansi = IsupMessages.rlc(0x3FFF);
        byte[] ansiWire = IsupCodec.encode(ansi, IsupVariant.ANSI).orElseThrow();
        assertThat(HexFormat.of().formatHex(ansiWire)).isEqualTo("ff3f10");
        assertThat(IsupCodec.decode(ansiWire, IsupVariant.ANSI)).isEqualTo(new DecodeResult.Decoded(ansi));

        assertThat(IsupCodec.encode(IsupMessages.rlc(0x1000), IsupVariant.ITU))
                .isInstanceOfSatisfying(
                        EncodeResult.EncodeError.class,
                        e -> assertThat(e.reason()).contains("CIC 4096"));
        assertThat(IsupCodec.encode(IsupMessages.rlc(0x1000), IsupVariant.ANSI))
                .isInstanceOf(EncodeResult.Encoded.class);
        assertThatThrownBy(() -> IsupMessages.rlc(0x4000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IsupMessages.rlc(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spareCicBitsAreIgnoredOnReceipt() {
        assertThat(IsupCodec.decode(HexFormat.of().parseHex("ffff13"), IsupVariant.ITU))
                .isEqualTo(
                        new DecodeResult.Decoded(IsupMessage.of(IsupMessageType.BLO, 0x0FFF, IsupParameters.empty())));
        assertThat(IsupCodec.decode(HexFormat.of().parseHex("ffff13"), IsupVariant.ANSI))
                .isEqualTo(
                        new DecodeResult.Decoded(IsupMessage.of(IsupMessageType.BLO, 0x3FFF, IsupParameters.empty())));
    }

    @Test
    void aSipIBodyCicOutsideTheVariantIsADecodeError() {
        assertThat(IsupCodec.decodeWithoutCic(new byte[] {0x13}, IsupVariant.ITU, 0x1000))
                .isInstanceOf(DecodeResult.DecodeError.class);
        assertThat(IsupCodec.decodeWithoutCic(new byte[] {0x13}, IsupVariant.ANSI, 0x1000))
                .isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void anItuIamReEncodedAsAnsiIsAnErrorNamingTheMissingParameter() {
        IsupMessage iam = ((DecodeResult.Decoded)
                        IsupCodec.decode(Fixtures.hex("/isup/iam-itu-sample-references.hex"), IsupVariant.ITU))
                .message();
        assertThat(IsupCodec.encode(iam, IsupVariant.ANSI))
                .isInstanceOfSatisfying(EncodeResult.EncodeError.class, e -> {
                    assertThat(e.messageType()).isEqualTo(IsupMessageType.IAM);
                    assertThat(e.parameter()).isEqualTo(ParameterCode.USER_SERVICE_INFORMATION);
                    assertThat(e.toString()).contains("IAM", "USER_SERVICE_INFORMATION", "missing");
                });
        assertThatThrownBy(() -> IsupCodec.encode(iam, IsupVariant.ANSI).orElseThrow())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("USER_SERVICE_INFORMATION");
    }

    /** What the decoder would reject as a mandatory parameter it cannot read, the encoder refuses to send. */
    @Test
    void mandatoryParametersTheirTypedViewCannotReadAreEncodeErrors() {
        IsupMessage oneOctetCause = IsupMessage.of(
                IsupMessageType.REL, 1, IsupParameters.of(IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x80)));
        assertThat(IsupCodec.encode(oneOctetCause, IsupVariant.ITU))
                .isInstanceOfSatisfying(EncodeResult.EncodeError.class, e -> {
                    assertThat(e.messageType()).isEqualTo(IsupMessageType.REL);
                    assertThat(e.parameter()).isEqualTo(ParameterCode.CAUSE_INDICATORS);
                    assertThat(e.reason()).contains("at least 2");
                });
        IsupMessage causeWithout1aValue = IsupMessage.of(
                IsupMessageType.CFN,
                1,
                IsupParameters.of(IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x00, 0x80)));
        assertThat(IsupCodec.encodeWithoutCic(causeWithout1aValue, IsupVariant.ANSI))
                .isInstanceOfSatisfying(
                        EncodeResult.EncodeError.class,
                        e -> assertThat(e.reason()).contains("1a"));
        IsupMessage oneOctetCalledNumber = IsupMessage.of(
                IsupMessageType.IAM,
                1,
                IsupParameters.of(
                        IsupParameter.of(ParameterCode.NATURE_OF_CONNECTION_INDICATORS, 0),
                        IsupParameter.of(ParameterCode.FORWARD_CALL_INDICATORS, 0, 0),
                        IsupParameter.of(ParameterCode.CALLING_PARTYS_CATEGORY, 10),
                        IsupParameter.of(ParameterCode.TRANSMISSION_MEDIUM_REQUIREMENT, 3),
                        IsupParameter.of(ParameterCode.CALLED_PARTY_NUMBER, 3)));
        assertThat(IsupCodec.encode(oneOctetCalledNumber, IsupVariant.ITU))
                .isInstanceOfSatisfying(
                        EncodeResult.EncodeError.class,
                        e -> assertThat(e.parameter()).isEqualTo(ParameterCode.CALLED_PARTY_NUMBER));
        IsupMessage emptyRange = IsupMessage.of(
                IsupMessageType.GRS,
                1,
                IsupParameters.of(new IsupParameter(ParameterCode.RANGE_AND_STATUS, new byte[0])));
        assertThat(IsupCodec.encode(emptyRange, IsupVariant.ITU)).isInstanceOf(EncodeResult.EncodeError.class);
    }

    /** An Unknown of a type that has a layout in the variant goes out only when its body decodes in that layout. */
    @Test
    void anUnknownOfAKnownTypeMustHoldAValidBody() {
        IsupMessage badRel =
                new IsupMessage.Unknown(1, IsupMessageType.REL, new byte[] {0x02, 0x00, 0x01, (byte) 0x80});
        assertThat(IsupCodec.encode(badRel, IsupVariant.ITU))
                .isInstanceOfSatisfying(EncodeResult.EncodeError.class, e -> {
                    assertThat(e.messageType()).isEqualTo(IsupMessageType.REL);
                    assertThat(e.parameter()).isEqualTo(ParameterCode.CAUSE_INDICATORS);
                });
        IsupMessage goodRel = new IsupMessage.Unknown(
                1, IsupMessageType.REL, new byte[] {0x02, 0x00, 0x02, (byte) 0x80, (byte) 0x90});
        assertThat(IsupCodec.encode(goodRel, IsupVariant.ITU).orElseThrow())
                .containsExactly(0x01, 0x00, 0x0c, 0x02, 0x00, 0x02, 0x80, 0x90);
    }

    @Test
    void messagesThatDoNotFitTheirLayoutAreErrors() {
        IsupMessage shortFci = IsupMessage.of(
                IsupMessageType.ACM, 1, IsupParameters.of(IsupParameter.of(ParameterCode.BACKWARD_CALL_INDICATORS, 1)));
        assertThat(IsupCodec.encode(shortFci, IsupVariant.ITU))
                .isInstanceOfSatisfying(EncodeResult.EncodeError.class, e -> {
                    assertThat(e.parameter()).isEqualTo(ParameterCode.BACKWARD_CALL_INDICATORS);
                    assertThat(e.reason()).contains("2 octet(s)");
                });
        IsupMessage bloWithParameter = IsupMessage.of(
                IsupMessageType.BLO, 1, IsupParameters.of(IsupParameter.of(ParameterCode.valueOf(0xFE), 1)));
        assertThat(IsupCodec.encode(bloWithParameter, IsupVariant.ITU))
                .isInstanceOfSatisfying(
                        EncodeResult.EncodeError.class,
                        e -> assertThat(e.reason()).contains("no optional part"));
        IsupMessage ansiRlcWithCause = IsupMessage.of(
                IsupMessageType.RLC,
                1,
                IsupParameters.of(IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x80, 0x90)));
        assertThat(IsupCodec.encode(ansiRlcWithCause, IsupVariant.ITU)).isInstanceOf(EncodeResult.Encoded.class);
        assertThat(IsupCodec.encode(ansiRlcWithCause, IsupVariant.ANSI)).isInstanceOf(EncodeResult.EncodeError.class);
        assertThatThrownBy(() -> IsupParameter.of(ParameterCode.valueOf(0), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
