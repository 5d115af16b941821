package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsupMessagesTest {
    @Test
    void factoryIamEncodesToTheReferenceSample() {
        IsupMessage iam = IsupMessages.iam(
                0x0123,
                NatureOfConnectionIndicators.PLAIN,
                ForwardCallIndicators.of(false, true, true, ForwardCallIndicators.ISUP_PREFERRED, false),
                CallingPartyCategory.ORDINARY,
                3,
                PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234"),
                IsupMessages.callingPartyNumber(PartyNumber.calling(PartyNumber.NAI_INTERNATIONAL, "4420712345678")));
        assertThat(IsupCodec.encode(iam, IsupVariant.ITU).orElseThrow())
                .isEqualTo(Fixtures.hex("/isup/iam-itu-sample-references.hex"));
    }

    @Test
    void typedViewsReadBackWhatFactoriesWrote() {
        CauseIndicators cause = CauseIndicators.of(CauseIndicators.LOCATION_TRANSIT, CauseValue.NO_CIRCUIT_AVAILABLE);
        assertThat(IsupMessages.rel(7, cause).causeIndicators()).contains(cause);
        EventInformation ev = new EventInformation(EventInformation.IN_BAND_INFORMATION, true);
        assertThat(IsupMessages.cpg(7, ev).eventInformation()).contains(ev);
        BackwardCallIndicators bci = BackwardCallIndicators.of(2, 1, 1, true, true);
        assertThat(IsupMessages.acm(7, bci).backwardCallIndicators()).hasValueSatisfying(b -> {
            assertThat(b.calledPartyStatus()).isEqualTo(BackwardCallIndicators.STATUS_SUBSCRIBER_FREE);
            assertThat(b.interworking()).isTrue();
            assertThat(b.isupAllTheWay()).isTrue();
        });
        RangeAndStatus rs = RangeAndStatus.of(3, true, false, false, true);
        assertThat(IsupMessages.circuitGroup(IsupMessageType.CGB, 1, 0, rs).rangeAndStatus())
                .hasValueSatisfying(r -> {
                    assertThat(r.statusBit(0)).isTrue();
                    assertThat(r.statusBit(1)).isFalse();
                    assertThat(r.statusBit(3)).isTrue();
                });
        assertThat(IsupMessages.range(IsupMessageType.GRS, 1, 29).rangeAndStatus())
                .contains(RangeAndStatus.rangeOnly(29));
        assertThat(IsupMessages.sam(1, "56F").subsequentNumber())
                .hasValueSatisfying(n -> assertThat(n.digits()).isEqualTo("56F"));
        assertThatThrownBy(() -> CauseValue.valueOf(200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CauseValue.valueOf(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CauseValue.fromOctet(0x91)).isEqualTo(CauseValue.USER_BUSY); // the octet's extension bit set
        assertThat(CauseValue.valueOf(127).name()).isEqualTo("INTERWORKING_UNSPECIFIED");
        assertThat(CauseValue.valueOf(126).name()).isEqualTo("CAUSE_126");
        assertThat(IsupMessageType.valueOf(0x99).isKnown()).isFalse();
        assertThat(ParameterCode.valueOf(0x99).name()).isEqualTo("UNKNOWN(0x99)");
    }
}
