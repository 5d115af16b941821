package org.pstngw.sipi.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.IsupVariant;

/** RFC 3204 section 3.1: version tokens, Table 1 base values, national versions on a base. */
class IsupVersionTest {
    @Test
    void table1HoldsTheRfcBaseValuesEachItsOwnBase() {
        assertThat(IsupVersion.TABLE_1)
                .extracting(IsupVersion::token)
                .containsExactly(
                        "itu-t88", "itu-t92+", "ansi88", "ansi00", "etsi121", "etsi356", "gr317", "ttc87", "ttc93+");
        for (IsupVersion v : IsupVersion.TABLE_1) {
            assertThat(v.base()).isEqualTo(v);
            assertThat(v.baseToken()).isEmpty();
            assertThat(SipIBodies.isupContentType(v)).isEqualTo("application/ISUP;version=" + v.token());
        }
    }

    @Test
    void variantsOfTheSupportedVersions() {
        assertThat(IsupVersion.supportedVersions())
                .extracting(IsupVersion::token)
                .containsExactly("itu-t88", "itu-t92+", "ansi88", "ansi00", "etsi121", "etsi356", "gr317");
        assertThat(IsupVersion.ETSI356.variant()).contains(IsupVariant.ITU);
        assertThat(IsupVersion.GR317.variant()).contains(IsupVariant.ANSI);
        assertThat(IsupVersion.TTC87.supported()).isFalse();
        assertThat(IsupVersion.of(IsupVariant.ANSI)).isEqualTo(IsupVersion.ANSI00);
        assertThat(IsupVersion.valueOf("ITU-T92+")).isSameAs(IsupVersion.ITU_T92_PLUS);
    }

    @Test
    void theCompatibilityMechanismIsWhatRfc3204Table1SaysOfEachBase() {
        assertThat(IsupVersion.TABLE_1.stream().filter(IsupVersion::hasCompatibilityMechanism))
                .extracting(IsupVersion::token)
                .containsExactly("itu-t92+", "ansi00", "etsi356", "ttc93+");
        assertThat(IsupVersion.national("uk-isup", IsupVersion.ETSI356).hasCompatibilityMechanism())
                .isTrue();
        assertThat(IsupVersion.national("us-x", IsupVersion.GR317).hasCompatibilityMechanism())
                .isFalse();
        assertThat(IsupVersion.valueOf("xyz99").hasCompatibilityMechanism()).isFalse();
    }

    @Test
    void aNationalVersionIsSupportedThroughItsBase() {
        IsupVersion uk = IsupVersion.national("uk-isup", IsupVersion.ITU_T92_PLUS);
        assertThat(uk.variant()).contains(IsupVariant.ITU);
        assertThat(uk.base()).isEqualTo(IsupVersion.ITU_T92_PLUS);
        assertThat(IsupVersion.of("uk-isup", Optional.of("itu-t92+"))).isEqualTo(uk);
        assertThat(IsupVersion.of("uk-isup", Optional.empty()).supported()).isFalse();
        assertThat(IsupVersion.of("jp-x", Optional.of("ttc93+")).supported()).isFalse();
        assertThat(IsupVersion.of("jp-x", Optional.of("ttc93+")).baseToken()).contains("ttc93+");
        assertThat(IsupVersion.of("ansi00", Optional.of("itu-t92+"))).isSameAs(IsupVersion.ANSI00);
        assertThatThrownBy(() -> IsupVersion.national("x", uk)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_table_1_token_keeps_its_variant_and_has_no_base() {
        assertThatThrownBy(() -> new IsupVersion("itu-t92+", Optional.of(IsupVariant.ANSI), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsupVersion("ANSI00", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IsupVersion.national("etsi356", IsupVersion.ANSI00))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IsupVersion("itu-t92+", Optional.of(IsupVariant.ITU), Optional.empty()))
                .isEqualTo(IsupVersion.ITU_T92_PLUS);
        assertThat(IsupVersion.national("uk-isup", IsupVersion.ITU_T92_PLUS).variant())
                .hasValue(IsupVariant.ITU);
    }
}
