package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.restcomm.protocols.ss7.isup.impl.message.AbstractISUPMessage;
import org.restcomm.protocols.ss7.isup.impl.message.ISUPMessageFactoryImpl;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.AbstractNumber;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.ISUPParameterFactoryImpl;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;

/**
 * jSS7's ITU codec as a second opinion: it decodes what we encode (message type and CIC; the numbers of the IAM), and
 * re-encodes it to the same octets. jSS7 drops parameters it does not know, so the samples go without the unknown
 * optional parameter here (the pass-through of those is IsupCodecTest's job), and numbers go without the ST digit
 * (jSS7 cannot encode it). Left out where jSS7 itself is wrong or incomplete: CFN (it omits the optional part pointer
 * that Q.763 Table 50 has), USR (its decoder fails on the optional part pointer), FAC (createCommand(0x33) throws).
 */
class Jss7CrossCheckTest {
    static final ISUPParameterFactoryImpl PF = new ISUPParameterFactoryImpl();
    static final ISUPMessageFactoryImpl MF = new ISUPMessageFactoryImpl(PF);

    static Stream<Arguments> ituMessages() {
        return SampleMessages.all(IsupVariant.ITU).stream()
                .filter(m -> !(m instanceof IsupMessage.Unknown))
                .filter(m ->
                        !(m instanceof IsupMessage.Cfn || m instanceof IsupMessage.Usr || m instanceof IsupMessage.Fac))
                .map(m -> IsupMessage.of(m.type(), m.cic(), withoutSt(m.parameters())))
                .map(m -> Arguments.of(m.type().name(), m));
    }

    private static IsupParameters withoutSt(IsupParameters params) {
        IsupParameters p = params.without(SampleMessages.UNKNOWN_OPTIONAL.code());
        if (p.has(ParameterCode.CALLED_PARTY_NUMBER)) {
            p = p.with(IsupParameter.of(
                    ParameterCode.CALLED_PARTY_NUMBER,
                    PartyNumber.called(PartyNumber.NAI_NATIONAL, "2125551234").encodeCalled()));
        }
        if (p.has(ParameterCode.SUBSEQUENT_NUMBER)) {
            p = p.with(IsupParameter.of(
                    ParameterCode.SUBSEQUENT_NUMBER, new PartyNumber(0, false, 0, 0, 0, "34").encodeSubsequent()));
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ituMessages")
    void jss7DecodesWhatWeEncode(String name, IsupMessage message) throws Exception {
        byte[] ours = IsupCodec.encode(message, IsupVariant.ITU).orElseThrow();
        ISUPMessage theirs = MF.createCommand(message.type().code());
        ((AbstractISUPMessage) theirs).decode(ours, MF, PF);
        assertThat(theirs.getMessageType().getCode()).isEqualTo(message.type().code());
        assertThat(theirs.getCircuitIdentificationCode().getCIC()).isEqualTo(message.cic());
        if (theirs instanceof InitialAddressMessage iam) {
            assertThat(((AbstractNumber) iam.getCalledPartyNumber()).getAddress())
                    .isEqualToIgnoringCase(
                            message.calledPartyNumber().orElseThrow().digits());
            assertThat(((AbstractNumber) iam.getCallingPartyNumber()).getAddress())
                    .isEqualTo(message.callingPartyNumber().orElseThrow().digits());
        }
        if (message instanceof IsupMessage.Sam) {
            return; // jSS7 encodes SAM without the optional part pointer of Q.763 Table 35
        }
        byte[] reencoded = ((AbstractISUPMessage) theirs).encode();
        assertThat(IsupCodec.decode(reencoded, IsupVariant.ITU)).isEqualTo(new DecodeResult.Decoded(message));
    }
}
