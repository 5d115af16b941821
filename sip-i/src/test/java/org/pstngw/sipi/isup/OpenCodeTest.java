package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three open enums behave alike: equal by code, ordered by code, a named value for every code. */
class OpenCodeTest {
    @Test
    void unknown_codes_are_values_equal_by_code_and_known_ones_are_the_constants() {
        assertThat(IsupMessageType.valueOf(0x99)).isEqualTo(IsupMessageType.valueOf(0x99));
        assertThat(IsupMessageType.valueOf(0x99).name()).isEqualTo("UNKNOWN(0x99)");
        assertThat(IsupMessageType.valueOf(0x01)).isSameAs(IsupMessageType.IAM);
        assertThat(IsupMessageType.valueOf(0x101)).isSameAs(IsupMessageType.IAM); // an octet: low 8 bits
        assertThat(ParameterCode.valueOf(0xFE).isKnown()).isFalse();
        assertThat(ParameterCode.valueOf(0x12)).isSameAs(ParameterCode.CAUSE_INDICATORS);
        assertThat(ParameterCode.CAUSE_INDICATORS.isKnown()).isTrue();
        assertThat(CauseValue.valueOf(126)).isEqualTo(CauseValue.valueOf(126)).hasToString("CAUSE_126(126)");
        assertThat(CauseValue.valueOf(17)).isSameAs(CauseValue.USER_BUSY).hasToString("USER_BUSY(17)");
        assertThat(CauseValue.USER_BUSY.causeClass()).isEqualTo(1);
        assertThat(List.of(ParameterCode.CALL_REFERENCE, ParameterCode.HOP_COUNTER, ParameterCode.valueOf(0xFE)))
                .isSortedAccordingTo(ParameterCode::compareTo)
                .hasSize(3);
        assertThat(ParameterCode.CALL_REFERENCE.compareTo(ParameterCode.HOP_COUNTER))
                .isNegative();
        assertThat((Object) ParameterCode.valueOf(0x12))
                .isNotEqualTo(CauseValue.valueOf(0x12)); // same code, other enum
    }
}
