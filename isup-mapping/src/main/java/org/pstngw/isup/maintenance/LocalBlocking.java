package org.pstngw.isup.maintenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntPredicate;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.CallTable;
import org.pstngw.isup.call.IsupTimer;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.RangeAndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking we start (Q.764 2.8.2, 2.8.3, 2.9.4): BLO/UBL per circuit, CGB/CGU maintenance or hardware oriented per
 * range, each repeated until acknowledged (T12/T13, T14/T15, T18/T19, T20/T21). Maintenance and hardware blocking
 * are separate states of each circuit:
 *
 * <pre>
 *   UNBLOCKED  --block-->    BLOCKING   (BLO or CGB sent; the circuit is not hunted from now on)
 *   BLOCKING   --BLA/CGBA--> BLOCKED
 *   BLOCKING, BLOCKED --unblock--> UNBLOCKING (UBL or CGU sent; still not hunted)
 *   UNBLOCKING --UBA/CGUA--> UNBLOCKED  (hunted again)
 *   UNBLOCKING --block-->    BLOCKING
 *   BLOCKING, BLOCKED --reset (RSC sent or received, IAM received while blocked)--> BLOCKING (BLO sent again)
 *   2.8.2.3 (abnormal blocking procedures):
 *     BLA for a circuit not locally blocked: UBL sent; UBA for a circuit locally blocked and not being unblocked:
 *     BLO sent; any other unexpected BLA/UBA is discarded
 *     CGBA/CGUA that answer a CGB/CGU of ours (same CIC, range and supervision type) but for other circuits than
 *     asked: the CGB (CGU) is repeated for the circuits it asked for and the acknowledgement left out; a CGU is sent
 *     for the circuits a CGBA says blocked that we do not block, a CGB for the circuits a CGUA says unblocked that we
 *     do block (both repeated until acknowledged); maintenance is alerted
 *     CGBA/CGUA that answer nothing of ours: a CGU for the circuits it says blocked that we do not block (CGBA), a
 *     CGB for those it says unblocked that we do block (CGUA); the rest is discarded
 * </pre>
 *
 * Hardware-oriented blocking releases the calls on the circuits at once, both directions, without REL (2.8.3).
 * Runs on the call control's executor.
 */
public final class LocalBlocking {

    private static final Logger LOG = LoggerFactory.getLogger(LocalBlocking.class);

    /** Q.763 3.13 circuit group supervision message type. */
    public static final int MAINTENANCE_ORIENTED = 0;

    public static final int HARDWARE_ORIENTED = 1;

    /** One circuit's blocking state (maintenance and hardware each have one). */
    public enum State {
        UNBLOCKED,
        BLOCKING,
        BLOCKED,
        UNBLOCKING;

        boolean blocked() {
            return this != UNBLOCKED;
        }

        boolean awaitingAcknowledgement() {
            return this == BLOCKING || this == UNBLOCKING;
        }
    }

    private record GroupRequest(
            IsupMessageType type, int supervision, Ranges.Range range, RangeAndStatus sent, RepeatedRequest request) {}

    private final MaintenanceContext context;
    private final CircuitGroup group;
    private final State[] maintenance;
    private final State[] hardware;
    private final RepeatedRequest[] circuitRequests;
    private final List<GroupRequest> groupRequests = new ArrayList<>();

    public LocalBlocking(MaintenanceContext context) {
        this.context = context;
        this.group = context.pool().group();
        this.maintenance = new State[group.count()];
        this.hardware = new State[group.count()];
        this.circuitRequests = new RepeatedRequest[group.count()];
        Arrays.fill(maintenance, State.UNBLOCKED);
        Arrays.fill(hardware, State.UNBLOCKED);
    }

    public State maintenanceState(int cic) {
        return maintenance[index(cic)];
    }

    public State hardwareState(int cic) {
        return hardware[index(cic)];
    }

    /** Locally blocked for maintenance reasons (the GRA status bit). */
    public boolean maintenanceBlocked(int cic) {
        return maintenance[index(cic)].blocked();
    }

    /** A (group) (un)blocking message for this circuit awaits its acknowledgement (CQR "transient"). */
    public boolean awaitingAcknowledgement(int cic) {
        int i = index(cic);
        return maintenance[i].awaitingAcknowledgement() || hardware[i].awaitingAcknowledgement();
    }

    /** BLO: false if the circuit is already (being) blocked. */
    public boolean block(int cic) {
        int i = index(cic);
        if (maintenance[i] == State.BLOCKING || maintenance[i] == State.BLOCKED) {
            return false;
        }
        startBlocking(cic);
        return true;
    }

