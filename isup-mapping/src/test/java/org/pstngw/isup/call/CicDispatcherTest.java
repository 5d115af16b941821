package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pstngw.isup.call.ControlHarness.now;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.maintenance.CircuitStateIndicator;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/** Two circuit groups on one link: each gets its own CICs, nobody answers the other's CICs with UCIC. */
class CicDispatcherTest {

    private final ControlHarness link = new ControlHarness(1);
    private final List<String> heard = new ArrayList<>();
    private final CicDispatcher dispatcher = new CicDispatcher(link, IsupVariant.ITU);
    private final IsupCallControl low = control("low", 1);
    private final IsupCallControl high = control("high", 17);

    private IsupCallControl control(String name, int firstCic) {
        IsupCallControl c = IsupCallControl.builder(
                        link, CircuitGroup.contiguous(name, ControlHarness.REMOTE_PC, firstCic, 15, "e1", firstCic))
                .scheduler(link.scheduler)
                .executor(Runnable::run)
                .listener(new IsupCallListener() {
                    @Override
                    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                        heard.add(name + ":" + cic + ":" + what);
                    }

                    @Override
                    public void onReattempt(int fromCic, SetupResult result) {}
                })
                .build();
        dispatcher.add(c);
        for (IsupMessage m : List.copyOf(link.sent)) {
            if (m.type().equals(IsupMessageType.GRS)) {
                receive(IsupMessages.gra(
                        m.cic(),
                        RangeAndStatus.of(m.rangeAndStatus().orElseThrow().range())));
            }
        }
        link.sent.clear();
        return c;
    }

    private void receive(IsupMessage m) {
        dispatcher.onPdu(new IsupPdu(
                ControlHarness.REMOTE_PC,
                ControlHarness.OWN_PC,
                0,
                2,
                IsupCodec.encode(m, IsupVariant.ITU).orElseThrow()));
    }

    @Test
    void eachGroupGetsItsCicsAndUnknownCicsGetOneUcic() {
        receive(IsupMessage.of(IsupMessageType.IAM, 3, ControlHarness.IAM));
        receive(IsupMessage.of(IsupMessageType.IAM, 20, ControlHarness.IAM));
        receive(IsupMessage.of(IsupMessageType.IAM, 16, ControlHarness.IAM));
        receive(IsupMessages.bare(IsupMessageType.UCIC, 40));

        assertThat(heard).containsExactly("low:3:NOTIFY_INCOMING_CALL", "high:20:NOTIFY_INCOMING_CALL");
        assertThat(link.sentTypes()).containsExactly(IsupMessageType.UCIC);
        assertThat(link.sent.getFirst().cic()).isEqualTo(16);
        assertThat(dispatcher.control("high")).isSameAs(high);
    }

    @Test
    void destinationStateReachesEveryGroup() {
        dispatcher.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.UNAVAILABLE);
        assertThat(now(low.setup(ControlHarness.IAM))).isEqualTo(new SetupResult.Refused(34));
        assertThat(now(high.setup(ControlHarness.IAM))).isEqualTo(new SetupResult.Refused(34));
    }

    @Test
    void ansiCicsAboveTheItuRangeReachTheirGroup() {
        ControlHarness ansiLink = new ControlHarness(1);
        CicDispatcher ansi = new CicDispatcher(ansiLink, IsupVariant.ANSI);
        List<String> ansiHeard = new ArrayList<>();
        IsupCallControl wide = IsupCallControl.builder(
                        ansiLink, CircuitGroup.contiguous("wide", ControlHarness.REMOTE_PC, 16_000, 24, "t1", 1))
                .settings(CallControlSettings.defaults().withVariant(IsupVariant.ANSI))
                .scheduler(ansiLink.scheduler)
                .executor(Runnable::run)
                .listener(new IsupCallListener() {
                    @Override
                    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                        ansiHeard.add(cic + ":" + what);
                    }

                    @Override
                    public void onReattempt(int fromCic, SetupResult result) {}
                })
                .build();
        ansi.add(wide);
        ansiLink.pdus.clear();
        ansiLink.variant = IsupVariant.ANSI;

        ansi.onPdu(new IsupPdu(
                ControlHarness.REMOTE_PC,
                ControlHarness.OWN_PC,
                0,
                2,
                IsupCodec.encode(IsupMessages.bare(IsupMessageType.RSC, 16_005), IsupVariant.ANSI)
                        .orElseThrow()));

        assertThat(ansiLink.pdus).hasSize(1);
        IsupPdu rlc = ansiLink.pdus.getFirst();
        assertThat(rlc.messageType()).isEqualTo(IsupMessageType.RLC.code());
        assertThat(rlc.cic(IsupVariant.ANSI)).isEqualTo(16_005);
        assertThat(ansiHeard).isEmpty();
    }

    private IsupMessage onlySent() {
        assertThat(link.sent).hasSize(1);
        return link.sent.getFirst();
    }

    /** Q.764 2.9.3.2: one GRA for one GRS, whichever of our groups its range reaches. */
    @Test
    void aGroupResetOverTwoGroupsResetsBothAndIsAnsweredWithOneGra() {
        receive(IsupMessage.of(IsupMessageType.IAM, 11, ControlHarness.IAM));
        receive(IsupMessage.of(IsupMessageType.IAM, 17, ControlHarness.IAM));
        now(low.maintenance().block(12));
        receive(IsupMessages.bare(IsupMessageType.BLA, 12));
        now(high.maintenance().block(18));
        receive(IsupMessages.bare(IsupMessageType.BLA, 18));
        link.sent.clear();
        heard.clear();

        receive(IsupMessages.range(IsupMessageType.GRS, 10, 9));

        IsupMessage gra = onlySent();
        assertThat(gra.type()).isEqualTo(IsupMessageType.GRA);
        assertThat(gra.cic()).isEqualTo(10);
        boolean[] blocked = new boolean[10];
        blocked[2] = true; // CIC 12
        blocked[8] = true; // CIC 18
        assertThat(gra.rangeAndStatus()).contains(RangeAndStatus.of(9, blocked));
        assertThat(heard).containsExactlyInAnyOrder("low:11:NOTIFY_RELEASED", "high:17:NOTIFY_RELEASED");
        assertThat(now(low.state(11))).isEqualTo(CallState.IDLE);
        assertThat(now(high.state(17))).isEqualTo(CallState.IDLE);
        assertThat(now(low.maintenance().blocking(11))).isEmpty();
        assertThat(now(high.maintenance().blocking(19))).isEmpty();
    }

    /** One CQR for one CQM; the CIC between the groups, which neither has, is unequipped (Q.763 3.14). */
    @Test
    void aQueryOverTwoGroupsIsAnsweredWithOneCqr() {
        receive(IsupMessage.of(IsupMessageType.IAM, 17, ControlHarness.IAM));
        link.sent.clear();

        receive(IsupMessages.range(IsupMessageType.CQM, 14, 4));

        IsupMessage cqr = onlySent();
        assertThat(cqr.type()).isEqualTo(IsupMessageType.CQR);
        assertThat(cqr.cic()).isEqualTo(14);
        assertThat(cqr.parameters()
                        .get(ParameterCode.CIRCUIT_STATE_INDICATOR)
                        .orElseThrow()
                        .value())
                .containsExactly(0x0C, 0x0C, CircuitStateIndicator.UNEQUIPPED, 0x04, 0x0C);
    }

    /** One CGBA for one CGB: the circuits of both groups blocked, the unequipped one left out of the acknowledgement. */
    @Test
    void groupBlockingOverTwoGroupsIsAcknowledgedOnce() {
        link.sent.clear();
        receive(IsupMessages.circuitGroup(IsupMessageType.CGB, 14, 0, RangeAndStatus.of(3, true, true, true, true)));

        IsupMessage cgba = onlySent();
        assertThat(cgba.type()).isEqualTo(IsupMessageType.CGBA);
        assertThat(cgba.rangeAndStatus()).contains(RangeAndStatus.of(3, true, true, false, true));
        assertThat(now(low.maintenance().available())).isEqualTo(13);
        assertThat(now(high.maintenance().available())).isEqualTo(14);
    }

    @Test
    void aGroupMessageWithinOneGroupStaysWithItAndOneOutsideEveryGroupGetsUcic() {
        link.sent.clear();
        receive(IsupMessages.range(IsupMessageType.GRS, 1, 4));
        assertThat(onlySent().type()).isEqualTo(IsupMessageType.GRA);

        link.sent.clear();
        receive(IsupMessages.range(IsupMessageType.GRS, 40, 4));
        assertThat(onlySent().type()).isEqualTo(IsupMessageType.UCIC);
    }

    @Test
    void overlappingGroupsAreRejected() {
        assertThatThrownBy(() -> control("overlap", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
