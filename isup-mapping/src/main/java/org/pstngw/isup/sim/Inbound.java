package org.pstngw.isup.sim;

import java.util.Map;
import org.pstngw.sipi.isup.IsupMessageType;
import org.restcomm.protocols.ss7.isup.message.AddressCompleteMessage;
import org.restcomm.protocols.ss7.isup.message.AnswerMessage;
import org.restcomm.protocols.ss7.isup.message.BlockingMessage;
import org.restcomm.protocols.ss7.isup.message.CallProgressMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupBlockingMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupQueryMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupResetMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupUnblockingMessage;
import org.restcomm.protocols.ss7.isup.message.ConnectMessage;
import org.restcomm.protocols.ss7.isup.message.ContinuityCheckRequestMessage;
import org.restcomm.protocols.ss7.isup.message.ContinuityMessage;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.restcomm.protocols.ss7.isup.message.ReleaseCompleteMessage;
import org.restcomm.protocols.ss7.isup.message.ReleaseMessage;
import org.restcomm.protocols.ss7.isup.message.ResetCircuitMessage;
import org.restcomm.protocols.ss7.isup.message.ResumeMessage;
import org.restcomm.protocols.ss7.isup.message.SubsequentAddressMessage;
import org.restcomm.protocols.ss7.isup.message.SuspendMessage;
import org.restcomm.protocols.ss7.isup.message.UnblockingMessage;
import org.restcomm.protocols.ss7.isup.message.UserPartAvailableMessage;
import org.restcomm.protocols.ss7.isup.message.UserPartTestMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each message the simulated exchange receives to the responder for it, by jSS7's message type codes. Messages
 * that answer the exchange's own (BLA, UBA, GRA, CQR, LPA, UPA, ...) are only logged. Runs on the exchange's thread.
 */
final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final SimWire wire;
    private final Map<Integer, SimCircuit> circuits;
    private final CallResponder calls;
    private final MaintenanceResponder maintenance;
    private boolean userPartAvailable = true;

    Inbound(SimWire wire, Map<Integer, SimCircuit> circuits, CallResponder calls, MaintenanceResponder maintenance) {
        this.wire = wire;
        this.circuits = circuits;
        this.calls = calls;
        this.maintenance = maintenance;
    }

    /** While unavailable the exchange's ISUP ignores every message, user part tests included. */
    void userPartAvailable(boolean available) {
        userPartAvailable = available;
    }

    /** A message of a type jSS7 does not know: CFN, unless the user part is unavailable. */
    void unrecognised(int type, int cic) {
        if (userPartAvailable) {
            wire.unrecognised(type, cic);
        }
    }

    void dispatch(ISUPMessage msg) {
        wire.logReceived(msg);
        if (!userPartAvailable) {
            return;
        }
        int cic = SimWire.cic(msg);
        switch (msg.getMessageType().getCode()) {
            case UserPartTestMessage.MESSAGE_CODE -> wire.bare(UserPartAvailableMessage.MESSAGE_CODE, cic);
            case CircuitGroupResetMessage.MESSAGE_CODE ->
                maintenance.onGrs(cic, ((CircuitGroupResetMessage) msg).getRangeAndStatus());
            case CircuitGroupBlockingMessage.MESSAGE_CODE -> {
                CircuitGroupBlockingMessage cgb = (CircuitGroupBlockingMessage) msg;
                maintenance.onGroup(true, cic, cgb.getSupervisionType(), cgb.getRangeAndStatus());
            }
            case CircuitGroupUnblockingMessage.MESSAGE_CODE -> {
                CircuitGroupUnblockingMessage cgu = (CircuitGroupUnblockingMessage) msg;
                maintenance.onGroup(false, cic, cgu.getSupervisionType(), cgu.getRangeAndStatus());
            }
            case CircuitGroupQueryMessage.MESSAGE_CODE ->
                maintenance.onCqm(cic, ((CircuitGroupQueryMessage) msg).getRangeAndStatus());
            default -> onCircuit(msg, cic);
        }
    }

    /** Messages about one circuit; a CIC the exchange does not have is answered with UCIC (unequipped CIC). */
    private void onCircuit(ISUPMessage msg, int cic) {
        int type = msg.getMessageType().getCode();
        SimCircuit c = circuits.get(cic);
        if (c == null) {
            if (type != IsupMessageType.UCIC.code() && type != IsupMessageType.CFN.code()) {
                wire.bare(IsupMessageType.UCIC, cic);
            }
            return;
        }
        switch (type) {
            case InitialAddressMessage.MESSAGE_CODE -> calls.onIam(c, (InitialAddressMessage) msg);
            case SubsequentAddressMessage.MESSAGE_CODE -> calls.onSam(c, (SubsequentAddressMessage) msg);
            case ContinuityMessage.MESSAGE_CODE -> calls.onCot(c, (ContinuityMessage) msg);
            case AddressCompleteMessage.MESSAGE_CODE,
                    CallProgressMessage.MESSAGE_CODE,
                    AnswerMessage.MESSAGE_CODE,
                    ConnectMessage.MESSAGE_CODE -> calls.onBackward(c, type);
            case ReleaseMessage.MESSAGE_CODE -> calls.onRel(c);
            case ReleaseCompleteMessage.MESSAGE_CODE -> calls.onRlc(c);
            case SuspendMessage.MESSAGE_CODE -> calls.onSuspendResume(c, true);
            case ResumeMessage.MESSAGE_CODE -> calls.onSuspendResume(c, false);
            case ResetCircuitMessage.MESSAGE_CODE -> maintenance.onRsc(c);
            case BlockingMessage.MESSAGE_CODE -> maintenance.onBlo(c);
            case UnblockingMessage.MESSAGE_CODE -> maintenance.onUbl(c);
            case ContinuityCheckRequestMessage.MESSAGE_CODE -> maintenance.onCcr(c);
            default -> LOG.debug("sim: {} on CIC {} logged only", IsupMessageType.valueOf(type), cic);
        }
    }
}
