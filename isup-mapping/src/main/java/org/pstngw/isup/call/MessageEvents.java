package org.pstngw.isup.call;

import java.util.Optional;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;

/** Turns a received ISUP message into the call-control event it means, with the cause it carries. */
public final class MessageEvents {

    /** Q.763 3.39: nature of connection indicators, continuity check indicator 01 = "continuity check required". */
    private static final int CONTINUITY_REQUIRED = 1;

    private MessageEvents() {}

    /** An event and the Q.850 cause that came with it (0 if none). */
    public record Classified(CallEvent event, int cause) {}

    /**
     * The event for {@code message}; empty for messages that are not call control (maintenance, unknown types),
     * which the circuit/maintenance layer handles. An IAM counts as complete: overlap receiving is decided by the
     * number analysis, which fires {@link CallEvent#IAM_INCOMPLETE} itself.
     */
    public static Optional<Classified> classify(IsupMessage message) {
        CallEvent event = switch (message) {
            case IsupMessage.Iam iam ->
                iam.natureOfConnectionIndicators()
                                        .map(NatureOfConnectionIndicators::continuityCheck)
                                        .orElse(0)
                                == CONTINUITY_REQUIRED
                        ? CallEvent.IAM_CONTINUITY_REQUIRED
                        : CallEvent.IAM_COMPLETE;
            case IsupMessage.Sam sam -> CallEvent.SAM_INCOMPLETE;
            case IsupMessage.Cot cot ->
                firstOctet(cot, ParameterCode.CONTINUITY_INDICATORS) % 2 == 1
                        ? CallEvent.COT_SUCCESS
                        : CallEvent.COT_FAILURE;
            case IsupMessage.Acm acm -> CallEvent.ACM;
            case IsupMessage.Cpg cpg -> CallEvent.CPG;
            case IsupMessage.Anm anm -> CallEvent.ANM;
            case IsupMessage.Con con -> CallEvent.CON;
            case IsupMessage.Sus sus ->
                firstOctet(sus, ParameterCode.SUSPEND_RESUME_INDICATORS) % 2 == 1
                        ? CallEvent.SUS_NETWORK
                        : CallEvent.SUS_USER;
            case IsupMessage.Res res -> CallEvent.RES;
            case IsupMessage.Rel rel -> CallEvent.REL;
            case IsupMessage.Rlc rlc -> CallEvent.RLC;
            case IsupMessage.Rsc rsc -> CallEvent.RSC;
            case IsupMessage.Ccr ccr -> CallEvent.CCR;
            default -> null;
        };
        if (event == null) {
            return Optional.empty();
        }
        int cause = message.causeIndicators()
                .map(CauseIndicators::cause)
                .map(c -> c.code())
                .orElse(0);
        return Optional.of(new Classified(event, cause));
    }

    private static int firstOctet(IsupMessage message, ParameterCode code) {
        return message.parameters()
                .get(code)
                .map(IsupParameter::value)
                .filter(v -> v.length > 0)
                .map(v -> v[0] & 0xFF)
                .orElse(0);
    }
}
