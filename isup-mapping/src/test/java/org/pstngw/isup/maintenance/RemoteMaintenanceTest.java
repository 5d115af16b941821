package org.pstngw.isup.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import org.junit.jupiter.api.Test;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.ControlHarness;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/** The other exchange's maintenance messages, through a real call control over a capturing link. */
class RemoteMaintenanceTest {

    private final ControlHarness h = new ControlHarness(8);

    @Test
    void bloBlocksAndIsAcknowledgedUblUnblocks() {
        h.receive(IsupMessageType.BLO, 1);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.BLA);
        assertThat(now(h.control.maintenance().blocking(1))).containsExactly(Blocking.REMOTELY_MAINTENANCE);
        assertThat(h.setup()).isEqualTo(new org.pstngw.isup.call.SetupResult.Started(2));

        h.receive(IsupMessageType.UBL, 1);
        assertThat(h.sentTypes()).endsWith(IsupMessageType.UBA);
        assertThat(now(h.control.maintenance().blocking(1))).isEmpty();
    }

    @Test
    void bloWhileOurIamAwaitsItsFirstBackwardMessageReleasesAndReattempts() {
        h.setup();
        h.receive(IsupMessageType.BLO, 1);
        assertThat(h.sentTypes())
                .containsExactly(IsupMessageType.IAM, IsupMessageType.BLA, IsupMessageType.REL, IsupMessageType.IAM);
        assertThat(h.sent.get(3).cic()).isEqualTo(2);
        assertThat(h.heard).containsExactly("1:REATTEMPT:" + new org.pstngw.isup.call.SetupResult.Started(2));
    }

    @Test
    void hardwareOrientedGroupBlockingMarksOnlyTheStatusBitsAndReleasesTheirCalls() {
        h.receive(IsupMessageType.IAM, 3);
        h.sent.clear();
        RangeAndStatus bits = RangeAndStatus.of(3, true, false, true, false);

        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 1, 1, bits));

        IsupMessage cgba = h.lastSent(IsupMessageType.CGBA);
        assertThat(cgba.rangeAndStatus()).contains(bits);
        assertThat(cgba.parameters().get(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE))
                .contains(IsupParameter.of(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE, 1));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGBA);
        assertThat(h.heard).containsExactly("3:NOTIFY_INCOMING_CALL:0", "3:NOTIFY_RELEASED:41");
        assertThat(h.callState(3)).isEqualTo(CallState.IDLE);
        assertThat(now(h.control.maintenance().blocking(1))).containsExactly(Blocking.REMOTELY_HARDWARE);
        assertThat(now(h.control.maintenance().blocking(2))).isEmpty();
        assertThat(now(h.control.maintenance().available())).isEqualTo(6);

        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGU, 1, 1, bits));
        assertThat(h.lastSent(IsupMessageType.CGUA).rangeAndStatus()).contains(bits);
        assertThat(now(h.control.maintenance().available())).isEqualTo(8);
    }

    @Test
    void groupMessagesWithAReservedRangeOrSupervisionTypeAreDiscarded() {
        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 1, 0, RangeAndStatus.of(0, true)));
        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 1, 2, RangeAndStatus.of(1, true, true)));
        h.receive(IsupMessages.range(IsupMessageType.CQM, 1, 32));
        assertThat(h.sent).isEmpty();
        assertThat(now(h.control.maintenance().available())).isEqualTo(8);
    }

    /**
     * Q.763 3.14 circuit state indicator, one octet per circuit: bits BA maintenance blocking (00 none, 01 local, 10
     * remote, 11 both), DC call processing (01 incoming busy, 10 outgoing busy, 11 idle; 00 with BA 00 transient,
     * with BA 11 unequipped), FE hardware blocking (as BA; DC then 11).
     */
    @Test
    void circuitQueryReportsTheStandardsCodes() {
        h.setup(); // CIC 1: IAM sent, no backward message: transient
        h.setup(); // CIC 2: outgoing busy after ACM
        h.receive(IsupMessages.acm(2, new BackwardCallIndicators(0)));
        h.receive(IsupMessageType.IAM, 3); // CIC 3: incoming busy
        h.receive(IsupMessageType.BLO, 4); // CIC 4: remotely and locally blocked, idle
        now(h.control.maintenance().block(4));
        h.receive(IsupMessageType.BLA, 4);
        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 5, 1, RangeAndStatus.of(1, true, false)));
        now(h.control.maintenance().block(7)); // CIC 7: BLO sent, BLA awaited: transient
        h.sent.clear();

        h.receive(IsupMessages.range(IsupMessageType.CQM, 1, 8)); // CICs 1..9; 9 is not ours

        IsupMessage cqr = h.lastSent(IsupMessageType.CQR);
        assertThat(cqr.rangeAndStatus().orElseThrow().range()).isEqualTo(8);
        assertThat(cqr.parameters()
                        .get(ParameterCode.CIRCUIT_STATE_INDICATOR)
                        .orElseThrow()
                        .value())
                .containsExactly(0x00, 0x08, 0x04, 0x0F, 0x2C, 0x0C, 0x00, 0x0C, 0x03);
    }

    @Test
    void anIamOnACircuitTheOtherSideBlockedUnblocksItAndIsAccepted() {
        h.receive(IsupMessageType.BLO, 1);
        h.receive(IsupMessageType.IAM, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(now(h.control.maintenance().blocking(1))).isEmpty();
    }
}
