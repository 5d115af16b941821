package org.pstngw.isup.maintenance;

import java.util.List;
import java.util.Optional;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.CallTable;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.RangeAndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the other exchange's circuit maintenance (Q.764 2.8.2 blocking, 2.8.3 group blocking, 2.9.3.2 query):
 * BLO -> BLA, UBL -> UBA, CGB -> CGBA, CGU -> CGUA (maintenance or hardware oriented), CQM -> CQR. Updates the
 * pool's remote blocking states; hardware-oriented CGB releases the calls on its circuits at once (2.8.3). Group
 * messages with a range outside 1..31 (CGB, CGU) or 0..31 (CQM), or an unknown supervision type, are discarded; a
 * range that reaches into other circuit groups of ours is answered once for all ({@link GroupAnswer}). Runs on the
 * call control's executor.
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
        } else if (type.equals(IsupMessageType.CGB)
                || type.equals(IsupMessageType.CGU)
                || type.equals(IsupMessageType.CQM)) {
            Optional<String> invalid = GroupAnswer.invalid(message);
            if (invalid.isPresent()) {
                LOG.info("CIC {}: {} discarded: {}", cic, type, invalid.get());
            } else {
                context.send(GroupAnswer.combine(message, List.of(part(message))));
            }
        } else {
            return false;
        }
        return true;
    }

    /**
     * This group's share of a received (valid) CGB, CGU or CQM: the blocking states of its circuits change (a
     * hardware-oriented CGB releases their calls at once) and its part of the acknowledgement. A range that reaches
     * into other circuit groups of ours is answered once for all of them ({@link GroupAnswer}).
     */
    public GroupAnswer.Part part(IsupMessage request) {
        int n = GroupAnswer.circuits(request);
        CircuitGroup group = context.pool().group();
        boolean[] owned = new boolean[n];
        for (int k = 0; k < n; k++) {
            owned[k] = group.contains(request.cic() + k);
        }
        if (request.type().equals(IsupMessageType.CQM)) {
            byte[] states = new byte[n];
            for (int k = 0; k < n; k++) {
                states[k] = (byte) circuitStateIndicator(request.cic() + k);
            }
            return new GroupAnswer.Part(owned, new boolean[n], states, () -> {});
        }
        boolean block = request.type().equals(IsupMessageType.CGB);
        boolean hardware = GroupAnswer.supervision(request) == LocalBlocking.HARDWARE_ORIENTED;
        Blocking kind = hardware ? Blocking.REMOTELY_HARDWARE : Blocking.REMOTELY_MAINTENANCE;
        RangeAndStatus rs = request.rangeAndStatus().orElseThrow();
        boolean[] done = new boolean[n];
        for (int k = 0; k < n; k++) {
            int cic = request.cic() + k;
            if (!rs.statusBit(k) || !owned[k]) {
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
        return new GroupAnswer.Part(owned, done, new byte[0], () -> {});
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
