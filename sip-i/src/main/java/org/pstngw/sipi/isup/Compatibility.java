package org.pstngw.sipi.isup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The receipt of unrecognised messages and parameters (Q.764 2.9.5.2 and 2.9.5.3, T1.113.4 alike): a policy for one
 * node, and {@link #onReceipt}, which tells call control what to do with a message. This module decides; call control
 * (isup-mapping) carries the decision out, when it terminates or interworks a call.
 *
 * <p>As Q.764 is read here:
 *
 * <ul>
 *   <li>A message type without a record (an {@link IsupMessage.Unknown}) is unrecognised. With message compatibility
 *       information ({@link MessageCompatibilityInformation}): at an intermediate node whose instructions say "transit
 *       interpretation", it is passed on; otherwise the instruction is carried out (release call with cause 97, or
 *       discard the message, with a CFN 97 when "send notification" is set; "pass on" where the node cannot pass it on
 *       means the pass-on-not-possible indicator). Without: an end node discards it and sends a CFN with cause 97, an
 *       intermediate node passes it on.
 *   <li>An optional parameter for which {@link #recognised} is false is unrecognised. Mandatory parameters are always
 *       recognised (the message layout names them). With an entry in the message's parameter compatibility
 *       information ({@link ParameterCompatibilityInformation}), that entry's instructions apply in the same way
 *       (release with cause 99; discard the message, CFN 110 on "send notification"; discard the parameter, CFN 99 on
 *       "send notification"; pass on, or the pass-on-not-possible indicator). Without: an end node discards the
 *       parameter and sends a CFN with cause 99; an intermediate node passes it on. When several parameters are
 *       unrecognised, the most severe outcome wins ({@link CompatibilityInstruction}).
 *   <li>A REL or RLC is never discarded nor turned into a release: the release goes on, without the parameters that
 *       were to be discarded (a notification for a REL goes in its RLC). An RLC or a CFN is never answered with a
 *       CFN.
 *   <li>Versions without the compatibility mechanism (RFC 3204 Table 1: itu-t88, ansi88, etsi121, gr317, ttc87) do
 *       not define compatibility information: with {@link #mechanism} false, message and parameter compatibility
 *       information are not read (they are unrecognised parameters like any other) and the rules "without" apply.
 *   <li>The broadband/narrowband interworking indicators are not applied: the gateway is no such interworking node.
 * </ul>
 *
 * @param node what this node is for the message: see {@link Node}
 * @param mechanism whether the version in use has the compatibility mechanism (ITU-T 1992 ISUP and later, ANSI
 *     T1.113-2000, ETSI ES 300 356, TTC 1993 and later)
 * @param location the cause location of the causes this node generates (e.g. {@link
 *     CauseIndicators#LOCATION_PUBLIC_LOCAL})
 * @param recognised which optional parameters this node recognises (implements or carries); {@link #of} uses
 *     {@link ParameterCode#isKnown}, the codes this module names
 */
public record Compatibility(Node node, boolean mechanism, int location, Predicate<ParameterCode> recognised) {

    /** What the node is for the message at hand (Q.764's type A and type B exchanges). */
    public enum Node {
        /**
         * Type A: the end of the ISUP call (originating or destination exchange), or an interworking node that cannot
         * carry unrecognised information on, e.g. the gateway mapping ISUP to SIP without an ISUP body.
         */
        END_NODE,
        /**
         * Type B that can pass information on: the gateway relaying the ISUP message onwards, in a SIP-I body or on
         * another ISUP circuit.
         */
        TRANSIT,
        /** Type B whose outgoing side cannot carry the information on: the pass-on-not-possible indicators apply. */
        TRANSIT_PASS_ON_NOT_POSSIBLE
    }

    public Compatibility {
        if (node == null || recognised == null || location < 0 || location > 15) {
            throw new IllegalArgumentException("node, a 4-bit location and the recognised set are required");
        }
    }

    /** A policy recognising the parameter codes this module names ({@link ParameterCode#isKnown}). */
    public static Compatibility of(Node node, boolean mechanism, int location) {
        return new Compatibility(node, mechanism, location, ParameterCode::isKnown);
    }

    /** What to do with a received message (decoded, so its mandatory parameters are there and readable). */
    public CompatibilityAction onReceipt(IsupMessage message) {
        if (message instanceof IsupMessage.Unknown u) {
            return unrecognisedMessage(u);
        }
        List<IsupParameter> unrecognised = null;
        for (IsupParameter p : message.parameters().asList()) {
            if (!isRecognised(p.code())) {
                if (unrecognised == null) {
                    unrecognised = new ArrayList<>(2);
                }
                unrecognised.add(p);
            }
        }
        if (unrecognised == null) {
            return new CompatibilityAction.Accept(message, List.of(), List.of(), Optional.empty());
        }
        return unrecognisedParameters(message, unrecognised);
    }

    private boolean isRecognised(ParameterCode code) {
        int c = code.code();
        if (c == ParameterCode.PARAMETER_COMPATIBILITY_INFORMATION.code()
                || c == ParameterCode.MESSAGE_COMPATIBILITY_INFORMATION.code()) {
            return mechanism;
        }
        return recognised.test(code);
    }

    private CompatibilityAction unrecognisedMessage(IsupMessage.Unknown m) {
        Optional<MessageCompatibilityInformation> mci =
                mechanism ? m.messageCompatibilityInformation() : Optional.empty();
        byte[] diagnostic = {(byte) m.type().code()};
        if (mci.isEmpty()) {
            return node == Node.TRANSIT
                    ? new CompatibilityAction.Accept(m, List.of(), List.of(), Optional.empty())
                    : new CompatibilityAction.DiscardMessage(Optional.of(cause(97, diagnostic)));
        }
        MessageCompatibilityInformation i = mci.get();
        CompatibilityInstruction what = node != Node.END_NODE && !i.endNodeInterpretation()
                ? CompatibilityInstruction.PASS_ON
                : i.instruction();
        if (what == CompatibilityInstruction.PASS_ON && node != Node.TRANSIT) {
            what = i.passOnNotPossible();
        }
        return switch (what) {
            case RELEASE_CALL -> new CompatibilityAction.ReleaseCall(cause(97, diagnostic));
            case DISCARD_MESSAGE, DISCARD_PARAMETER ->
                new CompatibilityAction.DiscardMessage(
                        i.sendNotification() ? Optional.of(cause(97, diagnostic)) : Optional.empty());
            case PASS_ON -> new CompatibilityAction.Accept(m, List.of(), List.of(), Optional.empty());
        };
    }

    /** One unrecognised parameter's fate: what to do, and whether to report it. */
    private record Fate(CompatibilityInstruction instruction, boolean report) {}

    private Fate fate(ParameterCode code, Optional<ParameterCompatibilityInformation> pci) {
        Optional<ParameterCompatibilityInformation.Entry> entry = pci.flatMap(p -> p.entryFor(code));
        if (entry.isEmpty()) {
            return node == Node.TRANSIT
                    ? new Fate(CompatibilityInstruction.PASS_ON, false)
                    : new Fate(CompatibilityInstruction.DISCARD_PARAMETER, true);
        }
        ParameterCompatibilityInformation.Entry e = entry.get();
        CompatibilityInstruction what = node != Node.END_NODE && !e.endNodeInterpretation()
                ? CompatibilityInstruction.PASS_ON
                : e.instruction();
        if (what == CompatibilityInstruction.PASS_ON && node != Node.TRANSIT) {
            what = e.passOnNotPossible();
        }
        return new Fate(what, e.sendNotification());
    }

    private CompatibilityAction unrecognisedParameters(IsupMessage message, List<IsupParameter> unrecognised) {
        Optional<ParameterCompatibilityInformation> pci =
                mechanism ? message.parameterCompatibilityInformation() : Optional.empty();
        boolean releasing = message instanceof IsupMessage.Rel || message instanceof IsupMessage.Rlc;
        boolean answerable = !(message instanceof IsupMessage.Rlc || message instanceof IsupMessage.Cfn);
        CompatibilityInstruction worst = CompatibilityInstruction.PASS_ON;
        List<ParameterCode> discarded = new ArrayList<>(unrecognised.size());
        List<ParameterCode> passedOn = new ArrayList<>(0);
        List<ParameterCode> reported = new ArrayList<>(unrecognised.size());
        List<ParameterCode> severest = new ArrayList<>(unrecognised.size());
        for (IsupParameter p : unrecognised) {
            Fate f = fate(p.code(), pci);
            CompatibilityInstruction what = releasing && f.instruction() != CompatibilityInstruction.PASS_ON
                    ? CompatibilityInstruction.DISCARD_PARAMETER // a release goes on whatever it carries
                    : f.instruction();
            if (what.compareTo(worst) > 0) {
                worst = what;
                severest.clear();
            }
            if (what == worst) {
                severest.add(p.code());
            }
            if (what == CompatibilityInstruction.PASS_ON) {
                passedOn.add(p.code());
            } else {
                discarded.add(p.code());
                if (f.report()) {
                    reported.add(p.code());
                }
            }
        }
        return switch (worst) {
            case RELEASE_CALL -> new CompatibilityAction.ReleaseCall(cause(99, codes(severest)));
            case DISCARD_MESSAGE -> {
                List<ParameterCode> why = new ArrayList<>(severest);
                why.retainAll(reported);
                yield new CompatibilityAction.DiscardMessage(
                        why.isEmpty() ? Optional.empty() : Optional.of(cause(110, codes(why))));
            }
            case DISCARD_PARAMETER, PASS_ON -> {
                IsupParameters kept = message.parameters();
                for (ParameterCode c : discarded) {
                    kept = kept.without(c);
                }
                Optional<CauseIndicators> notification =
                        reported.isEmpty() || !answerable ? Optional.empty() : Optional.of(cause(99, codes(reported)));
                yield new CompatibilityAction.Accept(
                        discarded.isEmpty() ? message : IsupMessage.of(message.type(), message.cic(), kept),
                        discarded,
                        passedOn,
                        notification);
            }
        };
    }

    private CauseIndicators cause(int value, byte[] diagnostics) {
        return new CauseIndicators(CauseIndicators.CODING_ITU, location, CauseValue.valueOf(value), diagnostics);
    }

    private static byte[] codes(List<ParameterCode> codes) {
        byte[] out = new byte[codes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) codes.get(i).code();
        }
        return out;
    }
}
