package org.pstngw.isup.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;

/**
 * Answers the other exchange's circuit maintenance (Q.764 2.8.2 blocking, 2.8.3 group blocking, 2.9.4 query):
 * BLO -> BLA, UBL -> UBA, CGB -> CGBA, CGU -> CGUA (maintenance or hardware oriented), CQM -> CQR. Updates the
 * pool's remote blocking states. Runs on the call control's executor.
 */
public final class RemoteMaintenance {

    /** Q.763 3.13 circuit group supervision message type: 00 maintenance oriented, 01 hardware failure oriented. */
    private static final int HARDWARE_ORIENTED = 1;

    private final CircuitPool pool;
    private final IntFunction<CallState> stateOf;

    public RemoteMaintenance(CircuitPool pool, IntFunction<CallState> stateOf) {
        this.pool = pool;
        this.stateOf = stateOf;
    }

    /** The replies to {@code message}, or empty if it is not a maintenance message this class handles. */
    public Optional<List<IsupMessage>> handle(IsupMessage message) {
        int cic = message.cic();
        IsupMessageType type = message.type();
        if (type.equals(IsupMessageType.BLO)) {
            pool.block(cic, Blocking.REMOTELY_MAINTENANCE);
            return reply(IsupMessageType.BLA, cic, IsupParameters.empty());
        }
        if (type.equals(IsupMessageType.UBL)) {
            pool.unblock(cic, Blocking.REMOTELY_MAINTENANCE);
            return reply(IsupMessageType.UBA, cic, IsupParameters.empty());
        }
        if (type.equals(IsupMessageType.CGB) || type.equals(IsupMessageType.CGU)) {
            boolean block = type.equals(IsupMessageType.CGB);
            Blocking kind =
                    firstOctet(message, ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE) % 4 == HARDWARE_ORIENTED
                            ? Blocking.REMOTELY_HARDWARE
                            : Blocking.REMOTELY_MAINTENANCE;
            byte[] rs = message.parameters()
                    .get(ParameterCode.RANGE_AND_STATUS)
                    .map(IsupParameter::value)
                    .orElse(new byte[] {0});
            int range = rs[0] & 0xFF;
            for (int i = 0; i <= range; i++) {
                boolean marked = rs.length > 1 + i / 8 && (rs[1 + i / 8] & (1 << (i % 8))) != 0;
                if (marked && pool.group().contains(cic + i)) {
                    if (block) {
                        pool.block(cic + i, kind);
                    } else {
                        pool.unblock(cic + i, kind);
                    }
                }
            }
            return reply(block ? IsupMessageType.CGBA : IsupMessageType.CGUA, cic, message.parameters());
        }
        if (type.equals(IsupMessageType.CQM)) {
            int range = firstOctet(message, ParameterCode.RANGE_AND_STATUS);
            List<Integer> states = new ArrayList<>();
            for (int i = 0; i <= range; i++) {
                states.add(circuitStateIndicator(cic + i));
            }
            byte[] csi = new byte[states.size()];
            for (int i = 0; i < csi.length; i++) {
                csi[i] = (byte) (int) states.get(i);
            }
            return reply(
                    IsupMessageType.CQR,
                    cic,
                    IsupParameters.of(
                            IsupParameter.of(ParameterCode.RANGE_AND_STATUS, range),
                            new IsupParameter(ParameterCode.CIRCUIT_STATE_INDICATOR, csi)));
        }
        return Optional.empty();
    }

    /**
     * Q.763 3.14 circuit state indicator: bits BA call processing (01 incoming busy, 10 outgoing busy, 11 idle),
     * bits DC maintenance blocking (00 none, 01 locally, 10 remotely, 11 both); 00000011 with DC=00 and BA=00 would
     * be "transient", 0x03 unequipped is not used here since unequipped CICs get no row.
     */
    int circuitStateIndicator(int cic) {
        if (!pool.group().contains(cic)) {
            return 0x03;
        }
        CallState state = stateOf.apply(cic);
        int ba = switch (state) {
            case IDLE -> 0b11;
            case AWAIT_ADDRESS_COMPLETE, AWAIT_ANSWER -> 0b10;
            default -> 0b01;
        };
        boolean local = pool.blocking(cic).contains(Blocking.LOCALLY_MAINTENANCE)
                || pool.blocking(cic).contains(Blocking.LOCALLY_HARDWARE);
        boolean remote = pool.blocking(cic).contains(Blocking.REMOTELY_MAINTENANCE)
                || pool.blocking(cic).contains(Blocking.REMOTELY_HARDWARE);
        int dc = (local ? 0b01 : 0) | (remote ? 0b10 : 0);
        return (dc << 2) | ba;
    }

    private static Optional<List<IsupMessage>> reply(IsupMessageType type, int cic, IsupParameters parameters) {
        return Optional.of(List.of(IsupMessage.of(type, cic, parameters)));
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