    /** UBL: false if the circuit is not blocked by us for maintenance. */
    public boolean unblock(int cic) {
        int i = index(cic);
        if (maintenance[i] != State.BLOCKING && maintenance[i] != State.BLOCKED) {
            return false;
        }
        finishCircuitRequest(i);
        maintenance[i] = State.UNBLOCKING;
        circuitRequests[i] = new RepeatedRequest(
                        IsupMessages.bare(IsupMessageType.UBL, cic),
                        IsupTimer.T14,
                        IsupTimer.T15,
                        MaintenanceAlert.NO_BLOCKING_ACKNOWLEDGEMENT,
                        context)
                .start();
        return true;
    }

    /**
     * CGB for {@code count} circuits from {@code firstCic} (in ranges of at most 32). A lone maintenance-oriented
     * circuit gets a BLO; a lone hardware-oriented one a CGB over it and a neighbour whose status bit stays 0.
     * Returns the number of circuits newly being blocked.
     */
    public int blockGroup(int firstCic, int count, boolean hardwareOriented) {
        State[] states = hardwareOriented ? hardware : maintenance;
        IntPredicate wanted = cic -> states[index(cic)] == State.UNBLOCKED || states[index(cic)] == State.UNBLOCKING;
        if (count == 1 && !hardwareOriented) {
            return block(firstCic) ? 1 : 0;
        }
        return sendGroup(IsupMessageType.CGB, hardwareOriented, firstCic, count, wanted);
    }

    /** CGU for the circuits of the range we have blocked; returns how many are being unblocked. */
    public int unblockGroup(int firstCic, int count, boolean hardwareOriented) {
        State[] states = hardwareOriented ? hardware : maintenance;
        IntPredicate wanted = cic -> states[index(cic)] == State.BLOCKING || states[index(cic)] == State.BLOCKED;
        if (count == 1 && !hardwareOriented) {
            return unblock(firstCic) ? 1 : 0;
        }
        return sendGroup(IsupMessageType.CGU, hardwareOriented, firstCic, count, wanted);
    }

    /** BLA received. */
    public void blockingAcknowledged(int cic) {
        int i = index(cic);
        switch (maintenance[i]) {
            case BLOCKING -> {
                finishCircuitRequest(i);
                maintenance[i] = State.BLOCKED;
            }
            case UNBLOCKED -> {
                LOG.info("CIC {}: BLA for a circuit we did not block: UBL", cic);
                context.send(IsupMessages.bare(IsupMessageType.UBL, cic));
            }
            case BLOCKED, UNBLOCKING -> LOG.debug("CIC {}: BLA in {}: discarded", cic, maintenance[i]);
        }
    }

    /** UBA received. */
    public void unblockingAcknowledged(int cic) {
        int i = index(cic);
        switch (maintenance[i]) {
            case UNBLOCKING -> {
                finishCircuitRequest(i);
                maintenance[i] = State.UNBLOCKED;
                context.pool().unblock(cic, Blocking.LOCALLY_MAINTENANCE);
            }
            case BLOCKED -> {
                LOG.info("CIC {}: UBA for a circuit we keep blocked: BLO", cic);
                context.send(IsupMessages.bare(IsupMessageType.BLO, cic));
            }
            case UNBLOCKED, BLOCKING -> LOG.debug("CIC {}: UBA in {}: discarded", cic, maintenance[i]);
        }
    }

    /** CGBA or CGUA received: matched against the pending CGB/CGU of the same CIC, type and range. */
    public void groupAcknowledged(IsupMessage ack) {
        boolean blocking = ack.type().equals(IsupMessageType.CGBA);
        IsupMessageType requestType = blocking ? IsupMessageType.CGB : IsupMessageType.CGU;
        int supervision = firstOctet(ack);
        RangeAndStatus rs = ack.rangeAndStatus().orElse(null);
        Iterator<GroupRequest> it = groupRequests.iterator();
        while (it.hasNext()) {
            GroupRequest g = it.next();
            if (g.type().equals(requestType)
                    && g.range().firstCic() == ack.cic()
                    && g.supervision() == supervision
                    && rs != null
                    && rs.range() == g.range().rangeField()) {
                it.remove();
                g.request().finish();
                settle(g, rs, blocking);
                return;
            }
        }
        if (rs == null || (supervision != MAINTENANCE_ORIENTED && supervision != HARDWARE_ORIENTED)) {
            LOG.info("CIC {}: {} with supervision {} and {} discarded", ack.cic(), ack.type(), supervision, rs);
            return;
        }
        LOG.info(
                "CIC {}: {} matches no pending {}: contradicted where it disagrees",
                ack.cic(),
                ack.type(),
                requestType);
        contradict(blocking, supervision == HARDWARE_ORIENTED, ack.cic(), rs, rs.range() + 1, k -> true);
    }

