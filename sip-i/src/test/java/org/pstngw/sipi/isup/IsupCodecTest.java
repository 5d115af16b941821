package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsupCodecTest {

    static Stream<Arguments> everyMessage() {
        return Stream.of(IsupVariant.values())
                .flatMap(v -> SampleMessages.all(v).stream()
                        .map(m -> Arguments.of(v, m.type().name(), m)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyMessage")
    void roundTripWithAndWithoutCic(IsupVariant variant, String name, IsupMessage message) {
        byte[] wire = IsupCodec.encode(message, variant).orElseThrow();
        assertThat(IsupCodec.decode(wire, variant)).isEqualTo(new DecodeResult.Decoded(message));
        byte[] body = IsupCodec.encodeWithoutCic(message, variant).orElseThrow();
        assertThat(wire).endsWith(body);
        assertThat(IsupCodec.decodeWithoutCic(body, variant, message.cic()))
                .isEqualTo(new DecodeResult.Decoded(message));
        assertThat(IsupCodec.encode(message, variant).orElseThrow()).isEqualTo(wire);
    }

    @Test
    void sampleIamFromReferencesDecodesToItsFields() {
        byte[] wire = Fixtures.hex("/isup/iam-itu-sample-references.hex");
        DecodeResult r = IsupCodec.decode(wire, IsupVariant.ITU);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        IsupMessage iam = ((DecodeResult.Decoded) r).message();
        assertThat(iam).isInstanceOf(IsupMessage.Iam.class);
        assertThat(iam.cic()).isEqualTo(0x0123);
        assertThat(iam.calledPartyNumber()).contains(PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234"));
        assertThat(iam.callingPartyNumber()).hasValueSatisfying(n -> {
            assertThat(n.natureOfAddress()).isEqualTo(PartyNumber.NAI_INTERNATIONAL);
            assertThat(n.digits()).isEqualTo("4420712345678");
        });
        assertThat(iam.callingPartyCategory()).contains(CallingPartyCategory.ORDINARY);
        assertThat(iam.parameter(ParameterCode.TRANSMISSION_MEDIUM_REQUIREMENT))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(3));
        assertThat(IsupCodec.encode(iam, IsupVariant.ITU).orElseThrow()).isEqualTo(wire);
    }

    @Test
    void unknownOptionalParametersPassThroughInOrder() {
        IsupMessage iam =
                SampleMessages.iam(5, IsupVariant.ITU).with(IsupParameter.of(ParameterCode.valueOf(0xEE), 9, 9));
        IsupMessage back = ((DecodeResult.Decoded)
                        IsupCodec.decode(IsupCodec.encode(iam, IsupVariant.ITU).orElseThrow(), IsupVariant.ITU))
                .message();
        List<IsupParameter> tail = back.parameters()
                .asList()
                .subList(back.parameters().size() - 3, back.parameters().size());
        assertThat(tail).extracting(p -> p.code().code()).containsExactly(0x0A, 0xFE, 0xEE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("broken")
    void undecodableBytesGiveTypedErrorsNamingMessageAndParameter(String hex, String type, String parameter) {
        DecodeResult r = IsupCodec.decode(HexFormat.of().parseHex(hex), IsupVariant.ITU);
        assertThat(r).isInstanceOfSatisfying(DecodeResult.DecodeError.class, e -> {
            assertThat(e.messageType() == null ? null : e.messageType().name()).isEqualTo(type);
            assertThat(e.parameter() == null ? null : e.parameter().name()).isEqualTo(parameter);
            assertThat(e.reason()).isNotBlank();
        });
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("2301", null, null),
                Arguments.of("230101002800", "IAM", "CALLING_PARTYS_CATEGORY"),
                Arguments.of("2301010028000a0302090703101252", "IAM", "CALLED_PARTY_NUMBER"),
                Arguments.of("2301010028000a03020907031012525521430a0584134402", "IAM", "CALLING_PARTY_NUMBER"),
                Arguments.of("2301010028000a03020907031012525521430a09841344021732547608", "IAM", null),
                Arguments.of("23010c0200050180", "REL", "CAUSE_INDICATORS"),
                Arguments.of("23010c02000200", "REL", "CAUSE_INDICATORS"),
                Arguments.of("23010601", "ACM", "BACKWARD_CALL_INDICATORS"),
                Arguments.of("230117", "GRS", null),
                // pointers into the pointer block, into the parameter before, or the optional part into the mandatory
                Arguments.of("00000c0103809000", "REL", "CAUSE_INDICATORS"),
                Arguments.of("00002b0202020c010c", "CQR", "CIRCUIT_STATE_INDICATOR"),
                Arguments.of("00000c0201028090", "REL", null));
    }

    @Test
    void everyByteStringDecodesWithoutThrowing() {
        byte[] iam = Fixtures.hex("/isup/iam-itu-sample-references.hex");
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = Arrays.copyOf(iam, 3 + random.nextInt(iam.length - 2));
            b[2 + random.nextInt(b.length - 2)] = (byte) random.nextInt(256);
            for (IsupVariant v : IsupVariant.values()) {
                assertThat(IsupCodec.decode(b, v)).isNotNull();
            }
        }
    }
}
