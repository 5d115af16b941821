package org.pstngw.sipi.isup;

import static org.pstngw.sipi.isup.IsupMessageType.BLA;
import static org.pstngw.sipi.isup.IsupMessageType.BLO;
import static org.pstngw.sipi.isup.IsupMessageType.CCR;
import static org.pstngw.sipi.isup.IsupMessageType.CFN;
import static org.pstngw.sipi.isup.IsupMessageType.CGB;
import static org.pstngw.sipi.isup.IsupMessageType.CGBA;
import static org.pstngw.sipi.isup.IsupMessageType.CGU;
import static org.pstngw.sipi.isup.IsupMessageType.CGUA;
import static org.pstngw.sipi.isup.IsupMessageType.COT;
import static org.pstngw.sipi.isup.IsupMessageType.CQM;
import static org.pstngw.sipi.isup.IsupMessageType.CQR;
import static org.pstngw.sipi.isup.IsupMessageType.FAC;
import static org.pstngw.sipi.isup.IsupMessageType.FOT;
import static org.pstngw.sipi.isup.IsupMessageType.GRS;
import static org.pstngw.sipi.isup.IsupMessageType.INF;
import static org.pstngw.sipi.isup.IsupMessageType.INR;
import static org.pstngw.sipi.isup.IsupMessageType.LPA;
import static org.pstngw.sipi.isup.IsupMessageType.RES;
import static org.pstngw.sipi.isup.IsupMessageType.RSC;
import static org.pstngw.sipi.isup.IsupMessageType.SUS;
import static org.pstngw.sipi.isup.IsupMessageType.UBA;
import static org.pstngw.sipi.isup.IsupMessageType.UBL;
import static org.pstngw.sipi.isup.IsupMessageType.UCIC;
import static org.pstngw.sipi.isup.IsupMessageType.USR;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each hand-assembled fixture (src/test/resources/isup/handmade/NAME.hex) holds, built with the typed factories
 * where there is one and otherwise from the parameter contents the fixture's comments describe: the pointers, length
 * octets, parameter order and CIC octets are what the fixture judges, and they come from Q.763 / T1.113.3, not from
 * our encoder.
 */
final class HandAssembledMessages {
    static final int ITU_CIC = 0x0ABC;
    static final int ANSI_CIC = 0x2ABC;

    private HandAssembledMessages() {}

    /** Fixture name (without .hex) to the message it holds. */
    static Map<String, IsupMessage> all() {
        Map<String, IsupMessage> m = new LinkedHashMap<>();
        first(m);
        for (String v : new String[] {"itu", "ansi"}) {
            int cic = v.equals("itu") ? ITU_CIC : ANSI_CIC;
            both(m, v, cic);
        }
        int ic = ITU_CIC;
        int ac = ANSI_CIC;
        m.put("itu-rlc-no-parameters", IsupMessages.rlc(ic));
        m.put(
                "itu-cgb-maintenance-first-and-last",
                IsupMessages.circuitGroup(
                        CGB, ic, 0, RangeAndStatus.of(7, true, false, false, false, false, false, false, true)));
        RangeAndStatus firstAndLast = RangeAndStatus.of(7, true, false, false, false, false, false, false, true);
        m.put("itu-cgu-maintenance-status", IsupMessages.circuitGroup(CGU, ic, 0, firstAndLast));
        m.put("itu-cgba-maintenance-status", IsupMessages.circuitGroup(CGBA, ic, 0, firstAndLast));
        m.put("itu-cgua-maintenance-status", IsupMessages.circuitGroup(CGUA, ic, 0, firstAndLast));
        RangeAndStatus oneAndThree = RangeAndStatus.of(3, false, true, false, true);
        m.put("ansi-cgu-hardware-status", IsupMessages.circuitGroup(CGU, ac, 1, oneAndThree));
        m.put("ansi-cgba-hardware-status", IsupMessages.circuitGroup(CGBA, ac, 1, oneAndThree));
        m.put("ansi-cgua-hardware-status", IsupMessages.circuitGroup(CGUA, ac, 1, oneAndThree));
        m.put("ansi-acm-subscriber-free", IsupMessages.acm(ac, subscriberFree()));
        m.put("ansi-anm-no-parameters", IsupMessages.anm(ac));
        m.put(
                "ansi-cpg-progress-presentation-restricted",
                IsupMessages.cpg(ac, new EventInformation(EventInformation.PROGRESS, true)));
        m.put("ansi-grs-range-23", IsupMessages.range(GRS, ac, 23));
        return m;
    }