    /**
     * A reset (RSC sent or received, or an IAM on a circuit we block) removed the other side's view of our
     * maintenance blocking: announce it again with a fresh BLO (Q.764 2.9.3.1 iii, 2.8.2.3).
     */
    public void announceAgain(int cic) {
        int i = index(cic);
        if (maintenance[i] == State.BLOCKING || maintenance[i] == State.BLOCKED) {
            startBlocking(cic);
        }
    }

    /**
     * After our GRS: the circuits of the range we block for maintenance get BLO again, those we block for hardware
     * reasons a hardware-oriented CGB.
     */
    public void announceAgainAfterGroupReset(int firstCic, int count) {
        for (int cic = firstCic; cic < firstCic + count; cic++) {
            announceAgain(cic);
        }
        announceHardwareAgain(firstCic, count);
    }

    /** After a GRS (sent or received): the hardware blocking in the range is announced again (CGB hardware). */
    public void announceHardwareAgain(int firstCic, int count) {
        groupRequests.removeIf(g -> {
            boolean superseded = g.type().equals(IsupMessageType.CGB)
                    && g.supervision() == HARDWARE_ORIENTED
                    && g.range().firstCic() >= firstCic
                    && g.range().firstCic() + g.range().count() <= firstCic + count;
            if (superseded) {
                g.request().finish();
            }
            return superseded;
        });
        sendGroup(
                IsupMessageType.CGB,
                true,
                firstCic,
                count,
                cic -> hardware[index(cic)] == State.BLOCKING || hardware[index(cic)] == State.BLOCKED);
    }

    /**
     * We send a GRA whose status bit says this circuit is blocked for maintenance: the other side takes it as
     * remotely blocked, which acknowledges a BLO still pending.
     */
    public void reportedInGroupResetAcknowledgement(int cic) {
        int i = index(cic);
        if (maintenance[i] == State.BLOCKING) {
            finishCircuitRequest(i);
            maintenance[i] = State.BLOCKED;
        }
    }

    private void startBlocking(int cic) {
        int i = index(cic);
        finishCircuitRequest(i);
        maintenance[i] = State.BLOCKING;
        context.pool().block(cic, Blocking.LOCALLY_MAINTENANCE);
        circuitRequests[i] = new RepeatedRequest(
                        IsupMessages.bare(IsupMessageType.BLO, cic),
                        IsupTimer.T12,
                        IsupTimer.T13,
                        MaintenanceAlert.NO_BLOCKING_ACKNOWLEDGEMENT,
                        context)
                .start();
    }

    private int sendGroup(
            IsupMessageType type, boolean hardwareOriented, int firstCic, int count, IntPredicate wanted) {
        int affected = 0;
        for (Ranges.Range r : widened(Ranges.split(firstCic, count))) {
            boolean[] bits = new boolean[r.count()];
            int marked = 0;
            for (int k = 0; k < r.count(); k++) {
                int cic = r.firstCic() + k;
                boolean requested = cic >= firstCic && cic < firstCic + count && group.contains(cic);
                bits[k] = requested && wanted.test(cic);
                marked += bits[k] ? 1 : 0;
            }
            if (marked == 0) {
                continue;
            }
            for (int k = 0; k < r.count(); k++) {
                if (bits[k]) {
                    enter(r.firstCic() + k, type.equals(IsupMessageType.CGB), hardwareOriented);
                }
            }
            track(type, hardwareOriented, r, bits);
            affected += marked;
        }
        return affected;
    }

    /** Sends a CGB or CGU for the marked circuits of the range and repeats it until acknowledged (T18-T21). */
    private void track(IsupMessageType type, boolean hardwareOriented, Ranges.Range r, boolean[] bits) {
        RangeAndStatus rs = RangeAndStatus.of(r.rangeField(), bits);
        int supervision = hardwareOriented ? HARDWARE_ORIENTED : MAINTENANCE_ORIENTED;
        RepeatedRequest request = new RepeatedRequest(
                        IsupMessages.circuitGroup(type, r.firstCic(), supervision, rs),
                        type.equals(IsupMessageType.CGB) ? IsupTimer.T18 : IsupTimer.T20,
                        type.equals(IsupMessageType.CGB) ? IsupTimer.T19 : IsupTimer.T21,
                        MaintenanceAlert.NO_GROUP_BLOCKING_ACKNOWLEDGEMENT,
                        context)
                .start();
        groupRequests.add(new GroupRequest(type, supervision, r, rs, request));
    }

    /** A lone circuit cannot be a group message's range (range 0 is reserved): add a neighbour of the group. */
    private List<Ranges.Range> widened(List<Ranges.Range> ranges) {
        List<Ranges.Range> out = new ArrayList<>(ranges.size());
        for (Ranges.Range r : ranges) {
            if (r.count() > 1) {
                out.add(r);
            } else if (group.contains(r.firstCic() + 1)) {
                out.add(new Ranges.Range(r.firstCic(), 2));
            } else if (group.contains(r.firstCic() - 1)) {
                out.add(new Ranges.Range(r.firstCic() - 1, 2));
            } else {
                LOG.warn("CIC {}: a one-circuit group cannot be group (un)blocked", r.firstCic());
            }
        }
        return out;
    }

