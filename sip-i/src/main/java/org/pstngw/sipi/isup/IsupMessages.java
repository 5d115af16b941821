package org.pstngw.sipi.isup;

/** Factories for the messages call control sends most, with their mandatory parameters typed. */
public final class IsupMessages {
    private IsupMessages() {}

    /**
     * An ITU IAM: nature of connection, forward call indicators, calling party's category, transmission medium
     * requirement (0 speech, 3 3.1 kHz audio), called number, then the optional parameters given (calling number
     * etc.).
     */
    public static IsupMessage.Iam iam(
            int cic,
            NatureOfConnectionIndicators nci,
            ForwardCallIndicators fci,
            CallingPartyCategory cpc,
            int transmissionMediumRequirement,
            PartyNumber called,
            IsupParameter... optional) {
        return iam(
                cic,
                nci,
                fci,
                cpc,
                IsupParameter.owning(
                        ParameterCode.TRANSMISSION_MEDIUM_REQUIREMENT,
                        new byte[] {(byte) transmissionMediumRequirement}),
                called,
                optional);
    }

    /** User service information (Q.931 bearer capability octets 3-5): speech, 64 kbit/s circuit mode, G.711 mu-law. */
    public static byte[] usiSpeechMuLaw() {
        return new byte[] {(byte) 0x80, (byte) 0x90, (byte) 0xA2};
    }

    /** User service information: 3.1 kHz audio, 64 kbit/s circuit mode, G.711 mu-law. */
    public static byte[] usi31KhzMuLaw() {
        return new byte[] {(byte) 0x90, (byte) 0x90, (byte) 0xA2};
    }

    /**
     * An ANSI IAM (T1.113.3): nature of connection, forward call indicators, calling party's category (fixed), then
     * user service information (Q.931 bearer capability, e.g. {@link #usiSpeechMuLaw()}) and the called number
     * (variable), then the optional parameters given. ANSI has no transmission medium requirement.
     */
    public static IsupMessage.Iam ansiIam(
            int cic,
            NatureOfConnectionIndicators nci,
            ForwardCallIndicators fci,
            CallingPartyCategory cpc,
            byte[] userServiceInformation,
            PartyNumber called,
            IsupParameter... optional) {
        return iam(
                cic,
                nci,
                fci,
                cpc,
                IsupParameter.of(ParameterCode.USER_SERVICE_INFORMATION, userServiceInformation),
                called,
                optional);
    }

    /** The IAM both variants share but for {@code bearer}: ITU's transmission medium requirement, ANSI's USI. */
    private static IsupMessage.Iam iam(
            int cic,
            NatureOfConnectionIndicators nci,
            ForwardCallIndicators fci,
            CallingPartyCategory cpc,
            IsupParameter bearer,
            PartyNumber called,
            IsupParameter... optional) {
        IsupParameter[] p = new IsupParameter[5 + optional.length];
        p[0] = IsupParameter.owning(ParameterCode.NATURE_OF_CONNECTION_INDICATORS, nci.encode());
        p[1] = IsupParameter.owning(ParameterCode.FORWARD_CALL_INDICATORS, fci.encode());
        p[2] = IsupParameter.owning(ParameterCode.CALLING_PARTYS_CATEGORY, cpc.encode());
        p[3] = bearer;
        p[4] = IsupParameter.owning(ParameterCode.CALLED_PARTY_NUMBER, called.encodeCalled());
        System.arraycopy(optional, 0, p, 5, optional.length);
        return new IsupMessage.Iam(cic, IsupParameters.owning(p, p.length));
    }

    /** The calling party number parameter for an IAM. */
    public static IsupParameter callingPartyNumber(PartyNumber calling) {
        return IsupParameter.owning(ParameterCode.CALLING_PARTY_NUMBER, calling.encodeCalling());
    }

    public static IsupMessage.Sam sam(int cic, String digits) {
        return new IsupMessage.Sam(
                cic,
                IsupParameters.of(IsupParameter.of(
                        ParameterCode.SUBSEQUENT_NUMBER,
                        new PartyNumber(0, false, 0, 0, 0, digits).encodeSubsequent())));
    }

    public static IsupMessage.Acm acm(int cic, BackwardCallIndicators bci, IsupParameter... optional) {
        return new IsupMessage.Acm(
                cic, with(IsupParameter.owning(ParameterCode.BACKWARD_CALL_INDICATORS, bci.encode()), optional));
    }

    public static IsupMessage.Con con(int cic, BackwardCallIndicators bci, IsupParameter... optional) {
        return new IsupMessage.Con(
                cic, with(IsupParameter.owning(ParameterCode.BACKWARD_CALL_INDICATORS, bci.encode()), optional));
    }

    public static IsupMessage.Cpg cpg(int cic, EventInformation event, IsupParameter... optional) {
        return new IsupMessage.Cpg(
                cic, with(IsupParameter.owning(ParameterCode.EVENT_INFORMATION, event.encode()), optional));
    }

    public static IsupMessage.Anm anm(int cic, IsupParameter... optional) {
        return new IsupMessage.Anm(cic, IsupParameters.of(optional));
    }

    public static IsupMessage.Rel rel(int cic, CauseIndicators cause, IsupParameter... optional) {
        return new IsupMessage.Rel(
                cic, with(IsupParameter.owning(ParameterCode.CAUSE_INDICATORS, cause.encode()), optional));
    }

    public static IsupMessage.Rlc rlc(int cic) {
        return new IsupMessage.Rlc(cic, IsupParameters.empty());
    }

    /** A message of a type without parameters: BLO, BLA, UBL, UBA, RSC, CCR, LPA, UCIC. */
    public static IsupMessage bare(IsupMessageType type, int cic) {
        return IsupMessage.of(type, cic, IsupParameters.empty());
    }

    /** GRS or CQM (range only). */
    public static IsupMessage range(IsupMessageType type, int cic, int range) {
        return IsupMessage.of(
                type,
                cic,
                IsupParameters.of(IsupParameter.owning(
                        ParameterCode.RANGE_AND_STATUS,
                        RangeAndStatus.rangeOnly(range).encode())));
    }

    /** GRA (range and status). */
    public static IsupMessage.Gra gra(int cic, RangeAndStatus rangeAndStatus) {
        return new IsupMessage.Gra(
                cic, IsupParameters.of(IsupParameter.owning(ParameterCode.RANGE_AND_STATUS, rangeAndStatus.encode())));
    }

    /**
     * CGB, CGBA, CGU or CGUA: supervision message type (0 maintenance oriented, 1 hardware failure oriented) and range
     * and status.
     */
    public static IsupMessage circuitGroup(
            IsupMessageType type, int cic, int supervisionType, RangeAndStatus rangeAndStatus) {
        return IsupMessage.of(
                type,
                cic,
                IsupParameters.of(
                        IsupParameter.of(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE, supervisionType),
                        IsupParameter.owning(ParameterCode.RANGE_AND_STATUS, rangeAndStatus.encode())));
    }

    private static IsupParameters with(IsupParameter first, IsupParameter... rest) {
        IsupParameter[] p = new IsupParameter[1 + rest.length];
        p[0] = first;
        System.arraycopy(rest, 0, p, 1, rest.length);
        return IsupParameters.owning(p, p.length);
    }
}
