package org.pstngw.isup.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.ControlHarness;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.call.SetupResult;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.sipi.isup.CallingPartyCategory;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/** Blocking we start (Q.764 2.8, 2.8.2.3, 2.9.4), through a real call control over a capturing link and a manual clock. */
class LocalBlockingTest {

    private final ControlHarness h = new ControlHarness(4);

    @Test
    void blockStopsHuntingAtOnceAndUnblockOnlyWhenUbaArrives() {
        assertThat(now(h.control.maintenance().block(1))).isTrue();
        assertThat(now(h.control.maintenance().block(1))).isFalse();
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.BLO);
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(2));

        h.receive(IsupMessageType.BLA, 1);
        assertThat(now(h.control.maintenance().localBlockingState(1))).isEqualTo(LocalBlocking.State.BLOCKED);
        assertThat(now(h.control.maintenance().unblock(1))).isTrue();
        assertThat(h.sentTypes()).endsWith(IsupMessageType.UBL);
        assertThat(now(h.control.maintenance().blocking(1))).containsExactly(Blocking.LOCALLY_MAINTENANCE);

        h.receive(IsupMessageType.UBA, 1);
        assertThat(now(h.control.maintenance().blocking(1))).isEmpty();
        assertThat(h.setup()).isEqualTo(new SetupResult.Started(1));
    }

    @Test
    void unacknowledgedBloIsRepeatedAtT12AndAtT13WithAnAlertThenOnlyEveryT13() {
        now(h.control.maintenance().block(1));
        h.scheduler.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(h.sentTypes()).hasSize(20).containsOnly(IsupMessageType.BLO);
        assertThat(h.alerts).isEmpty();
        h.scheduler.advance(Duration.ofMillis(1));
        assertThat(h.sentTypes()).hasSize(21);
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.NO_BLOCKING_ACKNOWLEDGEMENT);
        h.scheduler.advance(Duration.ofMinutes(5));
        assertThat(h.sentTypes()).hasSize(22);
        h.receive(IsupMessageType.BLA, 1);
        h.scheduler.advance(Duration.ofHours(1));
        assertThat(h.sentTypes()).hasSize(22);
    }

    @Test
    void unexpectedAcknowledgementsAreAnsweredAsQ764Says() {
        h.receive(IsupMessageType.BLA, 1);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.UBL);
        now(h.control.maintenance().block(2));
        h.receive(IsupMessageType.BLA, 2);
        h.receive(IsupMessageType.UBA, 2);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.UBL, IsupMessageType.BLO, IsupMessageType.BLO);
        h.receive(IsupMessageType.UBA, 3);
        assertThat(h.sent).hasSize(3);
    }

    @Test
    void anIamOnACircuitWeBlockIsDiscardedAndTheBlockingAnnouncedAgainButATestCallIsAccepted() {
        now(h.control.maintenance().block(1));
        h.receive(IsupMessageType.BLA, 1);
        h.receive(IsupMessageType.IAM, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.BLO, IsupMessageType.BLO);
        assertThat(h.heard).isEmpty();

        IsupMessage testCall = IsupMessage.of(
                IsupMessageType.IAM,
                1,
                ControlHarness.IAM.with(
                        IsupParameter.of(ParameterCode.CALLING_PARTYS_CATEGORY, CallingPartyCategory.TEST.encode())));
        h.receive(IsupMessageType.BLA, 1);
        h.receive(testCall);
        assertThat(h.callState(1)).isEqualTo(CallState.INCOMING_SEIZED);
    }

    @Test
    void hardwareGroupBlockingReleasesCallsBothWaysWithoutRelAndCguaReturnsTheCircuits() {
        h.setup(); // CIC 1 outgoing
        h.receive(IsupMessageType.IAM, 2); // CIC 2 incoming
        h.sent.clear();

        assertThat(now(h.control.maintenance().blockGroup(1, 3, true))).isEqualTo(3);

        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGB);
        IsupMessage cgb = h.sent.getFirst();
        assertThat(cgb.rangeAndStatus()).contains(RangeAndStatus.of(2, true, true, true));
        assertThat(h.heard).containsExactly("2:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_RELEASED:41", "2:NOTIFY_RELEASED:41");
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(now(h.control.maintenance().available())).isEqualTo(1);

        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGBA, 1, 1, RangeAndStatus.of(2, true, true, true)));
        assertThat(now(h.control.maintenance().hardwareBlockingState(3))).isEqualTo(LocalBlocking.State.BLOCKED);
        assertThat(now(h.control.maintenance().unblockGroup(1, 3, true))).isEqualTo(3);
        assertThat(now(h.control.maintenance().available())).isEqualTo(1);
        h.receive(IsupMessages.circuitGroup(IsupMessageType.CGUA, 1, 1, RangeAndStatus.of(2, true, true, true)));
        assertThat(now(h.control.maintenance().available())).isEqualTo(4);
    }

    private static IsupMessage ack(IsupMessageType type, int cic, int supervision, boolean... bits) {
        return IsupMessages.circuitGroup(type, cic, supervision, RangeAndStatus.of(bits.length - 1, bits));
    }

    /** Q.764 2.8.2.3: the CGB is repeated for the circuits its CGBA left out, and maintenance is alerted. */
    @Test
    void circuitsACgbaLeavesOutAreAskedForAgain() {
        now(h.control.maintenance().blockGroup(1, 3, false));
        h.sent.clear();

        h.receive(ack(IsupMessageType.CGBA, 1, 0, true, false, true));

        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.GROUP_BLOCKING_MISMATCH);
        assertThat(now(h.control.maintenance().localBlockingState(1))).isEqualTo(LocalBlocking.State.BLOCKED);
        assertThat(now(h.control.maintenance().localBlockingState(2))).isEqualTo(LocalBlocking.State.BLOCKING);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGB);
        assertThat(h.sent.getFirst().cic()).isEqualTo(1);
        assertThat(h.sent.getFirst().rangeAndStatus()).contains(RangeAndStatus.of(2, false, true, false));

        h.receive(ack(IsupMessageType.CGBA, 1, 0, false, true, false));
        assertThat(now(h.control.maintenance().localBlockingState(2))).isEqualTo(LocalBlocking.State.BLOCKED);
        h.scheduler.advance(Duration.ofMinutes(30));
        assertThat(h.sent).as("nothing left to repeat").hasSize(1);
    }

    /** Q.764 2.8.2.3: a CGBA that also says blocked a circuit we did not ask for gets a CGU for it. */
    @Test
    void aCircuitACgbaBlocksWithoutBeingAskedIsUnblocked() {
        now(h.control.maintenance().blockGroup(4, 1, true)); // CGB on 3-4, bit for 4 only
        h.sent.clear();

        h.receive(ack(IsupMessageType.CGBA, 3, 1, true, true));

        assertThat(now(h.control.maintenance().hardwareBlockingState(4))).isEqualTo(LocalBlocking.State.BLOCKED);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGU);
        IsupMessage cgu = h.sent.getFirst();
        assertThat(cgu.cic()).isEqualTo(3);
        assertThat(cgu.rangeAndStatus()).contains(RangeAndStatus.of(1, true, false));
        assertThat(supervision(cgu)).isEqualTo(LocalBlocking.HARDWARE_ORIENTED);
        assertThat(now(h.control.maintenance().blocking(3)))
                .as("never blocked here")
                .isEmpty();

        h.receive(ack(IsupMessageType.CGUA, 3, 1, true, false));
        h.scheduler.advance(Duration.ofMinutes(30));
        assertThat(h.sent).as("the CGU was acknowledged").hasSize(1);
    }

    /** Q.764 2.8.2.3: the CGU is repeated for what its CGUA left out; a circuit it unblocks unasked is blocked. */
    @Test
    void aCguaForOtherCircuitsIsAnsweredLikeACgba() {
        now(h.control.maintenance().blockGroup(1, 4, true));
        h.receive(ack(IsupMessageType.CGBA, 1, 1, true, true, true, true));
        now(h.control.maintenance().unblockGroup(4, 1, true)); // CGU on 3-4, bit for 4 only
        h.sent.clear();

        h.receive(ack(IsupMessageType.CGUA, 3, 1, true, false));

        assertThat(now(h.control.maintenance().hardwareBlockingState(4))).isEqualTo(LocalBlocking.State.UNBLOCKING);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGU, IsupMessageType.CGB);
        assertThat(h.sent.get(0).rangeAndStatus()).contains(RangeAndStatus.of(1, false, true));
        assertThat(h.sent.get(1).rangeAndStatus()).contains(RangeAndStatus.of(1, true, false));
        assertThat(now(h.control.maintenance().hardwareBlockingState(3))).isEqualTo(LocalBlocking.State.BLOCKED);
    }

    /** Q.764 2.8.2.3: acknowledgements that answer nothing of ours are contradicted where they are wrong. */
    @Test
    void unsolicitedGroupAcknowledgementsAreContradictedWhereTheyAreWrong() {
        now(h.control.maintenance().block(2));
        h.receive(IsupMessageType.BLA, 2);
        h.sent.clear();

        h.receive(ack(IsupMessageType.CGBA, 1, 0, true, true, false));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGU);
        assertThat(h.sent.getFirst().rangeAndStatus()).contains(RangeAndStatus.of(2, true, false, false));

        h.receive(ack(IsupMessageType.CGUA, 1, 0, false, true, true));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGU, IsupMessageType.CGB);
        assertThat(h.lastSent(IsupMessageType.CGB).rangeAndStatus()).contains(RangeAndStatus.of(2, false, true, false));

        h.receive(ack(IsupMessageType.CGBA, 1, 3, true, true));
        assertThat(h.sent).as("an unknown supervision type is discarded").hasSize(2);
        assertThat(now(h.control.maintenance().localBlockingState(2))).isEqualTo(LocalBlocking.State.BLOCKED);
    }

    private static int supervision(IsupMessage m) {
        return m.parameters()
                .get(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE)
                .orElseThrow()
                .value()[0];
    }

    @Test
    void unacknowledgedCgbIsRepeatedAtT18AndAlertedAtT19() {
        now(h.control.maintenance().blockGroup(1, 4, false));
        h.scheduler.advance(Duration.ofSeconds(15));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CGB, IsupMessageType.CGB);
        h.scheduler.advance(Duration.ofMinutes(5).minusSeconds(15));
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.NO_GROUP_BLOCKING_ACKNOWLEDGEMENT);
    }

    @Test
    void groupBlockingOfManyCircuitsIsSplitInRangesOfAtMost32() {
        ControlHarness big = new ControlHarness(40);
        assertThat(now(big.control.maintenance().blockGroup(1, 33, false))).isEqualTo(33);
        assertThat(big.sent).extracting(IsupMessage::cic).containsExactly(1, 32);
        assertThat(big.sent)
                .extracting(m -> m.rangeAndStatus().orElseThrow().range())
                .containsExactly(30, 1);
    }

    @Test
    void aLoneCircuitIsBlockedForHardwareReasonsWithAGroupMessageOverANeighbour() {
        now(h.control.maintenance().blockGroup(4, 1, true));
        IsupMessage cgb = h.lastSent(IsupMessageType.CGB);
        assertThat(cgb.cic()).isEqualTo(3);
        assertThat(cgb.rangeAndStatus()).contains(RangeAndStatus.of(1, false, true));
        assertThat(now(h.control.maintenance().blocking(3))).isEmpty();
        assertThat(now(h.control.maintenance().blocking(4))).containsExactly(Blocking.LOCALLY_HARDWARE);
    }

    @Test
    void ourResetsRemoveTheFarEndsViewOfOurBlockingSoWeAnnounceItAgain() {
        now(h.control.maintenance().block(1));
        h.receive(IsupMessageType.BLA, 1);
        now(h.control.maintenance().blockGroup(3, 2, true));
        h.sent.clear();

        now(h.control.maintenance().resetCircuit(1));
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.RSC, IsupMessageType.BLO);

        h.sent.clear();
        now(h.control.resetGroup());
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.GRS, IsupMessageType.BLO, IsupMessageType.CGB);
        assertThat(h.lastSent(IsupMessageType.CGB).rangeAndStatus())
                .contains(RangeAndStatus.of(3, false, false, true, true));
    }
}
