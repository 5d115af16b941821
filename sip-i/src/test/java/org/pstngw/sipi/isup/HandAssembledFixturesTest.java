package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixtures assembled by hand from Q.763 / T1.113.3, one commented line per octet (src/test/resources/isup/handmade/),
 * against messages built with the typed factories: unlike the golden files of {@link WireFixturesTest}, these were not
 * written by our encoder. TsharkJudgeIT has tshark read them too.
 */
class HandAssembledFixturesTest {
    static final int ITU_CIC = 0x0ABC;
    static final int ANSI_CIC = 0x2ABC;

    /** (resource, variant, the message it holds). */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of(
                        "/isup/handmade/ansi-iam-14bit-cic-user-service-information.hex",
                        IsupVariant.ANSI,
                        IsupMessages.ansiIam(
                                ANSI_CIC,
                                NatureOfConnectionIndicators.PLAIN,
                                ForwardCallIndicators.of(
                                        false, false, true, ForwardCallIndicators.ISUP_PREFERRED, true),
                                CallingPartyCategory.ORDINARY,
                                IsupMessages.usiSpeechMuLaw(),
                                PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234"),
                                IsupMessages.callingPartyNumber(
                                        PartyNumber.calling(PartyNumber.NAI_NATIONAL, "2125550000")))),
                Arguments.of(
                        "/isup/handmade/ansi-rel-ansi-coded-cause.hex",
                        IsupVariant.ANSI,
                        IsupMessages.rel(
                                ANSI_CIC,
                                CauseIndicators.ansi(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(23)))),
                Arguments.of(
                        "/isup/handmade/ansi-rlc-message-type-only.hex", IsupVariant.ANSI, IsupMessages.rlc(ANSI_CIC)),
                Arguments.of(
                        "/isup/handmade/ansi-cgb-hardware-failure-status.hex",
                        IsupVariant.ANSI,
                        IsupMessages.circuitGroup(
                                IsupMessageType.CGB, ANSI_CIC, 1, RangeAndStatus.of(7, true, false, true))),
                Arguments.of(
                        "/isup/handmade/itu-rel-12bit-cic-normal-clearing.hex",
                        IsupVariant.ITU,
                        IsupMessages.rel(
                                ITU_CIC,
                                CauseIndicators.of(CauseIndicators.LOCATION_USER, CauseValue.NORMAL_CALL_CLEARING))),
                Arguments.of(
                        "/isup/handmade/itu-acm-subscriber-free.hex",
                        IsupVariant.ITU,
                        IsupMessages.acm(
                                ITU_CIC,
                                BackwardCallIndicators.of(
                                        2, BackwardCallIndicators.STATUS_SUBSCRIBER_FREE, 1, false, true))),
                Arguments.of(
                        "/isup/handmade/itu-cpg-alerting.hex",
                        IsupVariant.ITU,
                        IsupMessages.cpg(ITU_CIC, new EventInformation(EventInformation.ALERTING, false))),
                Arguments.of("/isup/handmade/itu-anm-no-parameters.hex", IsupVariant.ITU, IsupMessages.anm(ITU_CIC)),
                Arguments.of(
                        "/isup/handmade/itu-grs-range-7.hex",
                        IsupVariant.ITU,
                        IsupMessages.range(IsupMessageType.GRS, ITU_CIC, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesToTheMessageAndEncodesBackToTheOctets(String resource, IsupVariant variant, IsupMessage message) {
        byte[] wire = Fixtures.hex(resource);
        assertThat(IsupCodec.decode(wire, variant)).isEqualTo(new DecodeResult.Decoded(message));
        assertThat(HexFormat.of().formatHex(IsupCodec.encode(message, variant).orElseThrow()))
                .isEqualTo(HexFormat.of().formatHex(wire));
    }
}
