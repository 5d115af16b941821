package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the gateway does not interpret, or cannot read, it passes on unchanged (Q.764 2.9.5: unrecognised information
 * does not stop the call); what no pointer or length reaches it ignores.
 */
class TransparencyTest {
    private static final HexFormat HEX = HexFormat.of();

    private static IsupMessage decode(byte[] wire, IsupVariant variant) {
        DecodeResult r = IsupCodec.decode(wire, variant);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    @Test
    void malformedOptionalParametersWeInterpretAreKeptOpaqueAndHiddenFromTypedViews() {
        IsupMessage iam = SampleMessages.iam(1, IsupVariant.ITU)
                .with(new IsupParameter(ParameterCode.REDIRECTION_INFORMATION, new byte[0]))
                .with(IsupParameter.of(ParameterCode.REDIRECTING_NUMBER, 0x83));
        byte[] wire = IsupCodec.encode(iam, IsupVariant.ITU).orElseThrow();
        IsupMessage back = decode(wire, IsupVariant.ITU);
        assertThat(back).isEqualTo(iam);
        assertThat(back.redirectionInformation()).isEmpty();
        assertThat(back.redirectingNumber()).isEmpty();
        assertThat(back.parameter(ParameterCode.REDIRECTING_NUMBER))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0x83));
        assertThat(IsupCodec.encode(back, IsupVariant.ITU).orElseThrow()).isEqualTo(wire);

