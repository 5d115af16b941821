package org.pstngw.sipi.isup;

import java.util.Optional;

/**
 * An ISUP message: its circuit (CIC), its type and its parameters in wire order. One record per message type the
 * gateway uses (Q.763 / T1.113), plus {@link Unknown} for any other type, kept as raw bytes. Parameters the gateway
 * does not interpret stay in {@link #parameters()} as raw (code, bytes) and are re-encoded unchanged; typed views of
 * the ones it does interpret are the default methods below (empty when the parameter is absent).
 */
public sealed interface IsupMessage
        permits IsupMessage.Iam,
                IsupMessage.Sam,
                IsupMessage.Inr,
                IsupMessage.Inf,
                IsupMessage.Cot,
                IsupMessage.Acm,
                IsupMessage.Con,
                IsupMessage.Fot,
                IsupMessage.Anm,
                IsupMessage.Rel,
                IsupMessage.Sus,
                IsupMessage.Res,
                IsupMessage.Rlc,
                IsupMessage.Ccr,
                IsupMessage.Rsc,
                IsupMessage.Blo,
                IsupMessage.Ubl,
                IsupMessage.Bla,
                IsupMessage.Uba,
                IsupMessage.Grs,
                IsupMessage.Cgb,
                IsupMessage.Cgu,
                IsupMessage.Cgba,
                IsupMessage.Cgua,
                IsupMessage.Lpa,
                IsupMessage.Gra,
                IsupMessage.Cqm,
                IsupMessage.Cqr,
                IsupMessage.Cpg,
                IsupMessage.Usr,
                IsupMessage.Ucic,
                IsupMessage.Cfn,
                IsupMessage.Fac,
                IsupMessage.Unknown {

    /** Circuit identification code (12 bits ITU, 14 bits ANSI). */
    int cic();

    IsupMessageType type();

    /** All parameters, wire order, raw. */
    IsupParameters parameters();

    /**
     * The record for {@code type} holding {@code parameters}; for a type without a record, an {@link Unknown} whose
     * body is empty (use {@link Unknown} directly to carry raw bytes).
     */
    static IsupMessage of(IsupMessageType type, int cic, IsupParameters parameters) {
        int c = type.code();
        if (c == IsupMessageType.IAM.code()) {
            return new Iam(cic, parameters);
        }
        if (c == IsupMessageType.SAM.code()) {
            return new Sam(cic, parameters);
        }
        if (c == IsupMessageType.INR.code()) {
            return new Inr(cic, parameters);
        }
        if (c == IsupMessageType.INF.code()) {
            return new Inf(cic, parameters);
        }
        if (c == IsupMessageType.COT.code()) {
            return new Cot(cic, parameters);
        }
        if (c == IsupMessageType.ACM.code()) {
            return new Acm(cic, parameters);
        }
        if (c == IsupMessageType.CON.code()) {
            return new Con(cic, parameters);
        }
        if (c == IsupMessageType.FOT.code()) {
            return new Fot(cic, parameters);
        }
        if (c == IsupMessageType.ANM.code()) {
            return new Anm(cic, parameters);
        }
        if (c == IsupMessageType.REL.code()) {
            return new Rel(cic, parameters);
        }
        if (c == IsupMessageType.SUS.code()) {
            return new Sus(cic, parameters);
        }
        if (c == IsupMessageType.RES.code()) {
            return new Res(cic, parameters);
        }
        if (c == IsupMessageType.RLC.code()) {
            return new Rlc(cic, parameters);
        }
        if (c == IsupMessageType.CCR.code()) {
            return new Ccr(cic, parameters);
        }
        if (c == IsupMessageType.RSC.code()) {
            return new Rsc(cic, parameters);
        }
        if (c == IsupMessageType.BLO.code()) {
            return new Blo(cic, parameters);
        }
        if (c == IsupMessageType.UBL.code()) {
            return new Ubl(cic, parameters);
        }
        if (c == IsupMessageType.BLA.code()) {
            return new Bla(cic, parameters);
        }
        if (c == IsupMessageType.UBA.code()) {
            return new Uba(cic, parameters);
        }
        if (c == IsupMessageType.GRS.code()) {
            return new Grs(cic, parameters);
        }
        if (c == IsupMessageType.CGB.code()) {
            return new Cgb(cic, parameters);
        }
        if (c == IsupMessageType.CGU.code()) {
            return new Cgu(cic, parameters);
        }
        if (c == IsupMessageType.CGBA.code()) {
            return new Cgba(cic, parameters);
        }
        if (c == IsupMessageType.CGUA.code()) {
            return new Cgua(cic, parameters);
        }
        if (c == IsupMessageType.LPA.code()) {
            return new Lpa(cic, parameters);
        }
        if (c == IsupMessageType.GRA.code()) {
            return new Gra(cic, parameters);
        }
        if (c == IsupMessageType.CQM.code()) {
            return new Cqm(cic, parameters);
        }
        if (c == IsupMessageType.CQR.code()) {
            return new Cqr(cic, parameters);
        }
        if (c == IsupMessageType.CPG.code()) {
            return new Cpg(cic, parameters);
        }
        if (c == IsupMessageType.USR.code()) {
            return new Usr(cic, parameters);
        }
        if (c == IsupMessageType.UCIC.code()) {
            return new Ucic(cic, parameters);
        }
        if (c == IsupMessageType.CFN.code()) {
            return new Cfn(cic, parameters);
        }
        if (c == IsupMessageType.FAC.code()) {
            return new Fac(cic, parameters);
        }
        return new Unknown(cic, type, new byte[0]);
    }

    /** This message with {@code p} set (replacing a parameter of the same code). */
    default IsupMessage with(IsupParameter p) {
        return of(type(), cic(), parameters().with(p));
    }

    default Optional<byte[]> parameter(ParameterCode code) {
        IsupParameter p = parameters().find(code);
        return p == null ? Optional.empty() : Optional.of(p.value());
    }

    default Optional<PartyNumber> calledPartyNumber() {
        return typed(ParameterCode.CALLED_PARTY_NUMBER).map(PartyNumber::decodeCalled);
    }

    default Optional<PartyNumber> callingPartyNumber() {
        return typed(ParameterCode.CALLING_PARTY_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> connectedNumber() {
        return typed(ParameterCode.CONNECTED_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> redirectingNumber() {
        return typed(ParameterCode.REDIRECTING_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> originalCalledNumber() {
        return typed(ParameterCode.ORIGINAL_CALLED_NUMBER).map(PartyNumber::decodeCalling);
    }

    default Optional<PartyNumber> redirectionNumber() {
        return typed(ParameterCode.REDIRECTION_NUMBER).map(PartyNumber::decodeCalled);
    }

    default Optional<PartyNumber> subsequentNumber() {
        return typed(ParameterCode.SUBSEQUENT_NUMBER).map(PartyNumber::decodeSubsequent);
    }

    default Optional<CauseIndicators> causeIndicators() {
        return typed(ParameterCode.CAUSE_INDICATORS).map(CauseIndicators::decode);
    }

    default Optional<CallingPartyCategory> callingPartyCategory() {
        return typed(ParameterCode.CALLING_PARTYS_CATEGORY).map(b -> new CallingPartyCategory(b[0] & 0xFF));
    }

    default Optional<NatureOfConnectionIndicators> natureOfConnectionIndicators() {
        return typed(ParameterCode.NATURE_OF_CONNECTION_INDICATORS).map(NatureOfConnectionIndicators::decode);
    }

    default Optional<ForwardCallIndicators> forwardCallIndicators() {
        return typed(ParameterCode.FORWARD_CALL_INDICATORS).map(ForwardCallIndicators::decode);
    }

    default Optional<BackwardCallIndicators> backwardCallIndicators() {
        return typed(ParameterCode.BACKWARD_CALL_INDICATORS).map(BackwardCallIndicators::decode);
    }

    default Optional<EventInformation> eventInformation() {
        return typed(ParameterCode.EVENT_INFORMATION).map(EventInformation::decode);
    }

    default Optional<RangeAndStatus> rangeAndStatus() {
        return typed(ParameterCode.RANGE_AND_STATUS).map(RangeAndStatus::decode);
    }

    default Optional<RedirectionInformation> redirectionInformation() {
        return typed(ParameterCode.REDIRECTION_INFORMATION).map(RedirectionInformation::decode);
    }

    /** Raw contents of the first parameter with {@code code}, only when a typed view can read it. */
    private Optional<byte[]> typed(ParameterCode code) {
        IsupParameter p = parameters().find(code);
        if (p == null || TypedParameters.check(code, p.raw()) != null) {
            return Optional.empty();
        }
        return Optional.of(p.raw());
    }

    private static void checkCic(int cic) {
        if (cic < 0 || cic > 0xFFFF) {
            throw new IllegalArgumentException("CIC out of range: " + cic);
        }
    }

    /** IAM. */
    record Iam(int cic, IsupParameters parameters) implements IsupMessage {
        public Iam {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.IAM;
        }
    }

    /** SAM. */
    record Sam(int cic, IsupParameters parameters) implements IsupMessage {
        public Sam {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.SAM;
        }
    }

    /** INR. */
    record Inr(int cic, IsupParameters parameters) implements IsupMessage {
        public Inr {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.INR;
        }
    }

    /** INF. */
    record Inf(int cic, IsupParameters parameters) implements IsupMessage {
        public Inf {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.INF;
        }
    }

    /** COT. */
    record Cot(int cic, IsupParameters parameters) implements IsupMessage {
        public Cot {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.COT;
        }
    }

    /** ACM. */
    record Acm(int cic, IsupParameters parameters) implements IsupMessage {
        public Acm {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.ACM;
        }
    }

    /** CON. */
    record Con(int cic, IsupParameters parameters) implements IsupMessage {
        public Con {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CON;
        }
    }

    /** FOT. */
    record Fot(int cic, IsupParameters parameters) implements IsupMessage {
        public Fot {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.FOT;
        }
    }

    /** ANM. */
    record Anm(int cic, IsupParameters parameters) implements IsupMessage {
        public Anm {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.ANM;
        }
    }

    /** REL. */
    record Rel(int cic, IsupParameters parameters) implements IsupMessage {
        public Rel {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.REL;
        }
    }

    /** SUS. */
    record Sus(int cic, IsupParameters parameters) implements IsupMessage {
        public Sus {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.SUS;
        }
    }

    /** RES. */
    record Res(int cic, IsupParameters parameters) implements IsupMessage {
        public Res {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.RES;
        }
    }

    /** RLC. */
    record Rlc(int cic, IsupParameters parameters) implements IsupMessage {
        public Rlc {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.RLC;
        }
    }

    /** CCR. */
    record Ccr(int cic, IsupParameters parameters) implements IsupMessage {
        public Ccr {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CCR;
        }
    }

    /** RSC. */
    record Rsc(int cic, IsupParameters parameters) implements IsupMessage {
        public Rsc {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.RSC;
        }
    }

    /** BLO. */
    record Blo(int cic, IsupParameters parameters) implements IsupMessage {
        public Blo {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.BLO;
        }
    }

    /** UBL. */
    record Ubl(int cic, IsupParameters parameters) implements IsupMessage {
        public Ubl {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.UBL;
        }
    }

    /** BLA. */
    record Bla(int cic, IsupParameters parameters) implements IsupMessage {
        public Bla {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.BLA;
        }
    }

    /** UBA. */
    record Uba(int cic, IsupParameters parameters) implements IsupMessage {
        public Uba {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.UBA;
        }
    }

    /** GRS. */
    record Grs(int cic, IsupParameters parameters) implements IsupMessage {
        public Grs {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.GRS;
        }
    }

    /** CGB. */
    record Cgb(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgb {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CGB;
        }
    }

    /** CGU. */
    record Cgu(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgu {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CGU;
        }
    }

    /** CGBA. */
    record Cgba(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgba {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CGBA;
        }
    }

    /** CGUA. */
    record Cgua(int cic, IsupParameters parameters) implements IsupMessage {
        public Cgua {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CGUA;
        }
    }

    /** LPA. */
    record Lpa(int cic, IsupParameters parameters) implements IsupMessage {
        public Lpa {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.LPA;
        }
    }

    /** GRA. */
    record Gra(int cic, IsupParameters parameters) implements IsupMessage {
        public Gra {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.GRA;
        }
    }

    /** CQM. */
    record Cqm(int cic, IsupParameters parameters) implements IsupMessage {
        public Cqm {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CQM;
        }
    }

    /** CQR. */
    record Cqr(int cic, IsupParameters parameters) implements IsupMessage {
        public Cqr {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CQR;
        }
    }

    /** CPG. */
    record Cpg(int cic, IsupParameters parameters) implements IsupMessage {
        public Cpg {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CPG;
        }
    }

    /** USR. */
    record Usr(int cic, IsupParameters parameters) implements IsupMessage {
        public Usr {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.USR;
        }
    }

    /** UCIC. */
    record Ucic(int cic, IsupParameters parameters) implements IsupMessage {
        public Ucic {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.UCIC;
        }
    }

    /** CFN. */
    record Cfn(int cic, IsupParameters parameters) implements IsupMessage {
        public Cfn {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.CFN;
        }
    }

    /** FAC. */
    record Fac(int cic, IsupParameters parameters) implements IsupMessage {
        public Fac {
            checkCic(cic);
        }

        @Override
        public IsupMessageType type() {
            return IsupMessageType.FAC;
        }
    }

    /** A message type without a record: the octets after the message type code, kept and re-emitted as they are. */
    @SuppressWarnings("ArrayRecordComponent")
    record Unknown(int cic, IsupMessageType type, byte[] body) implements IsupMessage {
        public Unknown {
            checkCic(cic);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public IsupParameters parameters() {
            return IsupParameters.empty();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u
                    && u.cic == cic
                    && u.type.equals(type)
                    && java.util.Arrays.equals(u.body, body);
        }

        @Override
        public int hashCode() {
            return (cic * 31 + type.hashCode()) * 31 + java.util.Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Unknown[cic=" + cic + ", type=" + type + ", body="
                    + java.util.HexFormat.of().formatHex(body) + "]";
        }
    }
}
