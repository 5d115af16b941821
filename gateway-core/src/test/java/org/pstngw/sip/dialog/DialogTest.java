package org.pstngw.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.Uri;

class DialogTest {

    private static final DialogId ID = new DialogId("call-1", "local", "remote");
    private static final NameAddr GW = NameAddr.parse("<sip:gw@a>;tag=local");
    private static final NameAddr PBX = NameAddr.parse("\"PBX\" <sip:pbx@b>;tag=remote");
    private static final List<NameAddr> ROUTES = List.of(NameAddr.parse("<sip:p1;lr>"), NameAddr.parse("<sip:p2;lr>"));

    @Test
    void uasKeepsRecordRouteOrderAndTakesTheRequestCseqAsRemote() {
        Dialog d = Dialog.asUas(ID, GW, PBX, Uri.parse("sip:pbx@10.0.0.2"), ROUTES, 5, false, true);
        assertThat(d.routeSet()).extracting(r -> r.uri().raw()).containsExactly("sip:p1;lr", "sip:p2;lr");
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
    void localAndRemoteUrisDropTheirTagsTheIdHoldsThem() {
        Dialog d = Dialog.asUas(ID, GW, PBX, Uri.parse("sip:pbx@10.0.0.2"), List.of(), 1, true, false);
        assertThat(d.localUri().tag()).isNull();
        assertThat(d.remoteUri().tag()).isNull();
        assertThat(d.remoteUri().toString()).isEqualTo("\"PBX\" <sip:pbx@b>");
        assertThat(d.secure()).isTrue();
    }

    @Test
    void uacReversesRecordRouteAndContinuesItsOwnCseq() {
        Dialog d = Dialog.asUac(ID, GW, PBX, Uri.parse("sip:pbx@10.0.0.2"), ROUTES, 1, false, false);
        assertThat(d.routeSet()).extracting(r -> r.uri().raw()).containsExactly("sip:p2;lr", "sip:p1;lr");
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.nextLocalCseq()).isEqualTo(2);
        assertThat(d.acceptRemoteCseq(1))
                .as("first remote request sets the remote sequence")
                .isTrue();
        assertThat(d.acceptRemoteCseq(1)).isTrue();
    }

    @Test
    void targetRefreshReplacesTheRemoteTargetAndTerminationIsFinal() {
        Dialog d = Dialog.asUac(ID, GW, PBX, Uri.parse("sip:old@x"), List.of(), 1, false, true);
        d.refreshTarget(Uri.parse("sip:new@y"));
        d.refreshTarget(null);
        assertThat(d.remoteTarget().raw()).isEqualTo("sip:new@y");
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
