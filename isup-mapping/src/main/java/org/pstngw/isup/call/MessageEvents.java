package org.pstngw.isup.call;

import java.util.Optional;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.PartyNumber;

/** Turns a received ISUP message into the call-control event it means, with the cause it carries. */
public final class MessageEvents {

    /** Q.763 3.35 continuity check indicator (bits DC): 01 required on this circuit. */
    static final int CONTINUITY_ON_THIS_CIRCUIT = 1;

    /** Q.763 3.35 continuity check indicator (bits DC): 10 performed on a previous circuit. */
    static final int CONTINUITY_ON_PREVIOUS_CIRCUIT = 2;

    private MessageEvents() {}

    /** An event and the Q.850 cause that came with it (0 if none). */
    public record Classified(CallEvent event, int cause) {}

    /**
     * The event for {@code message}; empty for messages that are not call control (maintenance, LPA, unknown types),
     * which the maintenance procedures handle or which are ignored. SUS is classified for the controlling exchange
     * (SUS_USER, SUS_NETWORK); the call control turns it into SUS_NOT_CONTROLLING on calls it did not originate. A
     * SAM whose subsequent number ends with the ST signal is SAM_COMPLETE.
     */
    public static Optional<Classified> classify(IsupMessage message) {
        CallEvent event = switch (message) {
            case IsupMessage.Iam iam ->
                switch (iam.natureOfConnectionIndicators()
                        .map(NatureOfConnectionIndicators::continuityCheck)
                        .orElse(0)) {
                    case CONTINUITY_ON_THIS_CIRCUIT -> CallEvent.IAM_CONTINUITY_REQUIRED;
                    case CONTINUITY_ON_PREVIOUS_CIRCUIT -> CallEvent.IAM_CONTINUITY_PREVIOUS;
                    default -> CallEvent.IAM;
                };
            case IsupMessage.Sam sam ->
                sam.subsequentNumber().map(PartyNumber::endsWithSt).orElse(false)
                        ? CallEvent.SAM_COMPLETE
                        : CallEvent.SAM_INCOMPLETE;
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
            case IsupMessage.Ucic ucic -> CallEvent.UCIC;
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

    /** Q.763 3.35: whether an IAM asks for a continuity check on this circuit. */
    public static boolean requiresContinuityCheck(IsupMessage iam) {
        return iam.natureOfConnectionIndicators()
                        .map(NatureOfConnectionIndicators::continuityCheck)
                        .orElse(0)
                == CONTINUITY_ON_THIS_CIRCUIT;
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
