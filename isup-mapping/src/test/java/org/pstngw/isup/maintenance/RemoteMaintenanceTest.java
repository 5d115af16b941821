package org.pstngw.isup.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;

class RemoteMaintenanceTest {

    private final CircuitPool pool = new CircuitPool(new CircuitGroup("g", 2, 1, 8, 0, 1), 1);
    private final Map<Integer, CallState> states = new HashMap<>();
    private final RemoteMaintenance maintenance =
            new RemoteMaintenance(pool, cic -> states.getOrDefault(cic, CallState.IDLE));

    private List<IsupMessage> handle(IsupMessageType type, int cic, IsupParameter... params) {
        return maintenance
                .handle(IsupMessage.of(type, cic, IsupParameters.of(params)))
                .orElseThrow();
    }

    @Test
    void bloBlocksAndIsAcknowledgedUblUnblocks() {
        assertThat(handle(IsupMessageType.BLO, 1)).extracting(IsupMessage::type).containsExactly(IsupMessageType.BLA);
        assertThat(pool.blocking(1)).containsExactly(Blocking.REMOTELY_MAINTENANCE);
        assertThat(pool.seize(HuntingStrategy.SEQUENTIAL_UP)).hasValue(2);

        assertThat(handle(IsupMessageType.UBL, 1)).extracting(IsupMessage::type).containsExactly(IsupMessageType.UBA);
        assertThat(pool.blocking(1)).isEmpty();
    }

    @Test
    void hardwareOrientedGroupBlockingMarksOnlyTheCircuitsInTheStatusField() {
        IsupParameter hardware = IsupParameter.of(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE, 1);
        IsupParameter range = IsupParameter.of(ParameterCode.RANGE_AND_STATUS, 3, 0b0101);

        List<IsupMessage> replies = handle(IsupMessageType.CGB, 1, hardware, range);

        assertThat(replies).extracting(IsupMessage::type).containsExactly(IsupMessageType.CGBA);
        assertThat(replies.getFirst().parameters().get(ParameterCode.RANGE_AND_STATUS))
                .contains(range);
        assertThat(pool.blocking(1)).containsExactly(Blocking.REMOTELY_HARDWARE);
        assertThat(pool.blocking(2)).isEmpty();
        assertThat(pool.blocking(3)).containsExactly(Blocking.REMOTELY_HARDWARE);
        assertThat(pool.available()).isEqualTo(6);

        assertThat(handle(IsupMessageType.CGU, 1, hardware, range))
                .extracting(IsupMessage::type)
                .containsExactly(IsupMessageType.CGUA);
        assertThat(pool.available()).isEqualTo(8);
    }

    @Test
    void circuitQueryReportsCallAndBlockingStates() {
        states.put(2, CallState.AWAIT_ANSWER);
        states.put(3, CallState.ANSWERED);
        pool.block(4, Blocking.REMOTELY_MAINTENANCE);
        pool.block(4, Blocking.LOCALLY_MAINTENANCE);

        List<IsupMessage> replies = handle(IsupMessageType.CQM, 1, IsupParameter.of(ParameterCode.RANGE_AND_STATUS, 3));

        assertThat(replies.getFirst().type()).isEqualTo(IsupMessageType.CQR);
        assertThat(replies.getFirst()
                        .parameters()
                        .get(ParameterCode.CIRCUIT_STATE_INDICATOR)
                        .orElseThrow()
                        .value())
                .containsExactly(0b0011, 0b0010, 0b0001, 0b1111);
    }

    @Test
    void callControlMessagesAreNotMaintenance() {
        assertThat(maintenance.handle(IsupMessage.of(IsupMessageType.IAM, 1, IsupParameters.empty())))
                .isEmpty();
    }
}
