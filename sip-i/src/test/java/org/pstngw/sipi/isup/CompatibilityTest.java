package org.pstngw.sipi.isup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Q.764 2.9.5.3 as {@link Compatibility} reads it: the decision for unrecognised messages and parameters. */
class CompatibilityTest {
    private static final int LOCATION = CauseIndicators.LOCATION_PUBLIC_LOCAL;
    private static final ParameterCode UNKNOWN = SampleMessages.UNKNOWN_OPTIONAL.code(); // 0xFE
    private static final ParameterCode OTHER_UNKNOWN = ParameterCode.valueOf(0xFD);
    private static final Compatibility END = Compatibility.of(Compatibility.Node.END_NODE, true, LOCATION);
    private static final Compatibility TRANSIT = Compatibility.of(Compatibility.Node.TRANSIT, true, LOCATION);
    private static final Compatibility NO_PASS_ON =
            Compatibility.of(Compatibility.Node.TRANSIT_PASS_ON_NOT_POSSIBLE, true, LOCATION);

    /** The sample IAM (it carries the unknown parameter 0xFE) with parameter compatibility information for 0xFE. */
    private static IsupMessage iamWith(ParameterCompatibilityInformation.Entry... entries) {
        return SampleMessages.iam(1, IsupVariant.ITU)
                .with(IsupParameter.of(
                        ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION,
                        new ParameterCompatibilityInformation(List.of(entries)).encode()));
    }

    private static ParameterCompatibilityInformation.Entry entry(
            ParameterCode code,
            boolean endNode,
            boolean release,
            boolean notify,
            boolean discardMessage,
            boolean discardParameter,
            CompatibilityInstruction passOnNotPossible) {
        return ParameterCompatibilityInformation.Entry.of(
                code, endNode, release, notify, discardMessage, discardParameter, passOnNotPossible);
    }

