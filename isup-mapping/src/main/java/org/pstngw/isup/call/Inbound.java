package org.pstngw.isup.call;

import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.maintenance.GroupAnswer;
import org.pstngw.isup.maintenance.GroupReset;
import org.pstngw.isup.maintenance.RemoteMaintenance;
import org.pstngw.sipi.isup.CallingPartyCategory;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives from the other exchange, handed to whoever handles it: the maintenance procedures (GRS/GRA, BLA/UBA,
 * CGBA/CGUA, BLO/UBL/CGB/CGU/CQM, CQR), UCIC and RSC (which touch both maintenance and the call), the IAM (dual seizure,
 * blocked circuits, outgoing-only groups) and the other call-control messages. Unequipped CICs get UCIC, unknown
 * message types CFN (Q.764 2.9.5). Runs on the call control's executor.
 */
final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final IsupCallControl control;
    private final GroupReset groupReset;
    private final RemoteMaintenance remoteMaintenance;

    Inbound(IsupCallControl control, GroupReset groupReset, RemoteMaintenance remoteMaintenance) {
        this.control = control;
        this.groupReset = groupReset;
        this.remoteMaintenance = remoteMaintenance;
    }

    void received(IsupPdu pdu) {
        DecodeResult result = IsupCodec.decode(pdu.payload(), control.settings().variant());
        if (!(result instanceof DecodeResult.Decoded(IsupMessage message))) {
            LOG.info("undecodable ISUP {}: {}", pdu, result);
            return;
        }
        int cic = message.cic();
        if (!control.group().contains(cic)) {
            unequipped(message);
            return;
        }
        if (message instanceof IsupMessage.Unknown unknown) {
            LOG.info("CIC {}: unrecognised message type {}: CFN", cic, unknown.type());
            control.outbox()
                    .add(new Outbox.Output.Send(IsupMessage.of(
                            IsupMessageType.CFN,
                            cic,
                            IsupCallControl.causeParameters(IsupCallControl.MESSAGE_NOT_IMPLEMENTED))));
            return;
        }
        IsupMessageType type = message.type();
        CircuitCall call = control.circuit(cic);
        if (type.equals(IsupMessageType.GRS)) {
            groupReset.received(message);
        } else if (type.equals(IsupMessageType.GRA)) {
            groupReset.acknowledged(message);
        } else if (type.equals(IsupMessageType.BLA)) {
            control.localBlocking().blockingAcknowledged(cic);
        } else if (type.equals(IsupMessageType.UBA)) {
            control.localBlocking().unblockingAcknowledged(cic);
        } else if (type.equals(IsupMessageType.CGBA) || type.equals(IsupMessageType.CGUA)) {
            control.localBlocking().groupAcknowledged(message);
        } else if (type.equals(IsupMessageType.CQR)) {
            control.circuitQuery().answered(message);
        } else if (remoteMaintenance.handle(message)) {
            if (type.equals(IsupMessageType.BLO)) {
                call.handle(CallEvent.BLOCKED_REMOTELY, CallTable.TEMPORARY_FAILURE);
            }
        } else if (type.equals(IsupMessageType.UCIC)) {
            control.pool().block(cic, Blocking.UNEQUIPPED_REMOTELY);
            control.outbox().add(new Outbox.Output.Alert(cic, MaintenanceAlert.UNEQUIPPED_REMOTELY));
            call.handle(CallEvent.UCIC, CallTable.TEMPORARY_FAILURE, message);
        } else if (type.equals(IsupMessageType.RSC)) {
            control.pool().clearRemoteBlocking(cic);
            control.localBlocking().announceAgain(cic);
            call.handle(CallEvent.RSC, 0, message);
        } else if (type.equals(IsupMessageType.IAM)) {
            incomingIam(call, message);
        } else {
            MessageEvents.classify(message)
                    .ifPresentOrElse(
                            c -> call.handle(controlled(call, c.event()), c.cause(), message),
                            () -> LOG.debug("CIC {}: {} not handled", cic, type));
        }
    }

    /** This group's share of a GRS, CGB, CGU or CQM whose range reaches into other groups ({@link GroupAnswer}). */
    GroupAnswer.Part part(IsupMessage request) {
        return request.type().equals(IsupMessageType.GRS) ? groupReset.part(request) : remoteMaintenance.part(request);
    }

    /** Q.764 2.9.1.4 dual seizure, 2.8.2.3 IAM on a blocked circuit, outgoing-only groups. */
    private void incomingIam(CircuitCall call, IsupMessage iam) {
        int cic = iam.cic();
        if (call.state().awaitsFirstBackwardMessage()) {
            if (control.pool().glare().controls(cic)) {
                call.handle(CallEvent.DUAL_SEIZURE_WON, 0, iam);
                return;
            }
            call.handle(CallEvent.DUAL_SEIZURE_LOST, 0, iam);
        }
        MessageEvents.Classified c = MessageEvents.classify(iam).orElseThrow();
        if (call.state() == CallState.IDLE) {
            boolean test = iam.callingPartyCategory()
                    .map(cpc -> cpc.equals(CallingPartyCategory.TEST))
                    .orElse(false);
            if (!test && control.localBlocking().maintenanceBlocked(cic)) {
                LOG.info("CIC {}: IAM on a circuit we block: discarded, BLO again", cic);
                control.localBlocking().announceAgain(cic);
                return;
            }
            if (!test && control.pool().isBlocked(cic, Blocking.LOCALLY_HARDWARE)) {
                LOG.info("CIC {}: IAM on a circuit we block for hardware reasons: discarded", cic);
                control.localBlocking().announceHardwareAgain(cic, 1);
                return;
            }
            if (!test) {
                control.pool().unblock(cic, Blocking.REMOTELY_MAINTENANCE);
                control.pool().unblock(cic, Blocking.REMOTELY_HARDWARE);
            }
            if (!control.group().direction().allowsIncoming()) {
                call.handle(CallEvent.IAM_REFUSED, CallTable.SERVICE_NOT_AVAILABLE, iam);
                return;
            }
        }
        call.handle(c.event(), c.cause(), iam);
    }

    /** SUS classified for the controlling exchange; on a call we did not originate the other side controls. */
    private static CallEvent controlled(CircuitCall call, CallEvent event) {
        boolean suspend = event == CallEvent.SUS_USER || event == CallEvent.SUS_NETWORK;
        return suspend && call.direction() != CircuitCall.Direction.OUTGOING ? CallEvent.SUS_NOT_CONTROLLING : event;
    }

    private void unequipped(IsupMessage message) {
        if (message.type().equals(IsupMessageType.UCIC)) {
            LOG.info("UCIC for CIC {}, not ours either: ignored", message.cic());
            return;
        }
        LOG.info("{} on unequipped CIC {}: UCIC", message.type(), message.cic());
        control.outbox().add(new Outbox.Output.Send(IsupMessages.bare(IsupMessageType.UCIC, message.cic())));
    }
}
