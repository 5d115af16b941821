package org.pstngw.isup.sim;

import java.util.BitSet;
import java.util.Map;
import org.pstngw.sipi.isup.IsupMessageType;
import org.restcomm.protocols.ss7.isup.message.parameter.CircuitGroupSuperVisionMessageType;
import org.restcomm.protocols.ss7.isup.message.parameter.RangeAndStatus;

/**
 * Circuit maintenance at the simulated exchange (Q.764 2.8 blocking, 2.9.3 reset, circuit group query, 2.1.8 continuity
 * re-check, 2.13 user part test): answers ours with the acknowledgements and real circuit states, and originates its
 * own. Blocking is kept per circuit, seen from this exchange: "locally" blocked by it, "remotely" by us. Runs on the
 * exchange's thread.
 */
final class MaintenanceResponder {

    private final SimWire wire;
    private final Map<Integer, SimCircuit> circuits;

    MaintenanceResponder(SimWire wire, Map<Integer, SimCircuit> circuits) {
        this.wire = wire;
        this.circuits = circuits;
    }

    /** RSC: the call (if any) is cleared, remote blocking removed (Q.764 2.9.3), RLC. */
    void onRsc(SimCircuit c) {
        c.clear();
        c.remotelyMaintenanceBlocked = false;
        wire.bare(IsupMessageType.RLC, c.cic);
    }

    void onBlo(SimCircuit c) {
        c.remotelyMaintenanceBlocked = true;
        wire.bare(IsupMessageType.BLA, c.cic);
    }

    void onUbl(SimCircuit c) {
        c.remotelyMaintenanceBlocked = false;
        wire.bare(IsupMessageType.UBA, c.cic);
    }

    /** GRS: every circuit of the range reset; GRA marks those this exchange blocks for maintenance. */
    void onGrs(int cic, RangeAndStatus rs) {
        int range = rs == null ? 0 : rs.getRange() & 0xFF;
        BitSet locallyBlocked = new BitSet();
        for (int i = 0; i <= range; i++) {
            SimCircuit c = circuits.get(cic + i);
            if (c != null) {
                c.clear();
                c.remotelyMaintenanceBlocked = false;
                locallyBlocked.set(i, c.locallyMaintenanceBlocked);
            }
        }
        wire.gra(cic, range, locallyBlocked);
    }

    /**
     * CGB or CGU: the marked circuits of the range are blocked or unblocked, maintenance or hardware oriented; a
     * hardware block clears their calls (Q.764 2.8). The acknowledgement marks the circuits acted on.
     */
    void onGroup(boolean block, int cic, CircuitGroupSuperVisionMessageType type, RangeAndStatus rs) {
        int supervision =
                type == null ? SimWire.MAINTENANCE_ORIENTED : type.getCircuitGroupSuperVisionMessageTypeIndicator();
        boolean hardware = supervision == SimWire.HARDWARE_ORIENTED;
        int range = rs == null ? 0 : rs.getRange() & 0xFF;
        byte[] status = rs == null || rs.getStatus() == null ? new byte[0] : rs.getStatus();
        BitSet acted = new BitSet();
        for (int i = 0; i <= range; i++) {
            SimCircuit c = circuits.get(cic + i);
            boolean marked = i / 8 < status.length && (status[i / 8] & (1 << (i % 8))) != 0;
            if (c == null || !marked) {
                continue;
            }
            acted.set(i);
            if (hardware) {
                c.remotelyHardwareBlocked = block;
                if (block) {
                    c.clear();
                }
            } else {
                c.remotelyMaintenanceBlocked = block;
            }
        }
        wire.groupAck(block, cic, range, acted, supervision);
    }

    /** CQM: CQR with the state of every circuit of the range, unequipped for CICs this exchange does not have. */
    void onCqm(int cic, RangeAndStatus rs) {
        int range = rs == null ? 0 : rs.getRange() & 0xFF;
        byte[] states = new byte[range + 1];
        for (int i = 0; i <= range; i++) {
            SimCircuit c = circuits.get(cic + i);
            states[i] = (byte) (c == null ? SimCircuit.unequippedIndicator() : c.stateIndicator());
        }
        wire.cqr(cic, range, states);
    }

    /** CCR: the loop is connected (there is no media here) and LPA sent; the re-check ends with COT or REL. */
    void onCcr(SimCircuit c) {
        c.begin(CallPhase.LOOPED);
        wire.bare(IsupMessageType.LPA, c.cic);
    }

    void block(SimCircuit c) {
        c.locallyMaintenanceBlocked = true;
        wire.bare(IsupMessageType.BLO, c.cic);
    }

    void unblock(SimCircuit c) {
        c.locallyMaintenanceBlocked = false;
        wire.bare(IsupMessageType.UBL, c.cic);
    }

    void reset(SimCircuit c) {
        c.clear();
        c.phase = CallPhase.RELEASING;
        wire.bare(IsupMessageType.RSC, c.cic);
    }

    /** GRS over the range: this exchange's circuits in it are reset first. */
    void groupReset(int cic, int range) {
        for (int i = 0; i <= range; i++) {
            SimCircuit c = circuits.get(cic + i);
            if (c != null) {
                c.clear();
            }
        }
        wire.range(IsupMessageType.GRS, cic, range);
    }

    /** CGB or CGU for every circuit of the range, maintenance or hardware oriented. */
    void group(boolean block, int cic, int range, boolean hardware) {
        BitSet all = new BitSet();
        all.set(0, range + 1);
        for (int i = 0; i <= range; i++) {
            SimCircuit c = circuits.get(cic + i);
            if (c != null) {
                if (hardware) {
                    c.locallyHardwareBlocked = block;
                } else {
                    c.locallyMaintenanceBlocked = block;
                }
            }
        }
        wire.group(block, cic, range, all, hardware ? SimWire.HARDWARE_ORIENTED : SimWire.MAINTENANCE_ORIENTED);
    }

    void query(int cic, int range) {
        wire.range(IsupMessageType.CQM, cic, range);
    }

    void continuityRecheck(SimCircuit c) {
        c.begin(CallPhase.LOOPED);
        wire.bare(IsupMessageType.CCR, c.cic);
    }
}