    private static CauseIndicators cause(int value, int... diagnostics) {
        byte[] d = new byte[diagnostics.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) diagnostics[i];
        }
        return new CauseIndicators(CauseIndicators.CODING_ITU, LOCATION, CauseValue.valueOf(value), d);
    }

    @Test
    void instructionIndicatorsAreReadBitByBit() {
        // 0x39: name 0xFE, instructions 1 0 1 1 0 1 0 1 = ext, GF 01 discard message, E 1, D 0, C 1, B 0, A 1
        IsupMessage iam = SampleMessages.iam(1, IsupVariant.ITU)
                .with(IsupParameter.of(
                        ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION, 0xFE, 0xB5, 0x0A, 0x02, 0x80));
        ParameterCompatibilityInformation pci =
                iam.parameterCompatibilityInformation().orElseThrow();
        assertThat(pci.entries())
                .extracting(ParameterCompatibilityInformation.Entry::parameter)
                .containsExactly(UNKNOWN, ParameterCode.CALLING_PARTY_NUMBER);
        ParameterCompatibilityInformation.Entry fe = pci.entryFor(UNKNOWN).orElseThrow();
        assertThat(fe.endNodeInterpretation()).isTrue();
        assertThat(fe.releaseCall()).isFalse();
        assertThat(fe.sendNotification()).isTrue();
        assertThat(fe.discardMessage()).isFalse();
        assertThat(fe.discardParameter()).isTrue();
        assertThat(fe.passOnNotPossible()).isEqualTo(CompatibilityInstruction.DISCARD_MESSAGE);
        assertThat(fe.instruction()).isEqualTo(CompatibilityInstruction.DISCARD_PARAMETER);
        assertThat(fe)
                .isEqualTo(entry(UNKNOWN, true, false, true, false, true, CompatibilityInstruction.DISCARD_MESSAGE));
        // the second entry has an extension octet (0x02, then 0x80 with ext)
        assertThat(pci.entries().get(1).instructions()).containsExactly(0x02, 0x80);
        assertThat(pci.entries().get(1).passOnNotPossible()).isEqualTo(CompatibilityInstruction.RELEASE_CALL);
        assertThat(HexFormat.of().formatHex(pci.encode())).isEqualTo("feb50a0280");
        // GF 11 is reserved and read as 00 (release call)
        assertThat(new ParameterCompatibilityInformation.Entry(UNKNOWN, new byte[] {(byte) 0xE0}).passOnNotPossible())
                .isEqualTo(CompatibilityInstruction.RELEASE_CALL);

        IsupMessage.Unknown apm = new IsupMessage.Unknown(
                1, IsupMessageType.valueOf(0x41), HexFormat.of().parseHex("01380196" + "00"));
        MessageCompatibilityInformation mci =
                apm.messageCompatibilityInformation().orElseThrow();
        // 1 0 0 1 0 1 1 0: ext, GF 00, E 1 discard information, D 0, C 1, B 1, A 0
        assertThat(mci.endNodeInterpretation()).isFalse();
        assertThat(mci.releaseCall()).isTrue();
        assertThat(mci.sendNotification()).isTrue();
        assertThat(mci.discardMessage()).isFalse();
        assertThat(mci.passOnNotPossible()).isEqualTo(CompatibilityInstruction.DISCARD_MESSAGE);
        assertThat(mci).isEqualTo(MessageCompatibilityInformation.of(false, true, true, false, true));
    }

    @Test
    void malformedCompatibilityInformationReadsAsAbsent() {
        for (String bad : new String[] {"fe", "fe05", "00b5", "fe85fd"}) {
            IsupMessage iam = SampleMessages.iam(1, IsupVariant.ITU)
                    .with(IsupParameter.of(
                            ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION,
                            HexFormat.of().parseHex(bad)));
            assertThat(iam.parameterCompatibilityInformation()).as(bad).isEmpty();
        }
        IsupMessage anm = IsupMessages.anm(1, IsupParameter.of(ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION, 0x01));
        assertThat(anm.messageCompatibilityInformation()).isEmpty();
        assertThatThrownBy(() -> new ParameterCompatibilityInformation.Entry(UNKNOWN, new byte[] {0x05}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageWithNothingUnrecognisedIsAcceptedAsItIs() {
        IsupMessage rel = IsupMessages.rel(1, CauseIndicators.of(LOCATION, CauseValue.NORMAL_CALL_CLEARING));
        for (Compatibility c : List.of(END, TRANSIT, NO_PASS_ON)) {
            assertThat(c.onReceipt(rel)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
                assertThat(a.message()).isSameAs(rel);
                assertThat(a.unchanged()).isTrue();
                assertThat(a.passedOn()).isEmpty();
            });
        }
    }

    @Test
    void withoutInstructionsAnEndNodeDiscardsAndReportsWhileATransitNodePassesOn() {
        IsupMessage iam = SampleMessages.iam(1, IsupVariant.ITU);
        IsupMessage withoutIt =
                IsupMessage.of(IsupMessageType.IAM, 1, iam.parameters().without(UNKNOWN));
        assertThat(END.onReceipt(iam))
                .isEqualTo(new CompatibilityAction.Accept(
                        withoutIt, List.of(UNKNOWN), List.of(), Optional.of(cause(99, 0xFE))));
        assertThat(NO_PASS_ON.onReceipt(iam)).isEqualTo(END.onReceipt(iam));
        assertThat(TRANSIT.onReceipt(iam))
                .isEqualTo(new CompatibilityAction.Accept(iam, List.of(), List.of(UNKNOWN), Optional.empty()));
    }

    @Test
    void theInstructionsOfTheUpgradedParameterAreCarriedOut() {
        IsupMessage release =
                iamWith(entry(UNKNOWN, false, true, false, false, false, CompatibilityInstruction.RELEASE_CALL));
        assertThat(END.onReceipt(release)).isEqualTo(new CompatibilityAction.ReleaseCall(cause(99, 0xFE)));
        // transit interpretation: an intermediate node passes it on whatever the other bits say
        assertThat(TRANSIT.onReceipt(release)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.message()).isSameAs(release);
            assertThat(a.passedOn()).containsExactly(UNKNOWN);
        });
        // ... unless it cannot: then the pass-on-not-possible indicator (here: release call)
        assertThat(NO_PASS_ON.onReceipt(release)).isEqualTo(new CompatibilityAction.ReleaseCall(cause(99, 0xFE)));

        IsupMessage discardMessage =
                iamWith(entry(UNKNOWN, true, false, true, true, false, CompatibilityInstruction.RELEASE_CALL));
        assertThat(END.onReceipt(discardMessage))
                .isEqualTo(new CompatibilityAction.DiscardMessage(Optional.of(cause(110, 0xFE))));
        // end node interpretation: an intermediate node carries the instruction out too
        assertThat(TRANSIT.onReceipt(discardMessage)).isEqualTo(END.onReceipt(discardMessage));

        IsupMessage discardQuietly =
                iamWith(entry(UNKNOWN, false, false, false, false, true, CompatibilityInstruction.RELEASE_CALL));
        assertThat(END.onReceipt(discardQuietly)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.discarded()).containsExactly(UNKNOWN);
            assertThat(a.message().parameters().has(UNKNOWN)).isFalse();
            assertThat(a.message().parameters().has(ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION))
                    .isTrue();
            assertThat(a.notification()).isEmpty();
        });
    }

    @Test
    void passOnWhereItIsNotPossibleFollowsThePassOnNotPossibleIndicator() {
        IsupMessage passOn =
                iamWith(entry(UNKNOWN, false, false, true, false, false, CompatibilityInstruction.DISCARD_PARAMETER));
        assertThat(TRANSIT.onReceipt(passOn)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.unchanged()).isTrue();
            assertThat(a.passedOn()).containsExactly(UNKNOWN);
        });
        // an end node cannot pass it on: GF says discard the parameter, C says report it
        assertThat(END.onReceipt(passOn)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.discarded()).containsExactly(UNKNOWN);
            assertThat(a.notification()).contains(cause(99, 0xFE));
        });
        IsupMessage orDiscardMessage =
                iamWith(entry(UNKNOWN, false, false, false, false, false, CompatibilityInstruction.DISCARD_MESSAGE));
        assertThat(NO_PASS_ON.onReceipt(orDiscardMessage))
                .isEqualTo(new CompatibilityAction.DiscardMessage(Optional.empty()));
    }

    @Test
    void theMostSevereOutcomeAmongSeveralUnrecognisedParametersWins() {
        IsupMessage two = iamWith(
                        entry(UNKNOWN, false, false, true, false, true, CompatibilityInstruction.RELEASE_CALL),
                        entry(OTHER_UNKNOWN, false, true, false, false, false, CompatibilityInstruction.RELEASE_CALL))
                .with(IsupParameter.of(OTHER_UNKNOWN, 7));
        assertThat(END.onReceipt(two)).isEqualTo(new CompatibilityAction.ReleaseCall(cause(99, 0xFD)));
        IsupMessage discards = iamWith(
                        entry(UNKNOWN, false, false, true, false, true, CompatibilityInstruction.RELEASE_CALL),
                        entry(OTHER_UNKNOWN, false, false, false, false, true, CompatibilityInstruction.RELEASE_CALL))
                .with(IsupParameter.of(OTHER_UNKNOWN, 7));
        assertThat(END.onReceipt(discards)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.discarded()).containsExactly(UNKNOWN, OTHER_UNKNOWN);
            assertThat(a.notification()).contains(cause(99, 0xFE)); // only 0xFE asked to be reported
        });
    }

    @Test
    void aReleaseGoesOnAndReleaseCompleteAndConfusionAreNotAnswered() {
        IsupMessage rel = IsupMessages.rel(
                1,
                CauseIndicators.of(LOCATION, CauseValue.NORMAL_CALL_CLEARING),
                SampleMessages.UNKNOWN_OPTIONAL,
                IsupParameter.of(
                        ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION,
                        new ParameterCompatibilityInformation(List.of(entry(
                                        UNKNOWN,
                                        true,
                                        true,
                                        true,
                                        false,
                                        false,
                                        CompatibilityInstruction.RELEASE_CALL)))
                                .encode()));
        assertThat(END.onReceipt(rel)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.message()).isInstanceOf(IsupMessage.Rel.class);
            assertThat(a.discarded()).containsExactly(UNKNOWN);
            assertThat(a.notification()).contains(cause(99, 0xFE)); // for the RLC
        });
        IsupMessage rlc = IsupMessage.of(IsupMessageType.RLC, 1, IsupParameters.of(SampleMessages.UNKNOWN_OPTIONAL));
        assertThat(END.onReceipt(rlc))
                .isEqualTo(new CompatibilityAction.Accept(
                        IsupMessages.rlc(1), List.of(UNKNOWN), List.of(), Optional.empty()));
        IsupMessage cfn = IsupMessage.of(
                IsupMessageType.CFN,
                1,
                IsupParameters.of(
                        IsupParameter.of(
                                ParameterCode.CAUSE_INDICATORS,
                                CauseIndicators.of(LOCATION, CauseValue.valueOf(99))
                                        .encode()),
                        SampleMessages.UNKNOWN_OPTIONAL));
        assertThat(END.onReceipt(cfn))
                .isInstanceOfSatisfying(
                        CompatibilityAction.Accept.class,
                        a -> assertThat(a.notification()).isEmpty());
    }

    @Test
    void anUnrecognisedMessageFollowsItsMessageCompatibilityInformation() {
        IsupMessageType apm = IsupMessageType.valueOf(0x41);
        IsupMessage bare = IsupMessage.of(apm, 1, IsupParameters.empty());
        assertThat(END.onReceipt(bare)).isEqualTo(new CompatibilityAction.DiscardMessage(Optional.of(cause(97, 0x41))));
        assertThat(NO_PASS_ON.onReceipt(bare)).isEqualTo(END.onReceipt(bare));
        assertThat(TRANSIT.onReceipt(bare))
                .isEqualTo(new CompatibilityAction.Accept(bare, List.of(), List.of(), Optional.empty()));

        IsupMessage release = bare.with(IsupParameter.of(
                ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION,
                MessageCompatibilityInformation.of(true, true, false, false, false)
                        .encode()));
        assertThat(TRANSIT.onReceipt(release)).isEqualTo(new CompatibilityAction.ReleaseCall(cause(97, 0x41)));
        IsupMessage discard = bare.with(IsupParameter.of(
                ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION,
                MessageCompatibilityInformation.of(false, false, true, true, false)
                        .encode()));
        assertThat(END.onReceipt(discard))
                .isEqualTo(new CompatibilityAction.DiscardMessage(Optional.of(cause(97, 0x41))));
        assertThat(TRANSIT.onReceipt(discard)).isInstanceOf(CompatibilityAction.Accept.class);
        IsupMessage passOnElseDiscard = bare.with(IsupParameter.of(
                ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION,
                MessageCompatibilityInformation.of(false, false, false, false, true)
                        .encode()));
        assertThat(END.onReceipt(passOnElseDiscard))
                .isEqualTo(new CompatibilityAction.DiscardMessage(Optional.empty()));
        assertThat(NO_PASS_ON.onReceipt(passOnElseDiscard)).isEqualTo(END.onReceipt(passOnElseDiscard));
        // an opaque body: its compatibility information cannot be read, the rules without it apply
        IsupMessage opaque = new IsupMessage.Unknown(1, apm, new byte[] {2, 0, 0x38, 1, (byte) 0x82, 0});
        assertThat(TRANSIT.onReceipt(opaque)).isInstanceOf(CompatibilityAction.Accept.class);
    }

    @Test
    void withoutTheMechanismCompatibilityInformationIsJustAnotherUnknownParameter() {
        IsupMessage iam =
                iamWith(entry(UNKNOWN, false, true, false, false, false, CompatibilityInstruction.RELEASE_CALL));
        Compatibility itu88 = Compatibility.of(Compatibility.Node.END_NODE, false, LOCATION);
        assertThat(itu88.onReceipt(iam)).isInstanceOfSatisfying(CompatibilityAction.Accept.class, a -> {
            assertThat(a.discarded()).containsExactly(UNKNOWN, ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION);
            assertThat(a.notification()).contains(cause(99, 0xFE, 0x39));
        });
        IsupMessage apmReleasing = IsupMessage.of(
                IsupMessageType.valueOf(0x41),
                1,
                IsupParameters.of(IsupParameter.of(
                        ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION,
                        MessageCompatibilityInformation.of(true, true, false, false, false)
                                .encode())));
        assertThat(Compatibility.of(Compatibility.Node.TRANSIT, false, LOCATION).onReceipt(apmReleasing))
                .isInstanceOf(CompatibilityAction.Accept.class);
    }

    @Test
    void theRecognisedSetIsThePolicysChoice() {
        IsupMessage iam = SampleMessages.iam(1, IsupVariant.ITU);
        Compatibility knowsFe =
                new Compatibility(Compatibility.Node.END_NODE, true, LOCATION, c -> c.isKnown() || c.code() == 0xFE);
        assertThat(knowsFe.onReceipt(iam))
                .isInstanceOfSatisfying(
                        CompatibilityAction.Accept.class,
                        a -> assertThat(a.unchanged()).isTrue());
        assertThat(ParameterCode.CALLING_PARTY_NUMBER.isKnown()).isTrue();
        assertThat(ParameterCode.valueOf(0x0A).isKnown()).isTrue();
        assertThat(ParameterCode.valueOf(0xFE).isKnown()).isFalse();
    }
}
