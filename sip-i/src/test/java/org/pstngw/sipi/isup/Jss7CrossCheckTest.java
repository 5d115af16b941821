package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.restcomm.protocols.ss7.isup.ParameterException;
import org.restcomm.protocols.ss7.isup.impl.message.AbstractISUPMessage;
import org.restcomm.protocols.ss7.isup.impl.message.ISUPMessageFactoryImpl;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.AbstractNumber;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.ISUPParameterFactoryImpl;
import org.restcomm.protocols.ss7.isup.message.ConfusionMessage;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.restcomm.protocols.ss7.isup.message.UserToUserInformationMessage;

/**
 * Restcomm jSS7 8.0.0-168's ITU codec as a second opinion (test scope only: see the package documentation for why the
 * gateway does not use it). jSS7 decodes what we encode (message type, CIC, the numbers of the IAM) and its
 * re-encoding decodes back to our message. jSS7 has no ANSI ISUP codec; the ANSI messages whose T1.113 layout is the
 * Q.763 one (all but IAM and RLC) are checked with its ITU codec, which keeps 12 bits of their 14-bit CIC.
 *
 * <p>What jSS7 cannot do, each pinned by a test below so that a jSS7 that fixes it fails here and can join the main
 * check: it throws ParameterException on an optional parameter it does not know instead of passing it on (so the
 * samples go without {@link SampleMessages#UNKNOWN_OPTIONAL} here; in SAM it reads no optional part at all and drops
 * it); it decodes the address signal ST (F) but throws NumberFormatException re-encoding it (so the numbers go without
 * it here); it re-encodes CFN and SAM without the optional part pointer their Q.763 layout has; it decodes USR but
 * throws an array-index error re-encoding it; {@code createCommand(0x33)} works and FAC decodes, but not with Remote
 * operations components, even a minimal invoke; {@code createCommand} of an unknown type and decoding fewer than 3
 * octets throw IllegalArgumentException.
 */
class Jss7CrossCheckTest {
    static final ISUPParameterFactoryImpl PF = new ISUPParameterFactoryImpl();
    static final ISUPMessageFactoryImpl MF = new ISUPMessageFactoryImpl(PF);
    static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> crossCheckable() {
        return Stream.of(IsupVariant.values())
                .flatMap(v -> SampleMessages.all(v).stream()
                        .filter(m -> !(m instanceof IsupMessage.Unknown
                                || m instanceof IsupMessage.Usr
                                || m instanceof IsupMessage.Cfn
                                || m instanceof IsupMessage.Fac))
                        .filter(m ->
                                v == IsupVariant.ITU || !(m instanceof IsupMessage.Iam || m instanceof IsupMessage.Rlc))
                        .map(m -> Arguments.of(v, m.type().name(), withoutWhatJss7Rejects(m))));
    }

