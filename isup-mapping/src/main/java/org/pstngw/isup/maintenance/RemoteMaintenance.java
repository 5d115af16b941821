package org.pstngw.isup.maintenance;

import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.CallTable;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the other exchange's circuit maintenance (Q.764 2.8.2 blocking, 2.8.3 group blocking, 2.9.3.2 query):
 * BLO -> BLA, UBL -> UBA, CGB -> CGBA, CGU -> CGUA (maintenance or hardware oriented), CQM -> CQR. Updates the
 * pool's remote blocking states; hardware-oriented CGB releases the calls on its circuits at once (2.8.3). Group
 * messages with a range outside 1..31 (CGB, CGU) or 0..31 (CQM), or an unknown supervision type, are discarded.
 * Runs on the call control's executor.
 */
public final class RemoteMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteMaintenance.class);

    private final MaintenanceContext context;
    private final LocalBlocking local;

    public RemoteMaintenance(MaintenanceContext context, LocalBlocking local) {
        this.context = context;
        this.local = local;
    }

    /** Handles {@code message} if it is BLO, UBL, CGB, CGU or CQM; false otherwise. */
    public boolean handle(IsupMessage message) {
        int cic = message.cic();
        IsupMessageType type = message.type();
        CircuitPool pool = context.pool();
        if (type.equals(IsupMessageType.BLO)) {
            pool.block(cic, Blocking.REMOTELY_MAINTENANCE);
            context.send(IsupMessages.bare(IsupMessageType.BLA, cic));
        } else if (type.equals(IsupMessageType.UBL)) {
            pool.unblock(cic, Blocking.REMOTELY_MAINTENANCE);
            context.send(IsupMessages.bare(IsupMessageType.UBA, cic));
        } else if (type.equals(IsupMessageType.CGB) || type.equals(IsupMessageType.CGU)) {
            group(message, type.equals(IsupMessageType.CGB));
        } else if (type.equals(IsupMessageType.CQM)) {
            query(message);
        } else {
            return false;
        }
        return true;
    }

    private void group(IsupMessage message, boolean block) {
        int supervision = message.parameters()
                .get(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE)
                .map(p -> p.value().length > 0 ? p.value()[0] & 0x03 : -1)
                .orElse(-1);
        RangeAndStatus rs = message.rangeAndStatus().orElse(null);
        if (rs == null
                || !Ranges.validGroupRange(rs.range())
                || (supervision != LocalBlocking.MAINTENANCE_ORIENTED
                        && supervision != LocalBlocking.HARDWARE_ORIENTED)) {
            LOG.info("CIC {}: {} with supervision {} and {} discarded", message.cic(), message.type(), supervision, rs);
            return;
        }
        boolean hardware = supervision == LocalBlocking.HARDWARE_ORIENTED;
        Blocking kind = hardware ? Blocking.REMOTELY_HARDWARE : Blocking.REMOTELY_MAINTENANCE;
        CircuitGroup group = context.pool().group();
        boolean[] done = new boolean[rs.range() + 1];
        for (int k = 0; k <= rs.range(); k++) {
            int cic = message.cic() + k;
            if (!rs.statusBit(k) || !group.contains(cic)) {
                continue;
            }
            done[k] = true;
            if (block) {
                context.pool().block(cic, kind);
                if (hardware && context.state(cic) != CallState.IDLE) {
                    context.clearLocally(cic, CallTable.TEMPORARY_FAILURE);
                }
            } else {
                context.pool().unblock(cic, kind);
            }
        }
        context.send(IsupMessages.circuitGroup(
                block ? IsupMessageType.CGBA : IsupMessageType.CGUA,
                message.cic(),
                supervision,
                RangeAndStatus.of(rs.range(), done)));
    }

    private void query(IsupMessage message) {
        RangeAndStatus rs = message.rangeAndStatus().orElse(null);
        if (rs == null || rs.range() > Ranges.MAX_CIRCUITS - 1) {
            LOG.info("CIC {}: CQM with {} discarded (Q.764 2.9.3.1: range at most 31)", message.cic(), rs);
            return;
        }
        byte[] states = new byte[rs.range() + 1];
        for (int k = 0; k < states.length; k++) {
            states[k] = (byte) circuitStateIndicator(message.cic() + k);
        }
        context.send(IsupMessage.of(
                IsupMessageType.CQR,
                message.cic(),
                IsupParameters.of(
                        IsupParameter.of(
                                ParameterCode.RANGE_AND_STATUS,
                                RangeAndStatus.rangeOnly(rs.range()).encode()),
                        new IsupParameter(ParameterCode.CIRCUIT_STATE_INDICATOR, states))));
    }

    /** The CQR octet for one CIC (unequipped outside our group). */
    int circuitStateIndicator(int cic) {
        CircuitPool pool = context.pool();
        if (!pool.group().contains(cic)) {
            return CircuitStateIndicator.UNEQUIPPED;
        }
        CircuitStateIndicator.Blocking b = new CircuitStateIndicator.Blocking(
                pool.isBlocked(cic, Blocking.LOCALLY_MAINTENANCE),
                pool.isBlocked(cic, Blocking.REMOTELY_MAINTENANCE),
                pool.isBlocked(cic, Blocking.LOCALLY_HARDWARE),
                pool.isBlocked(cic, Blocking.REMOTELY_HARDWARE));
        boolean transientMaintenance =
                local.awaitingAcknowledgement(cic) || pool.isBlocked(cic, Blocking.RESET_PENDING);
        return CircuitStateIndicator.of(context.state(cic), context.direction(cic), b, transientMaintenance);
    }
}
