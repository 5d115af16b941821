package org.pstngw.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogTest {

    private static final DialogId ID = new DialogId("call-1", "local", "remote");

    @Test
    void uasKeepsRecordRouteOrderAndTakesTheRequestCseqAsRemote() {
        Dialog d = Dialog.asUas(
                ID, "sip:gw@a", "sip:pbx@b", "sip:pbx@10.0.0.2", List.of("<sip:p1;lr>", "<sip:p2;lr>"), 5, false, true);
        assertThat(d.routeSet()).containsExactly("<sip:p1;lr>", "<sip:p2;lr>");
        assertThat(d.state()).isEqualTo(DialogState.EARLY);
        assertThat(d.acceptRemoteCseq(4)).as("lower CSeq gets 500").isFalse();
        assertThat(d.acceptRemoteCseq(6)).isTrue();
        assertThat(d.acceptRemoteCseq(5)).isFalse();
        assertThat(d.nextLocalCseq()).isEqualTo(1);
        assertThat(d.nextLocalCseq()).isEqualTo(2);
        d.confirm();
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
    }

    @Test
    void uacReversesRecordRouteAndContinuesItsOwnCseq() {
        Dialog d = Dialog.asUac(
                ID,
                "sip:gw@a",
                "sip:pbx@b",
                "sip:pbx@10.0.0.2",
                List.of("<sip:p1;lr>", "<sip:p2;lr>"),
                1,
                false,
                false);
        assertThat(d.routeSet()).containsExactly("<sip:p2;lr>", "<sip:p1;lr>");
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.nextLocalCseq()).isEqualTo(2);
        assertThat(d.acceptRemoteCseq(1))
                .as("first remote request sets the remote sequence")
                .isTrue();
        assertThat(d.acceptRemoteCseq(1)).isTrue();
    }

    @Test
    void targetRefreshReplacesTheRemoteTargetAndTerminationIsFinal() {
        Dialog d = Dialog.asUac(ID, "a", "b", "sip:old@x", List.of(), 1, false, true);
        d.refreshTarget("sip:new@y");
        d.refreshTarget(" ");
        assertThat(d.remoteTarget()).isEqualTo("sip:new@y");
        d.terminate();
        d.confirm();
        assertThat(d.state()).isEqualTo(DialogState.TERMINATED);
    }

    @Test
    void idsFromRequestsAndResponsesSwapTheTags() {
        assertThat(DialogId.ofReceivedRequest("c", "to", "from")).isEqualTo(new DialogId("c", "to", "from"));
        assertThat(DialogId.ofReceivedResponse("c", "from", "to")).isEqualTo(new DialogId("c", "from", "to"));
    }
}