    private void enter(int cic, boolean blocking, boolean hardwareOriented) {
        int i = index(cic);
        if (hardwareOriented) {
            hardware[i] = blocking ? State.BLOCKING : State.UNBLOCKING;
            if (blocking) {
                context.pool().block(cic, Blocking.LOCALLY_HARDWARE);
                if (context.state(cic) != CallState.IDLE) {
                    context.clearLocally(cic, CallTable.TEMPORARY_FAILURE);
                }
            }
        } else {
            finishCircuitRequest(i);
            maintenance[i] = blocking ? State.BLOCKING : State.UNBLOCKING;
            if (blocking) {
                context.pool().block(cic, Blocking.LOCALLY_MAINTENANCE);
            }
        }
    }

    /**
     * The acknowledgement of one of our requests: the circuits it acknowledges change state; those it leaves out are
     * asked for again, those it adds are contradicted (Q.764 2.8.2.3).
     */
    private void settle(GroupRequest g, RangeAndStatus ack, boolean blocking) {
        boolean hw = g.supervision() == HARDWARE_ORIENTED;
        State[] states = hw ? hardware : maintenance;
        Ranges.Range r = g.range();
        boolean[] missing = new boolean[r.count()];
        int missed = 0;
        boolean mismatch = false;
        for (int k = 0; k < r.count(); k++) {
            int cic = r.firstCic() + k;
            boolean asked = g.sent().statusBit(k);
            boolean done = ack.statusBit(k);
            mismatch |= asked != done;
            if (!asked || !group.contains(cic)) {
                continue;
            }
            int i = index(cic);
            State awaited = blocking ? State.BLOCKING : State.UNBLOCKING;
            if (states[i] != awaited) {
                continue;
            }
            if (!done) {
                missing[k] = true;
                missed++;
            } else if (blocking) {
                states[i] = State.BLOCKED;
            } else {
                states[i] = State.UNBLOCKED;
                context.pool().unblock(cic, hw ? Blocking.LOCALLY_HARDWARE : Blocking.LOCALLY_MAINTENANCE);
            }
        }
        if (!mismatch) {
            return;
        }
        LOG.warn("CIC {}: {} acknowledged other circuits than asked", r.firstCic(), g.type());
        context.alert(r.firstCic(), MaintenanceAlert.GROUP_BLOCKING_MISMATCH);
        if (missed > 0) {
            LOG.info("CIC {}: {} repeated for the {} circuits left out", r.firstCic(), g.type(), missed);
            track(g.type(), hw, r, missing);
        }
        contradict(blocking, hw, r.firstCic(), ack, r.count(), k -> !g.sent().statusBit(k));
    }

    /**
     * The other exchange says circuits are blocked that we do not block (CGBA) or unblocked that we do block (CGUA):
     * a CGU, or a CGB, for them. {@code considered} says which status bits of the acknowledgement count.
     */
    private void contradict(
            boolean blocking, boolean hw, int firstCic, RangeAndStatus ack, int count, IntPredicate considered) {
        State[] states = hw ? hardware : maintenance;
        boolean[] wrong = new boolean[count];
        int n = 0;
        for (int k = 0; k < count; k++) {
            int cic = firstCic + k;
            if (!considered.test(k) || !ack.statusBit(k) || !group.contains(cic)) {
                continue;
            }
            boolean weBlock = states[index(cic)] == State.BLOCKING || states[index(cic)] == State.BLOCKED;
            if (blocking != weBlock) {
                wrong[k] = true;
                n++;
            }
        }
        if (n == 0 || count < 2) {
            return;
        }
        IsupMessageType answer = blocking ? IsupMessageType.CGU : IsupMessageType.CGB;
        LOG.info("CIC {}: {} for the {} circuits the other exchange has the wrong way", firstCic, answer, n);
        track(answer, hw, new Ranges.Range(firstCic, count), wrong);
    }

    private void finishCircuitRequest(int i) {
        if (circuitRequests[i] != null) {
            circuitRequests[i].finish();
            circuitRequests[i] = null;
        }
    }

    private static int firstOctet(IsupMessage m) {
        return m.parameters()
                .get(org.pstngw.sipi.isup.ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE)
                .map(p -> p.value().length > 0 ? p.value()[0] & 0x03 : -1)
                .orElse(-1);
    }

    private int index(int cic) {
        if (!group.contains(cic)) {
            throw new IllegalArgumentException("CIC " + cic + " not in group " + group.name());
        }
        return cic - group.firstCic();
    }
}
