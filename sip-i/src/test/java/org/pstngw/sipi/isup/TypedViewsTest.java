package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Typed views read every field of their parameter, and what they build re-encodes to the octets read. */
class TypedViewsTest {
    private static IsupMessage rel(String causeHex) {
        return IsupMessage.of(
                IsupMessageType.REL,
                1,
                IsupParameters.of(IsupParameter.of(
                        ParameterCode.CAUSE_INDICATORS, HexFormat.of().parseHex(causeHex))));
    }

    @Test
    void the_cause_recommendation_octet_is_kept() {
        CauseIndicators c = rel("02849105").causeIndicators().orElseThrow();
        assertThat(c.recommendation()).isEqualTo(OptionalInt.of(4)); // X.25
        assertThat(c.location()).isEqualTo(CauseIndicators.LOCATION_PUBLIC_LOCAL);
        assertThat(c.cause().code()).isEqualTo(17);
        assertThat(c.diagnostics()).containsExactly(5);
        assertThat(HexFormat.of().formatHex(c.encode())).isEqualTo("02849105");
        CauseIndicators plain = rel("8291").causeIndicators().orElseThrow();
        assertThat(plain.recommendation()).isEmpty();
        assertThat(plain).isEqualTo(CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.USER_BUSY));
        assertThat(HexFormat.of().formatHex(plain.encode())).isEqualTo("8291");
        assertThat(c).isNotEqualTo(new CauseIndicators(0, 2, CauseValue.USER_BUSY, new byte[] {5}));
    }

    @Test
    void party_numbers_take_ascii_address_signals_only() {
        assertThat(PartyNumber.called(PartyNumber.NAI_NATIONAL, "0123456789abcdefABCDEF")
                        .digits())
                .isEqualTo("0123456789ABCDEFABCDEF");
        for (String bad : new String[] {"\u0663", "\uFF11", "12 3", "G"}) {
            assertThatThrownBy(() -> PartyNumber.called(PartyNumber.NAI_NATIONAL, bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void redirecting_and_original_called_numbers_have_no_screening_or_flag() {
        // octet 2: bit 8 spare (set here), plan 1, presentation 01 restricted, bits 2-1 spare (11 here)
        byte[] contents = HexFormat.of().parseHex("03971252");
        for (ParameterCode code :
                new ParameterCode[] {ParameterCode.REDIRECTING_NUMBER, ParameterCode.ORIGINAL_CALLED_NUMBER}) {
            IsupMessage m = IsupMessage.of(IsupMessageType.IAM, 1, IsupParameters.of(IsupParameter.of(code, contents)));
            PartyNumber n = (code == ParameterCode.REDIRECTING_NUMBER
                            ? m.redirectingNumber()
                            : m.originalCalledNumber())
                    .orElseThrow();
            assertThat(n).as(code.name()).isEqualTo(new PartyNumber(3, false, 1, 1, 0, "2125"));
        }
        // the calling party number's octet 2 has them: the same octets read as NI 1 and screening 3
        IsupMessage calling = IsupMessage.of(
                IsupMessageType.IAM,
                1,
                IsupParameters.of(IsupParameter.of(ParameterCode.CALLING_PARTY_NUMBER, contents)));
        assertThat(calling.callingPartyNumber()).hasValue(new PartyNumber(3, true, 1, 1, 3, "2125"));
    }
}
