package org.pstngw.isup.maintenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.pstngw.isup.call.CallTable;
import org.pstngw.isup.call.IsupTimer;
import org.pstngw.isup.call.MaintenanceAlert;
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
 * Circuit group reset (Q.764 2.9.3.2) both ways.
 *
 * <pre>
 * sending:   GRS for at most 32 circuits (range 1..31); the circuits are cleared locally and not hunted until the
 *            GRA; T22 repeats the GRS, T23 (from the initial GRS) alerts maintenance and repeats it every T23.
 *            The GRA's status bits are the circuits the other exchange blocks for maintenance: they become
 *            remotely blocked here, the others not. Our own blocking is announced again afterwards.
 * receiving: every circuit of the range is cleared locally and loses its remote blocking; the GRA carries the
 *            range and, per circuit, status bit 1 when we block it for maintenance; our hardware blocking is
 *            announced again with a hardware-oriented CGB. A GRS whose range is 0 or above 31 is discarded. A range
 *            that reaches into other circuit groups of ours is answered with one GRA ({@link GroupAnswer}).
 * </pre>
 *
 * Runs on the call control's executor.
 */
public final class GroupReset {

    private static final Logger LOG = LoggerFactory.getLogger(GroupReset.class);

    private record Pending(Ranges.Range range, RepeatedRequest request) {}

    private final MaintenanceContext context;
    private final LocalBlocking local;
    private final List<Pending> pending = new ArrayList<>();

    public GroupReset(MaintenanceContext context, LocalBlocking local) {
        this.context = context;
        this.local = local;
    }

    /** Whether a GRS of ours awaits its GRA. */
    public boolean pending() {
        return !pending.isEmpty();
    }

    /**
     * Resets {@code count} circuits from {@code firstCic} with GRS (in ranges of at most 32). Returns the lone CICs a
     * range could not cover (a group of one circuit): the caller resets those with RSC.
     */
    public List<Integer> send(int firstCic, int count) {
        CircuitPool pool = context.pool();
        List<Integer> lone = new ArrayList<>();
        for (Ranges.Range r : Ranges.split(firstCic, count)) {
            if (r.count() == 1) {
                lone.add(r.firstCic());
                continue;
            }
            pending.removeIf(p -> {
                boolean same = p.range().equals(r);
                if (same) {
                    p.request().finish();
                }
                return same;
            });
            for (int cic = r.firstCic(); cic < r.firstCic() + r.count(); cic++) {
                context.clearLocally(cic, CallTable.TEMPORARY_FAILURE);
                pool.block(cic, Blocking.RESET_PENDING);
            }
            RepeatedRequest request = new RepeatedRequest(
                            IsupMessages.range(IsupMessageType.GRS, r.firstCic(), r.rangeField()),
                            IsupTimer.T22,
                            IsupTimer.T23,
                            MaintenanceAlert.NO_GROUP_RESET_ACKNOWLEDGEMENT,
                            context)
                    .start();
            pending.add(new Pending(r, request));
            local.announceAgainAfterGroupReset(r.firstCic(), r.count());
        }
        return lone;
    }

    /** GRA received: matched against our pending GRS of the same CIC and range. */
    public void acknowledged(IsupMessage gra) {
        RangeAndStatus rs = gra.rangeAndStatus().orElse(null);
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (rs != null && p.range().firstCic() == gra.cic() && p.range().rangeField() == rs.range()) {
                it.remove();
                p.request().finish();
                CircuitPool pool = context.pool();
                for (int k = 0; k < p.range().count(); k++) {
                    int cic = p.range().firstCic() + k;
                    pool.unblock(cic, Blocking.RESET_PENDING);
                    if (rs.statusBit(k)) {
                        pool.block(cic, Blocking.REMOTELY_MAINTENANCE);
                    } else {
                        pool.unblock(cic, Blocking.REMOTELY_MAINTENANCE);
                    }
                }
                return;
            }
        }
        LOG.info("CIC {}: GRA {} matches no pending GRS: discarded", gra.cic(), rs);
    }

    /** GRS received: resets the range and sends the GRA. */
    public void received(IsupMessage grs) {
        Optional<String> invalid = GroupAnswer.invalid(grs);
        if (invalid.isPresent()) {
            LOG.info("CIC {}: GRS discarded (Q.764 2.9.3.2): {}", grs.cic(), invalid.get());
            return;
        }
        GroupAnswer.Part part = part(grs);
        context.send(GroupAnswer.combine(grs, List.of(part)));
        part.afterAnswer().run();
    }

    /**
     * The circuits of a received (valid) GRS that are this group's: each is cleared locally, loses its remote blocking
     * and is not hunted until the GRA has gone out; its GRA status bit says whether we block it for maintenance. Once
     * the GRA is on its way ({@link GroupAnswer.Part#afterAnswer()}) the circuits are hunted again and our hardware
     * blocking among them is announced again with a hardware-oriented CGB.
     */
    public GroupAnswer.Part part(IsupMessage grs) {
        int n = GroupAnswer.circuits(grs);
        CircuitPool pool = context.pool();
        CircuitGroup group = pool.group();
        boolean[] owned = new boolean[n];
        boolean[] blocked = new boolean[n];
        for (int k = 0; k < n; k++) {
            int cic = grs.cic() + k;
            if (!group.contains(cic)) {
                continue;
            }
            owned[k] = true;
            context.clearLocally(cic, CallTable.TEMPORARY_FAILURE);
            pool.clearRemoteBlocking(cic);
            pool.block(cic, Blocking.RESET_ANSWER_PENDING);
            blocked[k] = local.maintenanceBlocked(cic);
            if (blocked[k]) {
                local.reportedInGroupResetAcknowledgement(cic);
            }
        }
        int first = Math.max(grs.cic(), group.firstCic());
        int last = Math.min(grs.cic() + n - 1, group.lastCic());
        Runnable afterAnswer = () -> {
            for (int cic = first; cic <= last; cic++) {
                pool.unblock(cic, Blocking.RESET_ANSWER_PENDING);
            }
            if (first <= last) {
                local.announceHardwareAgain(first, last - first + 1);
            }
        };
        return new GroupAnswer.Part(owned, blocked, new byte[0], afterAnswer);
    }
}
