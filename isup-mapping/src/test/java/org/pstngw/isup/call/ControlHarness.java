package org.pstngw.isup.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.SendResult;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;

/**
 * Call control over a capturing link (the unit-test seam for the SS7 side), on the calling thread ({@code
 * Runnable::run} under the serial executor) and a manual clock: every stage is complete when the call returns.
 */
public final class ControlHarness implements IsupLink, IsupCallListener {

    public static final int OWN_PC = 1;
    public static final int REMOTE_PC = 2;

    /** A plain IAM to "5" (hand-built bytes decoded by our codec). */
    public static final IsupParameters IAM = ((DecodeResult.Decoded)
                    IsupCodec.decode(org.pstngw.isup.sim.IsupBytes.iam(1, "5"), IsupVariant.ITU))
            .message()
            .parameters();

    public final List<IsupMessage> sent = new ArrayList<>();
    public final List<IsupPdu> pdus = new ArrayList<>();
    public final List<String> heard = new ArrayList<>();
    public final List<IsupMessage> heardMessages = new ArrayList<>();
    public final List<String> alerts = new ArrayList<>();
    public final ManualScheduler scheduler = new ManualScheduler();
    public DestinationState destination = DestinationState.AVAILABLE;
    /** How {@link #sent} decodes what call control sends. */
    public IsupVariant variant = IsupVariant.ITU;
    /** Refuses the next sends with this reason (while {@link #refusals} lasts), as M3UA would with no route. */
    public SendResult.Reason refuseWith = SendResult.Reason.NO_ROUTE;

    public int refusals;
    /** The link's network indicator, which call control puts on what it sends. */
    public int networkIndicator = 2;

    public Runnable onEvent = () -> {};
    public final IsupCallControl control;

    public ControlHarness(CircuitGroup group, CallControlSettings settings, ContinuityTester tester) {
        IsupCallControl.Builder b = IsupCallControl.builder(this, group)
                .settings(settings)
                .scheduler(scheduler)
                .executor(Runnable::run)
                .listener(this);
        if (tester != null) {
            b.continuityTester(tester);
        }
        control = b.build();
        acknowledgeStartUpReset();
    }

    /** The start-up GRS (ranges of at most 32) answered with GRA, then forgotten: each test starts from idle circuits. */
    private void acknowledgeStartUpReset() {
        for (IsupMessage m : List.copyOf(sent)) {
            if (m.type().equals(IsupMessageType.GRS)) {
                receive(org.pstngw.sipi.isup.IsupMessages.gra(
                        m.cic(),
                        org.pstngw.sipi.isup.RangeAndStatus.of(
                                m.rangeAndStatus().orElseThrow().range())));
            } else if (m.type().equals(IsupMessageType.RSC)) {
                receive(org.pstngw.sipi.isup.IsupMessages.rlc(m.cic()));
            }
        }
        sent.clear();
        pdus.clear();
    }

    public ControlHarness(int circuits) {
        this(
                CircuitGroup.contiguous("g", REMOTE_PC, 1, circuits, "span0", 1),
                CallControlSettings.defaults().withHunting(org.pstngw.isup.circuit.HuntingStrategy.SEQUENTIAL_UP),
                null);
    }

    public static <T> T now(CompletionStage<T> stage) {
        return stage.toCompletableFuture().getNow(null);
    }

    public void receive(IsupMessage message) {
        control.onPdu(new IsupPdu(
                REMOTE_PC,
                OWN_PC,
                0,
                2,
                IsupCodec.encode(message, IsupVariant.ITU).orElseThrow()));
    }

    public void receive(IsupMessageType type, int cic, IsupParameter... params) {
        IsupParameters p = type.equals(IsupMessageType.IAM) ? IAM : IsupParameters.of(params);
        receive(IsupMessage.of(type, cic, p));
    }

    public void receiveRel(int cic, int cause) {
        receive(IsupMessage.of(
                IsupMessageType.REL,
                cic,
                IsupParameters.of(new IsupParameter(
                        ParameterCode.CAUSE_INDICATORS,
                        org.pstngw.sipi.isup.CauseIndicators.of(2, org.pstngw.sipi.isup.CauseValue.valueOf(cause))
                                .encode()))));
    }

    public List<IsupMessageType> sentTypes() {
        return sent.stream().map(IsupMessage::type).toList();
    }

    public IsupMessage lastSent(IsupMessageType type) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).type().equals(type)) {
                return sent.get(i);
            }
        }
        throw new AssertionError("no " + type + " sent: " + sentTypes());
    }

    public CallState callState(int cic) {
        return now(control.state(cic));
    }

    public SetupResult setup() {
        return now(control.setup(IAM));
    }

    @Override
    public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
        heard.add(cic + ":" + what + ":" + cause);
        heardMessages.add(message);
        onEvent.run();
    }

    @Override
    public void onReattempt(int fromCic, SetupResult result) {
        heard.add(fromCic + ":REATTEMPT:" + result);
        heardMessages.add(null);
    }

    @Override
    public void onMaintenanceAlert(int cic, MaintenanceAlert alert) {
        alerts.add(cic + ":" + alert);
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public boolean send(IsupPdu pdu) {
        return transmit(pdu).sent();
    }

    /** Records what went out; refuses like the real link while the destination is down or refusals are asked for. */
    @Override
    public SendResult transmit(IsupPdu pdu) {
        if (!destination.canSend()) {
            return new SendResult.Refused(SendResult.Reason.DESTINATION_UNAVAILABLE, "DPC " + pdu.dpc());
        }
        if (refusals > 0) {
            refusals--;
            return new SendResult.Refused(refuseWith, "refused by the test");
        }
        pdus.add(pdu);
        if (IsupCodec.decode(pdu.payload(), variant) instanceof DecodeResult.Decoded(IsupMessage m)) {
            sent.add(m);
        }
        return SendResult.SENT;
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

    @Override
    public int networkIndicator() {
        return networkIndicator;
    }
}