    /** The first nine, written before the rest. */
    private static void first(Map<String, IsupMessage> m) {
        m.put(
                "ansi-iam-14bit-cic-user-service-information",
                IsupMessages.ansiIam(
                        ANSI_CIC,
                        NatureOfConnectionIndicators.PLAIN,
                        ForwardCallIndicators.of(false, false, true, ForwardCallIndicators.ISUP_PREFERRED, true),
                        CallingPartyCategory.ORDINARY,
                        IsupMessages.usiSpeechMuLaw(),
                        PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234"),
                        IsupMessages.callingPartyNumber(PartyNumber.calling(PartyNumber.NAI_NATIONAL, "2125550000"))));
        m.put(
                "ansi-rel-ansi-coded-cause",
                IsupMessages.rel(
                        ANSI_CIC, CauseIndicators.ansi(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(23))));
        m.put("ansi-rlc-message-type-only", IsupMessages.rlc(ANSI_CIC));
        m.put(
                "ansi-cgb-hardware-failure-status",
                IsupMessages.circuitGroup(CGB, ANSI_CIC, 1, RangeAndStatus.of(7, true, false, true)));
        m.put(
                "itu-rel-12bit-cic-normal-clearing",
                IsupMessages.rel(
                        ITU_CIC, CauseIndicators.of(CauseIndicators.LOCATION_USER, CauseValue.NORMAL_CALL_CLEARING)));
        m.put("itu-acm-subscriber-free", IsupMessages.acm(ITU_CIC, subscriberFree()));
        m.put("itu-cpg-alerting", IsupMessages.cpg(ITU_CIC, new EventInformation(EventInformation.ALERTING, false)));
        m.put("itu-anm-no-parameters", IsupMessages.anm(ITU_CIC));
        m.put("itu-grs-range-7", IsupMessages.range(GRS, ITU_CIC, 7));
    }

    /** The fixtures whose octets are the same in both variants (only the CIC field differs). */
    private static void both(Map<String, IsupMessage> m, String v, int cic) {
        m.put(v + "-sam-subsequent-digits-5678", IsupMessages.sam(cic, "5678"));
        m.put(
                v + "-inr-calling-address-and-category-requested",
                IsupMessage.of(
                        INR,
                        cic,
                        IsupParameters.of(IsupParameter.of(ParameterCode.INFORMATION_REQUEST_INDICATORS, 0x09, 0x00))));
        m.put(
                v + "-inf-calling-number-and-category",
                IsupMessage.of(
                        INF,
                        cic,
                        IsupParameters.of(
                                IsupParameter.of(ParameterCode.INFORMATION_INDICATORS, 0x23, 0x00),
                                IsupMessages.callingPartyNumber(
                                        PartyNumber.calling(PartyNumber.NAI_NATIONAL, "2125551234")),
                                IsupParameter.of(
                                        ParameterCode.CALLING_PARTYS_CATEGORY,
                                        CallingPartyCategory.ORDINARY.encode()))));
        m.put(
                v + "-cot-continuity-successful",
                IsupMessage.of(
                        COT, cic, IsupParameters.of(IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 0x01))));
        m.put(
                v + "-con-connected-number",
                IsupMessages.con(
                        cic,
                        subscriberFree(),
                        IsupParameter.of(ParameterCode.CONNECTED_NUMBER, 0x03, 0x13, 0x12, 0x52, 0x55, 0x21, 0x43)));
        m.put(v + "-fot-no-parameters", IsupMessage.of(FOT, cic, IsupParameters.empty()));
        m.put(v + "-sus-subscriber-initiated", suspendResume(SUS, cic, 0x00));
        m.put(v + "-res-network-initiated", suspendResume(RES, cic, 0x01));
        m.put(v + "-gra-range-7-one-blocked", IsupMessages.gra(cic, RangeAndStatus.of(7, false, false, true)));
        m.put(v + "-cqm-range-7", IsupMessages.range(CQM, cic, 7));
        m.put(
                v + "-cqr-two-circuits-idle",
                IsupMessage.of(
                        CQR,
                        cic,
                        IsupParameters.of(
                                IsupParameter.of(
                                        ParameterCode.RANGE_AND_STATUS,
                                        RangeAndStatus.rangeOnly(1).encode()),
                                IsupParameter.of(ParameterCode.CIRCUIT_STATE_INDICATOR, 0x0C, 0x0D))));
        m.put(
                v + "-cfn-cause-99",
                IsupMessage.of(
                        CFN,
                        cic,
                        IsupParameters.of(IsupParameter.of(
                                ParameterCode.CAUSE_INDICATORS,
                                CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(99))
                                        .encode()))));
        m.put(
                v + "-usr-ia5",
                IsupMessage.of(
                        USR,
                        cic,
                        IsupParameters.of(IsupParameter.of(ParameterCode.USER_TO_USER_INFORMATION, 0x04, 'H', 'i'))));
        m.put(v + "-fac-no-parameters", IsupMessage.of(FAC, cic, IsupParameters.empty()));
        for (IsupMessageType t : new IsupMessageType[] {CCR, RSC, BLO, UBL, BLA, UBA, LPA, UCIC}) {
            m.put(
                    v + "-" + t.name().toLowerCase(java.util.Locale.ROOT) + "-message-type-only",
                    IsupMessages.bare(t, cic));
        }
    }

    private static BackwardCallIndicators subscriberFree() {
        return BackwardCallIndicators.of(2, BackwardCallIndicators.STATUS_SUBSCRIBER_FREE, 1, false, true);
    }

    private static IsupMessage suspendResume(IsupMessageType type, int cic, int indicator) {
        return IsupMessage.of(
                type, cic, IsupParameters.of(IsupParameter.of(ParameterCode.SUSPEND_RESUME_INDICATORS, indicator)));
    }
}
