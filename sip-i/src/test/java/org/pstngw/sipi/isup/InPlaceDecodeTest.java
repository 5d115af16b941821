package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decoding an ISUP message where it lies in a larger array (a SIP-I body part), and parameters that own arrays. */
class InPlaceDecodeTest {
    @ParameterizedTest
    @EnumSource(IsupVariant.class)
    void every_sample_decodes_in_place_as_it_decodes_from_its_own_array(IsupVariant variant) {
        for (IsupMessage m : SampleMessages.all(variant)) {
            byte[] own = IsupCodec.encodeWithoutCic(m, variant).orElseThrow();
            byte[] framed = new byte[own.length + 7];
            Arrays.fill(framed, (byte) 0x55); // octets around the message that belong to no parameter
            System.arraycopy(own, 0, framed, 3, own.length);

            DecodeResult inPlace = IsupCodec.decodeWithoutCic(framed, 3, 3 + own.length, variant, 0);

            assertThat(inPlace).as(m.type().toString()).isEqualTo(IsupCodec.decodeWithoutCic(own, variant, 0));
        }
    }

    @Test
    void a_message_read_in_place_keeps_copies_not_the_array() {
        byte[] own = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        byte[] framed = own.clone();
        IsupMessage m = ((DecodeResult.Decoded)
                        IsupCodec.decodeWithoutCic(framed, 0, framed.length, IsupVariant.ITU, 0))
                .message();
        IsupMessage before = ((DecodeResult.Decoded) IsupCodec.decodeWithoutCic(own, IsupVariant.ITU, 0)).message();

        Arrays.fill(framed, (byte) 0);

        assertThat(m).isEqualTo(before);
    }

    @Test
    void a_truncated_message_in_place_is_an_error_even_when_the_array_goes_on() {
        byte[] own = IsupCodec.encodeWithoutCic(SampleMessages.iam(0, IsupVariant.ITU), IsupVariant.ITU)
                .orElseThrow();
        byte[] framed = Arrays.copyOf(own, own.length + 20); // the octets after the range must not be read

        assertThat(IsupCodec.decodeWithoutCic(framed, 0, own.length - 1, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.DecodeError.class);
        assertThat(IsupCodec.decodeWithoutCic(framed, 0, own.length, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.Decoded.class);
    }

    @Test
    void a_range_outside_the_array_or_a_null_array_is_an_error_not_an_exception() {
        byte[] b = {1, 2, 3};
        assertThat(IsupCodec.decodeWithoutCic(b, 2, 5, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.DecodeError.class);
        assertThat(IsupCodec.decodeWithoutCic(b, -1, 2, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.DecodeError.class);
        assertThat(IsupCodec.decodeWithoutCic(b, 2, 2, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.DecodeError.class);
        assertThat(IsupCodec.decodeWithoutCic(null, 0, 0, IsupVariant.ITU, 0))
                .isInstanceOf(DecodeResult.DecodeError.class);
    }

    @Test
    void a_parameter_built_from_an_array_copies_it_in_and_out() {
        byte[] octets = {1, 2};
        IsupParameter p = new IsupParameter(ParameterCode.FORWARD_CALL_INDICATORS, octets);

        octets[0] = 9;
        p.value()[1] = 9;

        assertThat(p.value()).containsExactly(1, 2);
        assertThat(p).isEqualTo(IsupParameter.of(ParameterCode.FORWARD_CALL_INDICATORS, 1, 2));
        assertThat(p).hasSameHashCodeAs(IsupParameter.of(ParameterCode.FORWARD_CALL_INDICATORS, 1, 2));
        assertThat(p).hasToString("FORWARD_CALL_INDICATORS=0102");
    }
}