        // ANM with a 1-octet connected number and a cause indicators announcing octet 1a without a cause value
        byte[] anm = HEX.parseHex("2301" + "09" + "01" + "2101" + "83" + "120102" + "00");
        IsupMessage a = decode(anm, IsupVariant.ITU);
        assertThat(a.connectedNumber()).isEmpty();
        assertThat(a.causeIndicators()).isEmpty();
        assertThat(a.parameters().size()).isEqualTo(2);
        assertThat(IsupCodec.encode(a, IsupVariant.ITU).orElseThrow()).isEqualTo(anm);
    }

    @Test
    void aMalformedMandatoryParameterIsStillADecodeError() {
        assertThat(IsupCodec.decode(HEX.parseHex("23010c02000102"), IsupVariant.ITU))
                .isInstanceOfSatisfying(
                        DecodeResult.DecodeError.class,
                        e -> assertThat(e.parameter()).isEqualTo(ParameterCode.CAUSE_INDICATORS));
    }

    @Test
    void octetsAfterTheEndOfOptionalParametersAreIgnored() {
        IsupMessage rel = IsupMessages.rel(
                1, CauseIndicators.of(CauseIndicators.LOCATION_TRANSIT, CauseValue.NORMAL_CALL_CLEARING));
        byte[] wire = IsupCodec.encode(rel.with(SampleMessages.UNKNOWN_OPTIONAL), IsupVariant.ITU)
                .orElseThrow();
        byte[] padded = concat(wire, HEX.parseHex("ffee00"));
        assertThat(decode(padded, IsupVariant.ITU)).isEqualTo(rel.with(SampleMessages.UNKNOWN_OPTIONAL));
        assertThat(IsupCodec.encode(decode(padded, IsupVariant.ITU), IsupVariant.ITU)
                        .orElseThrow())
                .isEqualTo(wire);
        // a REL whose optional part pointer is 0 (none) and which carries stray octets after it
        byte[] noOptional = IsupCodec.encode(rel, IsupVariant.ITU).orElseThrow();
        assertThat(decode(concat(noOptional, new byte[] {0x7F}), IsupVariant.ITU))
                .isEqualTo(rel);
    }

    @Test
    void octetsAfterAMessageWithoutOptionalPartAreIgnored() {
        assertThat(decode(HEX.parseHex("230113ff01"), IsupVariant.ITU))
                .isEqualTo(IsupMessages.bare(IsupMessageType.BLO, 0x123));
        assertThat(decode(HEX.parseHex("23011001020304"), IsupVariant.ANSI)).isEqualTo(IsupMessages.rlc(0x123));
        IsupMessage cot = decode(HEX.parseHex("2301050199"), IsupVariant.ITU);
        assertThat(cot.parameters().asList()).containsExactly(IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, 1));
    }

    @Test
    void anOptionalParameterRepeatingAMandatoryCodeIsKept() {
        IsupParameter first = IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x83, 0x90);
        IsupParameter second = IsupParameter.of(ParameterCode.CAUSE_INDICATORS, 0x84, 0x91);
        IsupMessage rel = IsupMessage.of(IsupMessageType.REL, 1, IsupParameters.of(first, second));
        byte[] wire = IsupCodec.encode(rel, IsupVariant.ITU).orElseThrow();
        // type, pointer to cause, pointer to optional part, cause (len 2), optional cause, end
        assertThat(HEX.formatHex(wire)).isEqualTo("0100" + "0c" + "0204" + "028390" + "12028491" + "00");
        IsupMessage back = decode(wire, IsupVariant.ITU);
        assertThat(back.parameters().asList()).containsExactly(first, second);
        assertThat(back.causeIndicators()).map(c -> c.cause()).contains(CauseValue.NORMAL_CALL_CLEARING);
        assertThat(IsupCodec.encode(back, IsupVariant.ITU).orElseThrow()).isEqualTo(wire);
    }

    @Test
    void aMessageTypeWithoutRecordKeepsItsParametersInTheOptionalPartLayout() {
        IsupMessageType apm = IsupMessageType.valueOf(0x41);
        IsupParameter apt = IsupParameter.of(ParameterCode.APPLICATION_TRANSPORT, 0x80, 0x01);
        IsupMessage m = IsupMessage.of(apm, 7, IsupParameters.of(apt));
        assertThat(m).isInstanceOfSatisfying(IsupMessage.Unknown.class, u -> {
            assertThat(u.body()).containsExactly(0x01, 0x78, 0x02, 0x80, 0x01, 0x00);
            assertThat(u.hasReadableParameters()).isTrue();
        });
        assertThat(m.parameters().asList()).containsExactly(apt);
        IsupParameter mci = IsupParameter.of(ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION, 0x81);
        IsupMessage more = m.with(mci);
        assertThat(more.parameters().asList()).containsExactly(apt, mci);
        assertThat(more.type()).isEqualTo(apm);
        byte[] wire = IsupCodec.encode(more, IsupVariant.ITU).orElseThrow();
        assertThat(decode(wire, IsupVariant.ITU)).isEqualTo(more);
        assertThat(decode(wire, IsupVariant.ITU).parameters().asList()).containsExactly(apt, mci);

        IsupMessage empty = IsupMessage.of(apm, 7, IsupParameters.empty());
        assertThat(((IsupMessage.Unknown) empty).body()).isEmpty();
        assertThat(empty.with(apt)).isEqualTo(m);
    }

    @Test
    void anOpaqueUnknownBodyIsKeptAndCannotTakeAParameter() {
        IsupMessage.Unknown opaque = new IsupMessage.Unknown(7, IsupMessageType.valueOf(0x7A), new byte[] {1, 2, 3});
        assertThat(opaque.hasReadableParameters()).isFalse();
        assertThat(opaque.parameters()).isEqualTo(IsupParameters.empty());
        assertThatThrownBy(() -> opaque.with(SampleMessages.UNKNOWN_OPTIONAL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opaque");
        assertThat(decode(IsupCodec.encode(opaque, IsupVariant.ANSI).orElseThrow(), IsupVariant.ANSI))
                .isEqualTo(opaque);
        // a pointer other than 1 is not the canonical layout: opaque, so that re-encoding stays byte-exact
        assertThat(new IsupMessage.Unknown(7, IsupMessageType.valueOf(0x7A), new byte[] {2, 0, 0})
                        .hasReadableParameters())
                .isFalse();
        assertThat(IsupCodec.parseOptionalOnly(new byte[] {1, 0x78, 1, 5, 0, 0}))
                .isNull();
        assertThat(IsupCodec.parseOptionalOnly(new byte[] {1, 0x78, 1, 5, 0})).hasSize(1);
        assertThat(IsupCodec.parseOptionalOnly(new byte[] {0})).isEqualTo(List.of());
    }

    /** The IWF moves a message from a SIP-I body (CIC 0) to its circuit: nothing else may change, opaque or not. */
    @Test
    void withCicMovesAMessageToItsCircuitKeepingEverythingElse() {
        IsupMessage.Unknown opaque =
                new IsupMessage.Unknown(0, IsupMessageType.valueOf(0x41), HEX.parseHex("020078010500"));
        assertThat(opaque.hasReadableParameters()).isFalse();
        IsupMessage moved = opaque.withCic(77);
        assertThat(moved).isEqualTo(new IsupMessage.Unknown(77, IsupMessageType.valueOf(0x41), opaque.body()));
        assertThat(HEX.formatHex(IsupCodec.encode(moved, IsupVariant.ITU).orElseThrow()))
                .isEqualTo("4d00" + "41" + "020078010500");

        for (IsupVariant variant : IsupVariant.values()) {
            for (IsupMessage m : SampleMessages.all(variant)) {
                byte[] body = IsupCodec.encodeWithoutCic(m, variant).orElseThrow();
                IsupMessage fromBody = decode(concat(new byte[2], body), variant);
                IsupMessage onCircuit = fromBody.withCic(m.cic());
                assertThat(onCircuit).as("%s %s", variant, m.type()).isEqualTo(m);
                assertThat(onCircuit.getClass()).isEqualTo(m.getClass());
            }
        }
        assertThatThrownBy(() -> opaque.withCic(IsupMessage.MAX_CIC + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
