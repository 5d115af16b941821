package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.CauseValue;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;

class MessageEventsTest {

    private static Optional<MessageEvents.Classified> classifyOnTheWire(IsupMessage message) {
        byte[] wire = IsupCodec.encode(message, IsupVariant.ITU).orElseThrow();
        DecodeResult decoded = IsupCodec.decode(wire, IsupVariant.ITU);
        assertThat(decoded).isInstanceOf(DecodeResult.Decoded.class);
        return MessageEvents.classify(((DecodeResult.Decoded) decoded).message());
    }

    @Test
    void releaseCarriesItsCause() {
        IsupMessage rel = IsupMessage.of(
                IsupMessageType.REL,
                5,
                IsupParameters.of(new IsupParameter(
                        ParameterCode.CAUSE_INDICATORS,
                        CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.USER_BUSY)
                                .encode())));

        assertThat(classifyOnTheWire(rel)).contains(new MessageEvents.Classified(CallEvent.REL, 17));
    }

    @Test
    void suspendAndContinuityIndicatorsPickTheEvent() {
        assertThat(MessageEvents.classify(IsupMessage.of(
                        IsupMessageType.SUS,
                        1,
                        IsupParameters.of(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, 1)))))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.SUS_NETWORK);
        assertThat(MessageEvents.classify(IsupMessage.of(
                        IsupMessageType.SUS,
                        1,
                        IsupParameters.of(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, 0)))))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.SUS_USER);
        assertThat(MessageEvents.classify(IsupMessage.of(
                        IsupMessageType.COT,
                        1,
                        IsupParameters.of(IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 1)))))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.COT_SUCCESS);
        assertThat(MessageEvents.classify(IsupMessage.of(
                        IsupMessageType.COT,
                        1,
                        IsupParameters.of(IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 0)))))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.COT_FAILURE);
    }

    @Test
    void theContinuityCheckIndicatorPicksTheIamEvent() {
        assertThat(iamWithContinuity(0)).isEqualTo(CallEvent.IAM);
        assertThat(iamWithContinuity(1)).isEqualTo(CallEvent.IAM_CONTINUITY_REQUIRED);
        assertThat(iamWithContinuity(2)).isEqualTo(CallEvent.IAM_CONTINUITY_PREVIOUS);
    }

    private static CallEvent iamWithContinuity(int indicator) {
        IsupMessage iam = org.pstngw.sipi.isup.IsupMessages.iam(
                1,
                new org.pstngw.sipi.isup.NatureOfConnectionIndicators(0, indicator, false),
                org.pstngw.sipi.isup.ForwardCallIndicators.of(false, false, true, 0, false),
                org.pstngw.sipi.isup.CallingPartyCategory.ORDINARY,
                3,
                org.pstngw.sipi.isup.PartyNumber.called(3, "5551234"));
        return classifyOnTheWire(iam).orElseThrow().event();
    }

    @Test
    void aSamEndingWithStCompletesTheNumber() {
        assertThat(classifyOnTheWire(org.pstngw.sipi.isup.IsupMessages.sam(1, "12")))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.SAM_INCOMPLETE);
        assertThat(classifyOnTheWire(org.pstngw.sipi.isup.IsupMessages.sam(1, "12F")))
                .map(MessageEvents.Classified::event)
                .contains(CallEvent.SAM_COMPLETE);
    }

    @Test
    void maintenanceMessagesAreNotCallControl() {
        assertThat(MessageEvents.classify(IsupMessage.of(IsupMessageType.BLO, 1, IsupParameters.empty())))
                .isEmpty();
        assertThat(MessageEvents.classify(IsupMessage.of(IsupMessageType.RLC, 1, IsupParameters.empty())))
                .contains(new MessageEvents.Classified(CallEvent.RLC, 0));
    }
}
