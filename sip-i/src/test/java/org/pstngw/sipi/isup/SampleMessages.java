package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.List;

/**
 * One realistic message of every type the gateway uses, per variant, with an unknown optional parameter where allowed.
 * The CICs use every bit of the variant's field: 12 bits ITU ({@link #ITU_CIC}), 14 bits ANSI ({@link #ANSI_CIC}).
 */
public final class SampleMessages {
    public static final int ITU_CIC = 0x0ABC;
    public static final int ANSI_CIC = 0x2ABC;

    private SampleMessages() {}

    public static int cic(IsupVariant variant) {
        return variant == IsupVariant.ANSI ? ANSI_CIC : ITU_CIC;
    }

    public static final IsupParameter UNKNOWN_OPTIONAL = IsupParameter.of(ParameterCode.valueOf(0xFE), 1, 2, 3);

    public static IsupMessage iam(int cic, IsupVariant variant) {
        List<IsupParameter> p = new ArrayList<>();
        p.add(IsupParameter.of(
                ParameterCode.NATURE_OF_CONNECTION_INDICATORS, NatureOfConnectionIndicators.PLAIN.encode()));
        p.add(IsupParameter.of(
                ParameterCode.FORWARD_CALL_INDICATORS,
                ForwardCallIndicators.of(false, false, true, 0, true).encode()));
        p.add(IsupParameter.of(ParameterCode.CALLING_PARTYS_CATEGORY, CallingPartyCategory.ORDINARY.encode()));
        if (variant == IsupVariant.ITU) {
            p.add(IsupParameter.of(ParameterCode.TRANSMISSION_MEDIUM_REQUIREMENT, 3));
        } else {
            p.add(IsupParameter.of(ParameterCode.USER_SERVICE_INFORMATION, 0x80, 0x90, 0xA2));
        }
        p.add(IsupParameter.of(
                ParameterCode.CALLED_PARTY_NUMBER,
                PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234F").encodeCalled()));
        p.add(IsupParameter.of(
                ParameterCode.CALLING_PARTY_NUMBER,
                PartyNumber.calling(PartyNumber.NAI_INTERNATIONAL, "4420712345678")
                        .encodeCalling()));
        p.add(UNKNOWN_OPTIONAL);
        return IsupMessage.of(IsupMessageType.IAM, cic, IsupParameters.of(p));
    }

    /** Every message type with a record, each filled with its mandatory parameters and one optional where possible. */
    public static List<IsupMessage> all(IsupVariant variant) {
        int cic = cic(variant);
        // ANSI: a cause of T1.113's own list (23 unallocated destination number), with the ANSI coding standard
        CauseIndicators cause = variant == IsupVariant.ANSI
                ? CauseIndicators.ansi(CauseIndicators.LOCATION_PUBLIC_REMOTE, CauseValue.valueOf(23))
                : CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_REMOTE, CauseValue.USER_BUSY);
        IsupParameter bci = IsupParameter.of(
                ParameterCode.BACKWARD_CALL_INDICATORS,
                BackwardCallIndicators.of(2, 1, 1, false, true).encode());
        IsupParameter causeP = IsupParameter.of(ParameterCode.CAUSE_INDICATORS, cause.encode());
        IsupParameter range = IsupParameter.of(
                ParameterCode.RANGE_AND_STATUS, RangeAndStatus.rangeOnly(7).encode());
        IsupParameter rangeStatus = IsupParameter.of(
                ParameterCode.RANGE_AND_STATUS,
                RangeAndStatus.of(7, true, false, true).encode());
        IsupParameter cgsmt = IsupParameter.of(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE, 0);
        IsupParameter susres = IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, 0);
        IsupParameter opt = UNKNOWN_OPTIONAL;
        List<IsupMessage> all = new ArrayList<>();
        all.add(iam(cic, variant));
        all.add(m(
                cic,
                IsupMessageType.SAM,
                IsupParameter.of(
                        ParameterCode.SUBSEQUENT_NUMBER, new PartyNumber(0, false, 0, 0, 0, "34F").encodeSubsequent()),
                opt));
        all.add(m(cic, IsupMessageType.INR, IsupParameter.of(ParameterCode.INFORMATION_REQUEST_INDICATORS, 1, 0), opt));
        all.add(m(
                cic,
                IsupMessageType.INF,
                IsupParameter.of(ParameterCode.INFORMATION_INDICATORS, 3, 0),
                IsupParameter.of(
                        ParameterCode.CALLING_PARTY_NUMBER,
                        PartyNumber.calling(3, "2125550000").encodeCalling())));
        all.add(m(cic, IsupMessageType.COT, IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 1)));
        all.add(m(cic, IsupMessageType.ACM, bci, opt));
        all.add(m(
                cic,
                IsupMessageType.CON,
                bci,
                IsupParameter.of(
                        ParameterCode.CONNECTED_NUMBER,
                        PartyNumber.calling(3, "2125551234").encodeCalling())));
        all.add(m(cic, IsupMessageType.FOT, opt));
        all.add(m(cic, IsupMessageType.ANM, opt));
        all.add(m(
                cic,
                IsupMessageType.CPG,
                IsupParameter.of(
                        ParameterCode.EVENT_INFORMATION,
                        new EventInformation(EventInformation.ALERTING, false).encode()),
                bci));
        all.add(m(cic, IsupMessageType.REL, causeP, opt));
        all.add(m(cic, IsupMessageType.RLC));
        all.add(m(cic, IsupMessageType.SUS, susres));
        all.add(m(cic, IsupMessageType.RES, susres, opt));
        for (IsupMessageType t : List.of(
                IsupMessageType.BLO,
                IsupMessageType.BLA,
                IsupMessageType.UBL,
                IsupMessageType.UBA,
                IsupMessageType.RSC,
                IsupMessageType.CCR,
                IsupMessageType.LPA,
                IsupMessageType.UCIC)) {
            all.add(m(cic, t));
        }
        for (IsupMessageType t :
                List.of(IsupMessageType.CGB, IsupMessageType.CGBA, IsupMessageType.CGU, IsupMessageType.CGUA)) {
            all.add(m(cic, t, cgsmt, rangeStatus));
        }
        all.add(m(cic, IsupMessageType.GRS, range));
        all.add(m(cic, IsupMessageType.GRA, rangeStatus));
        all.add(m(cic, IsupMessageType.CQM, range));
        all.add(m(
                cic,
                IsupMessageType.CQR,
                range,
                IsupParameter.of(ParameterCode.CIRCUIT_STATE_INDICATOR, 0, 1, 2, 3, 0, 0, 0, 0)));
        all.add(m(cic, IsupMessageType.CFN, causeP));
        all.add(m(
                cic, IsupMessageType.USR, IsupParameter.of(ParameterCode.USER_TO_USER_INFORMATION, 0x04, 0x41, 0x42)));
        all.add(m(cic, IsupMessageType.FAC, IsupParameter.of(ParameterCode.REMOTE_OPERATIONS, 0x91, 0xA1, 0x00)));
        all.add(new IsupMessage.Unknown(cic, IsupMessageType.valueOf(0x7A), new byte[] {1, 2, 3}));
        return all;
    }

    private static IsupMessage m(int cic, IsupMessageType type, IsupParameter... params) {
        return IsupMessage.of(type, cic, IsupParameters.of(params));
    }
}
