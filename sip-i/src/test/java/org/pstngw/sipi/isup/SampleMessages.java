package org.pstngw.sipi.isup;

import static org.pstngw.sipi.isup.ParameterCode.*;

import java.util.ArrayList;
import java.util.List;

/** One realistic message of every type the gateway uses, per variant, with an unknown optional parameter where allowed. */
public final class SampleMessages {
    private SampleMessages() {}

    public static final IsupParameter UNKNOWN_OPTIONAL = IsupParameter.of(ParameterCode.valueOf(0xFE), 1, 2, 3);

    public static IsupMessage iam(int cic, IsupVariant variant) {
        List<IsupParameter> p = new ArrayList<>();
        p.add(IsupParameter.of(NATURE_OF_CONNECTION_INDICATORS, NatureOfConnectionIndicators.PLAIN.encode()));
        p.add(IsupParameter.of(
                FORWARD_CALL_INDICATORS,
                ForwardCallIndicators.of(false, false, true, 0, true).encode()));
        p.add(IsupParameter.of(CALLING_PARTYS_CATEGORY, CallingPartyCategory.ORDINARY.encode()));
        if (variant == IsupVariant.ITU) {
            p.add(IsupParameter.of(TRANSMISSION_MEDIUM_REQUIREMENT, 3));
        } else {
            p.add(IsupParameter.of(USER_SERVICE_INFORMATION, 0x80, 0x90, 0xA2));
        }
        p.add(IsupParameter.of(
                CALLED_PARTY_NUMBER,
                PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234F").encodeCalled()));
        p.add(IsupParameter.of(
                CALLING_PARTY_NUMBER,
                PartyNumber.calling(PartyNumber.NAI_INTERNATIONAL, "4420712345678")
                        .encodeCalling()));
        p.add(UNKNOWN_OPTIONAL);
        return IsupMessage.of(IsupMessageType.IAM, cic, IsupParameters.of(p));
    }

    /** Every message type with a record, each filled with its mandatory parameters and one optional where possible. */
    public static List<IsupMessage> all(IsupVariant variant) {
        int cic = 0x0123;
        CauseIndicators cause = CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_REMOTE, CauseValue.USER_BUSY);
        IsupParameter bci = IsupParameter.of(
                BACKWARD_CALL_INDICATORS,
                BackwardCallIndicators.of(2, 1, 1, false, true).encode());
        IsupParameter causeP = IsupParameter.of(CAUSE_INDICATORS, cause.encode());
        IsupParameter range =
                IsupParameter.of(RANGE_AND_STATUS, RangeAndStatus.rangeOnly(7).encode());
        IsupParameter rangeStatus = IsupParameter.of(
                RANGE_AND_STATUS, RangeAndStatus.of(7, true, false, true).encode());
        IsupParameter cgsmt = IsupParameter.of(CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE, 0);
        IsupParameter susres = IsupParameter.of(SUSPEND_RESUME_INDICATORS, 0);
        IsupParameter opt = UNKNOWN_OPTIONAL;
        List<IsupMessage> all = new ArrayList<>();
        all.add(iam(cic, variant));
        all.add(m(
                IsupMessageType.SAM,
                IsupParameter.of(SUBSEQUENT_NUMBER, new PartyNumber(0, false, 0, 0, 0, "34F").encodeSubsequent()),
                opt));
        all.add(m(IsupMessageType.INR, IsupParameter.of(INFORMATION_REQUEST_INDICATORS, 1, 0), opt));
        all.add(m(
                IsupMessageType.INF,
                IsupParameter.of(INFORMATION_INDICATORS, 3, 0),
                IsupParameter.of(
                        CALLING_PARTY_NUMBER,
                        PartyNumber.calling(3, "2125550000").encodeCalling())));
        all.add(m(IsupMessageType.COT, IsupParameter.of(CONTINUITY_INDICATORS, 1)));
        all.add(m(IsupMessageType.ACM, bci, opt));
        all.add(m(
                IsupMessageType.CON,
                bci,
                IsupParameter.of(
                        CONNECTED_NUMBER, PartyNumber.calling(3, "2125551234").encodeCalling())));
        all.add(m(IsupMessageType.FOT, opt));
        all.add(m(IsupMessageType.ANM, opt));
        all.add(m(
                IsupMessageType.CPG,
                IsupParameter.of(EVENT_INFORMATION, new EventInformation(EventInformation.ALERTING, false).encode()),
                bci));
        all.add(m(IsupMessageType.REL, causeP, opt));
        all.add(m(IsupMessageType.RLC));
        all.add(m(IsupMessageType.SUS, susres));
        all.add(m(IsupMessageType.RES, susres, opt));
        for (IsupMessageType t : List.of(
                IsupMessageType.BLO,
                IsupMessageType.BLA,
                IsupMessageType.UBL,
                IsupMessageType.UBA,
                IsupMessageType.RSC,
                IsupMessageType.CCR,
                IsupMessageType.LPA,
                IsupMessageType.UCIC)) {
            all.add(m(t));
        }
        for (IsupMessageType t :
                List.of(IsupMessageType.CGB, IsupMessageType.CGBA, IsupMessageType.CGU, IsupMessageType.CGUA)) {
            all.add(m(t, cgsmt, rangeStatus));
        }
        all.add(m(IsupMessageType.GRS, range));
        all.add(m(IsupMessageType.GRA, rangeStatus));
        all.add(m(IsupMessageType.CQM, range));
        all.add(m(IsupMessageType.CQR, range, IsupParameter.of(CIRCUIT_STATE_INDICATOR, 0, 1, 2, 3, 0, 0, 0, 0)));
        all.add(m(IsupMessageType.CFN, causeP));
        all.add(m(IsupMessageType.USR, IsupParameter.of(USER_TO_USER_INFORMATION, 0x04, 0x41, 0x42)));
        all.add(m(IsupMessageType.FAC, IsupParameter.of(REMOTE_OPERATIONS, 0x91, 0xA1, 0x00)));
        all.add(new IsupMessage.Unknown(cic, IsupMessageType.valueOf(0x7A), new byte[] {1, 2, 3}));
        return all;
    }

    private static IsupMessage m(IsupMessageType type, IsupParameter... params) {
        return IsupMessage.of(type, 0x0123, IsupParameters.of(params));
    }
}
