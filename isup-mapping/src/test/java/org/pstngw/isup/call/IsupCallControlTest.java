package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;

/** Call control over a capturing fake link (unit-test seam), on the calling thread and a manual clock. */
class IsupCallControlTest {

    private static final int OWN_PC = 1;
    private static final int REMOTE_PC = 2;

    private static final IsupParameters IAM = ((DecodeResult.Decoded)
                    IsupCodec.decode(org.pstngw.isup.sim.IsupBytes.iam(1, "5"), IsupVariant.ITU))
            .message()
            .parameters();

    private final List<IsupMessage> sent = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private DestinationState destination = DestinationState.AVAILABLE;

    private final IsupLink link = new IsupLink() {
        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public boolean send(IsupPdu pdu) {
            DecodeResult r = IsupCodec.decode(pdu.payload(), IsupVariant.ITU);
            sent.add(((DecodeResult.Decoded) r).message());
            return destination.canSend();
        }

        @Override
        public void setListener(Listener listener) {}

        @Override
        public DestinationState state(int dpc) {
            return destination;
        }

        @Override
        public int ownPointCode() {
            return OWN_PC;
        }
    };

    private final ManualScheduler scheduler = new ManualScheduler();
    private final IsupCallControl control = new IsupCallControl(
            link,
            new CircuitPool(new CircuitGroup("g", REMOTE_PC, 1, 2, 0, 1), OWN_PC),
            HuntingStrategy.SEQUENTIAL_UP,
            IsupTimers.q764Defaults(),
            scheduler,
            Runnable::run,
            (cic, what, cause, message) -> heard.add(cic + ":" + what + ":" + cause));

    private void receive(IsupMessageType type, int cic, IsupParameter... params) {
        IsupParameters p = type.equals(IsupMessageType.IAM) ? IAM : IsupParameters.of(params);
        byte[] payload =
                IsupCodec.encode(IsupMessage.of(type, cic, p), IsupVariant.ITU).orElseThrow();
        control.onPdu(new IsupPdu(REMOTE_PC, OWN_PC, 0, 2, payload));
    }

    private List<IsupMessageType> sentTypes() {
        return sent.stream().map(IsupMessage::type).toList();
    }

    @Test
    void dualSeizureOnAnOddCicIsWonByTheLowerPointCode() {
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Started(1));
        receive(IsupMessageType.IAM, 1);
        assertThat(control.state(1)).isEqualTo(CallState.AWAIT_ADDRESS_COMPLETE);
        assertThat(heard).isEmpty();
    }

    @Test
    void dualSeizureOnAnEvenCicIsLostAndTheApplicationReattempts() {
        control.setup(IAM);
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Started(2));
        receive(IsupMessageType.IAM, 2);
        assertThat(control.state(2)).isEqualTo(CallState.INCOMING_SEIZED);
        assertThat(heard).containsExactly("2:NOTIFY_REATTEMPT:0", "2:NOTIFY_INCOMING_CALL:0");
    }

    @Test
    void noFreeCircuitOrUnreachableDestinationIsRefusedWith34() {
        control.setup(IAM);
        control.setup(IAM);
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Refused(34));

        control.onDestinationState(REMOTE_PC, DestinationState.UNAVAILABLE);
        assertThat(heard).containsExactly("1:NOTIFY_RELEASED:38", "2:NOTIFY_RELEASED:38");
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Refused(34));

        sent.clear();
        control.onDestinationState(REMOTE_PC, DestinationState.AVAILABLE);
        assertThat(sentTypes()).containsExactly(IsupMessageType.GRS);
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Started(1));
    }

    @Test
    void unequippedCicGetsUcicAndGroupResetIsAcknowledged() {
        receive(IsupMessageType.IAM, 9);
        receive(IsupMessageType.IAM, 1);
        receive(IsupMessageType.GRS, 1, IsupParameter.of(ParameterCode.RANGE_AND_STATUS, 1));

        assertThat(sentTypes()).containsExactly(IsupMessageType.UCIC, IsupMessageType.GRA);
        assertThat(sent.get(0).cic()).isEqualTo(9);
        assertThat(control.state(1)).isEqualTo(CallState.IDLE);
        assertThat(heard).containsExactly("1:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_RELEASED:41");
    }

    @Test
    void iamTheCodecCannotEncodeIsRefusedWithoutSeizingACircuit() {
        assertThat(control.setup(IsupParameters.empty()))
                .isEqualTo(new IsupCallControl.SetupResult.Refused(IsupCallControl.PROTOCOL_ERROR));
        assertThat(sent).isEmpty();
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Started(1));
    }

    @Test
    void unrecognisedMessageIsAnsweredWithConfusionCause97() {
        control.onPdu(new IsupPdu(REMOTE_PC, OWN_PC, 0, 2, new byte[] {1, 0, (byte) 0xE5, 0}));

        assertThat(sentTypes()).containsExactly(IsupMessageType.CFN);
        assertThat(sent.get(0).causeIndicators().orElseThrow().cause().code()).isEqualTo(97);
        assertThat(control.state(1)).isEqualTo(CallState.IDLE);
    }

    @Test
    void t7ExpirySendsRelWithCause102AndTheCircuitComesBackAfterRlc() {
        control.setup(IAM);
        scheduler.advance(java.time.Duration.ofSeconds(30));
        assertThat(sentTypes()).containsExactly(IsupMessageType.IAM, IsupMessageType.REL);
        assertThat(sent.get(1).causeIndicators().orElseThrow().cause().code()).isEqualTo(102);
        receive(IsupMessageType.RLC, 1);
        assertThat(control.state(1)).isEqualTo(CallState.IDLE);
        assertThat(control.setup(IAM)).isEqualTo(new IsupCallControl.SetupResult.Started(1));
    }
}