    private static IsupMessage withoutWhatJss7Rejects(IsupMessage m) {
        IsupParameters p = m.parameters().without(SampleMessages.UNKNOWN_OPTIONAL.code());
        if (p.has(ParameterCode.CALLED_PARTY_NUMBER)) {
            p = p.with(IsupParameter.of(
                    ParameterCode.CALLED_PARTY_NUMBER,
                    PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234").encodeCalled()));
        }
        if (p.has(ParameterCode.SUBSEQUENT_NUMBER)) {
            p = p.with(IsupParameter.of(
                    ParameterCode.SUBSEQUENT_NUMBER, new PartyNumber(0, false, 0, 0, 0, "34").encodeSubsequent()));
        }
        return IsupMessage.of(m.type(), m.cic(), p);
    }

    private static AbstractISUPMessage jss7Decode(byte[] wire) throws ParameterException {
        AbstractISUPMessage theirs = (AbstractISUPMessage) MF.createCommand(wire[2] & 0xFF);
        theirs.decode(wire, MF, PF);
        return theirs;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("crossCheckable")
    void jss7DecodesWhatWeEncode(IsupVariant variant, String name, IsupMessage message) throws Exception {
        byte[] ours = IsupCodec.encode(message, variant).orElseThrow();
        ISUPMessage theirs = jss7Decode(ours);
        assertThat(theirs.getMessageType().getCode()).isEqualTo(message.type().code());
        // jSS7 reads and writes 12-bit (ITU) CICs: an ANSI CIC comes back without bits 13-14
        int cic = message.cic() & IsupCodec.cicMax(IsupVariant.ITU);
        assertThat(theirs.getCircuitIdentificationCode().getCIC()).isEqualTo(cic);
        if (theirs instanceof InitialAddressMessage iam) {
            assertThat(((AbstractNumber) iam.getCalledPartyNumber()).getAddress())
                    .isEqualToIgnoringCase(
                            message.calledPartyNumber().orElseThrow().digits());
            assertThat(((AbstractNumber) iam.getCallingPartyNumber()).getAddress())
                    .isEqualTo(message.callingPartyNumber().orElseThrow().digits());
        }
        byte[] reencoded = ((AbstractISUPMessage) theirs).encode();
        if (message instanceof IsupMessage.Sam) {
            byte[] ours12 = IsupCodec.encode(IsupMessage.of(message.type(), cic, message.parameters()), variant)
                    .orElseThrow();
            assertThat(reencoded).isEqualTo(withoutOptionalPartPointer(ours12, 4));
            return;
        }
        assertThat(IsupCodec.decode(reencoded, variant))
                .isEqualTo(new DecodeResult.Decoded(IsupMessage.of(message.type(), cic, message.parameters())));
    }

    @Test
    void cfnDecodesButJss7ReEncodesItWithoutTheOptionalPartPointer() throws Exception {
        CauseIndicators cause = CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(97));
        IsupMessage cfn = IsupMessage.of(
                IsupMessageType.CFN,
                0x123,
                IsupParameters.of(IsupParameter.of(ParameterCode.CAUSE_INDICATORS, cause.encode())));
        byte[] ours = IsupCodec.encode(cfn, IsupVariant.ITU).orElseThrow();
        assertThat(HEX.formatHex(ours)).isEqualTo("2301" + "2f" + "0200" + "0282e1");
        ConfusionMessage theirs = (ConfusionMessage) jss7Decode(ours);
        assertThat(theirs.getCauseIndicators().getCauseValue()).isEqualTo(97);
        assertThat(theirs.getCauseIndicators().getLocation()).isEqualTo(CauseIndicators.LOCATION_PUBLIC_LOCAL);
        byte[] reencoded = ((AbstractISUPMessage) theirs).encode();
        assertThat(HEX.formatHex(reencoded)).isEqualTo("2301" + "2f" + "01" + "0282e1");
        assertThat(IsupCodec.decode(reencoded, IsupVariant.ITU)).isInstanceOf(DecodeResult.DecodeError.class);
    }

    @Test
    void usrDecodesButJss7CannotReEncodeIt() throws Exception {
        IsupMessage usr = sample(IsupMessage.Usr.class);
        byte[] ours = IsupCodec.encode(usr, IsupVariant.ITU).orElseThrow();
        UserToUserInformationMessage theirs = (UserToUserInformationMessage) jss7Decode(ours);
        assertThat(theirs.getUserToUserInformation().getInformation())
                .isEqualTo(usr.parameter(ParameterCode.USER_TO_USER_INFORMATION).orElseThrow());
        assertThatThrownBy(() -> ((AbstractISUPMessage) theirs).encode())
                .isInstanceOf(ParameterException.class)
                .hasRootCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void facCrossChecksWithoutRemoteOperationsContents() throws Exception {
        IsupMessage fac = IsupMessage.of(
                IsupMessageType.FAC,
                0x123,
                IsupParameters.of(IsupParameter.of(ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION, 0x81)));
        byte[] ours = IsupCodec.encode(fac, IsupVariant.ITU).orElseThrow();
        AbstractISUPMessage theirs = jss7Decode(ours);
        assertThat(theirs.getMessageType().getCode()).isEqualTo(0x33);
        assertThat(theirs.encode()).isEqualTo(ours);

        byte[] sample =
                IsupCodec.encode(sample(IsupMessage.Fac.class), IsupVariant.ITU).orElseThrow();
        assertThat(MF.createCommand(0x33)).isNotNull();
        assertThatThrownBy(() -> jss7Decode(sample)).isInstanceOf(ParameterException.class);
        // a minimal ROSE invoke (invoke id 1, local operation 5) under the remote operations protocol profile
        IsupMessage invoke = IsupMessage.of(
                IsupMessageType.FAC,
                0x123,
                IsupParameters.of(IsupParameter.of(
                        ParameterCode.REMOTE_OPERATIONS, 0x91, 0xA1, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x05)));
        byte[] invokeWire = IsupCodec.encode(invoke, IsupVariant.ITU).orElseThrow();
        assertThatThrownBy(() -> jss7Decode(invokeWire)).isInstanceOf(ParameterException.class);
        assertThat(IsupCodec.decode(invokeWire, IsupVariant.ITU)).isEqualTo(new DecodeResult.Decoded(invoke));
    }

    @Test
    void jss7ThrowsOnUnknownOptionalParametersWhereWePassThemOn() throws Exception {
        for (IsupMessage m : SampleMessages.all(IsupVariant.ITU)) {
            if (m.parameters().has(SampleMessages.UNKNOWN_OPTIONAL.code()) && !(m instanceof IsupMessage.Sam)) {
                byte[] ours = IsupCodec.encode(m, IsupVariant.ITU).orElseThrow();
                assertThatThrownBy(() -> jss7Decode(ours)).as(m.type().name()).isInstanceOf(ParameterException.class);
                assertThat(IsupCodec.decode(ours, IsupVariant.ITU)).isEqualTo(new DecodeResult.Decoded(m));
            }
        }
        // SAM: jSS7 reads no optional part at all, so the unknown parameter is dropped without a word
        IsupMessage sam = IsupMessages.sam(0x123, "34").with(SampleMessages.UNKNOWN_OPTIONAL);
        byte[] reencoded =
                jss7Decode(IsupCodec.encode(sam, IsupVariant.ITU).orElseThrow()).encode();
        assertThat(IsupCodec.decode(reencoded, IsupVariant.ITU)).isInstanceOf(DecodeResult.DecodeError.class);
    }

    @Test
    void jss7ThrowsOnTheStDigitAnUnknownTypeAndShortInput() throws Exception {
        IsupMessage iam = SampleMessages.iam(0x123, IsupVariant.ITU);
        byte[] iamWithSt = IsupCodec.encode(
                        IsupMessage.of(
                                iam.type(),
                                iam.cic(),
                                iam.parameters().without(SampleMessages.UNKNOWN_OPTIONAL.code())),
                        IsupVariant.ITU)
                .orElseThrow();
        AbstractISUPMessage decodedWithSt = jss7Decode(iamWithSt);
        assertThat(((AbstractNumber) ((InitialAddressMessage) decodedWithSt).getCalledPartyNumber()).getAddress())
                .isEqualToIgnoringCase("2125551234F");
        assertThatThrownBy(decodedWithSt::encode).hasRootCauseInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> MF.createCommand(0x7A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ((AbstractISUPMessage) MF.createCommand(0x10)).decode(new byte[] {0x23, 0x01}, MF, PF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IsupCodec.decode(new byte[] {0x23, 0x01}, IsupVariant.ITU))
                .isInstanceOf(DecodeResult.DecodeError.class);
    }

    /** {@code wire} less its optional part pointer at {@code at}, the variable pointer before it one lower. */
    private static byte[] withoutOptionalPartPointer(byte[] wire, int at) {
        byte[] out = new byte[wire.length - 1];
        System.arraycopy(wire, 0, out, 0, at);
        System.arraycopy(wire, at + 1, out, at, wire.length - at - 1);
        out[at - 1] = (byte) (wire[at - 1] - 1);
        return out;
    }

    private static IsupMessage sample(Class<? extends IsupMessage> type) {
        return SampleMessages.all(IsupVariant.ITU).stream()
                .filter(type::isInstance)
                .findFirst()
                .orElseThrow();
    }
}
