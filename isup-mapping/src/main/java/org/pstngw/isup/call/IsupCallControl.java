package org.pstngw.isup.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import org.pstngw.isup.circuit.CircuitPool;
import org.pstngw.isup.circuit.DualSeizure;
import org.pstngw.isup.circuit.HuntingStrategy;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.maintenance.RemoteMaintenance;
import org.pstngw.sipi.isup.CauseIndicators;
import org.pstngw.sipi.isup.CauseValue;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.EncodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.ParameterCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ISUP call control for one circuit group over one {@link IsupLink}: hunts circuits, runs each circuit's
 * {@link CircuitCall}, encodes what the circuits send and feeds them what arrives. Everything runs on one serial
 * executor (link callbacks hop onto it); the application calls it from any thread.
 */
public final class IsupCallControl implements IsupLink.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(IsupCallControl.class);

    /** Result of {@link #setup}: the CIC seized, or the Q.850 cause of an immediate refusal (34: no circuit/DPC). */
    public sealed interface SetupResult {
        record Started(int cic) implements SetupResult {}

        record Refused(int cause) implements SetupResult {}
    }

    /** Q.850 #111 protocol error, unspecified: the application's IAM parameters cannot be encoded. */
    public static final int PROTOCOL_ERROR = 111;

    /** Q.850 #97 message type non-existent or not implemented (CFN for an unrecognised message, Q.764 2.9.5.2). */
    public static final int MESSAGE_NOT_IMPLEMENTED = 97;

    /** Q.850 #34 no circuit/channel available. */
    public static final int NO_CIRCUIT = 34;

    private final IsupLink link;
    private final CircuitPool pool;
    private final HuntingStrategy hunting;
    private final Executor executor;
    private final IsupCallListener listener;
    private final Map<Integer, CircuitCall> calls = new HashMap<>();
    private final Map<Integer, IsupMessage> pendingOut = new HashMap<>();
    private final RemoteMaintenance maintenance;
    private final Map<Integer, IsupMessage> lastReceived = new HashMap<>();
    private volatile boolean reachable;
    private volatile int networkIndicator = 2;

    public IsupCallControl(
            IsupLink link,
            CircuitPool pool,
            HuntingStrategy hunting,
            IsupTimers timers,
            Scheduler scheduler,
            Executor executor,
            IsupCallListener listener) {
        this.link = link;
        this.pool = pool;
        this.hunting = hunting;
        this.executor = executor;
        this.listener = listener;
        for (int cic = pool.group().firstCic(); cic <= pool.group().lastCic(); cic++) {
            CircuitCall call = new CircuitCall(cic, timers, scheduler, executor, this::perform);
            int c = cic;
            call.onIdle(() -> {
                if (pool.isBusy(c)) {
                    pool.release(c);
                }
            });
            calls.put(cic, call);
        }
        this.maintenance = new RemoteMaintenance(pool, c -> calls.get(c).state());
        this.reachable = link.state(pool.group().dpc()).canSend();
    }

    /**
     * Starts an outgoing call with the application's IAM parameters; refused at once with cause 34 when the
     * destination is unreachable or no circuit is free. Run on the control's executor.
     */
    public SetupResult setup(IsupParameters iamParameters) {
        if (!reachable) {
            return new SetupResult.Refused(NO_CIRCUIT);
        }
        if (IsupCodec.encode(IsupMessage.of(IsupMessageType.IAM, 0, iamParameters), IsupVariant.ITU)
                instanceof EncodeResult.EncodeError e) {
            LOG.info("IAM not encodable: {}", e);
            return new SetupResult.Refused(PROTOCOL_ERROR);
        }
        OptionalInt cic = pool.seize(hunting);
        if (cic.isEmpty()) {
            return new SetupResult.Refused(NO_CIRCUIT);
        }
        pendingOut.put(cic.getAsInt(), IsupMessage.of(IsupMessageType.IAM, cic.getAsInt(), iamParameters));
        calls.get(cic.getAsInt()).handle(CallEvent.LOCAL_SETUP, 0);
        return new SetupResult.Started(cic.getAsInt());
    }

    /** Sends ACM/ANM/SAM with the application's parameters through the circuit's state machine. */
    public CircuitCall.Outcome send(int cic, IsupMessageType type, IsupParameters parameters) {
        CallEvent event = type.equals(IsupMessageType.ACM)
                ? CallEvent.LOCAL_ADDRESS_COMPLETE
                : type.equals(IsupMessageType.ANM) ? CallEvent.LOCAL_ANSWER : CallEvent.LOCAL_SAM;
        pendingOut.put(cic, IsupMessage.of(type, cic, parameters));
        return calls.get(cic).handle(event, 0);
    }

    /** Releases the call on {@code cic} with a Q.850 cause. */
    public CircuitCall.Outcome release(int cic, int cause) {
        return calls.get(cic).handle(CallEvent.LOCAL_RELEASE, cause);
    }

    /** Whether call control has seen the destination available (and has sent its start-up GRS). */
    public boolean destinationReachable() {
        return reachable;
    }

    /** The state of a circuit (read on the executor). */
    public CallState state(int cic) {
        return calls.get(cic).state();
    }

    @Override
    public void onPdu(IsupPdu pdu) {
        executor.execute(() -> received(pdu));
    }

    @Override
    public void onDestinationState(int dpc, DestinationState state) {
        if (dpc != pool.group().dpc()) {
            return;
        }
        executor.execute(() -> destination(state));
    }

    /** Sends GRS over the whole group and resets every circuit locally (start-up and after recovery). */
    public void resetGroup() {
        for (CircuitCall call : calls.values()) {
            call.handle(CallEvent.LINK_LOST, CallTable.TEMPORARY_FAILURE);
            pool.reset(call.cic());
        }
        IsupParameters range = IsupParameters.of(
                IsupParameter.of(ParameterCode.RANGE_AND_STATUS, pool.group().count() - 1));
        transmit(IsupMessage.of(IsupMessageType.GRS, pool.group().firstCic(), range));
    }

    private void destination(DestinationState state) {
        boolean was = reachable;
        reachable = state.canSend();
        if (was && !reachable) {
            LOG.warn("DPC {} unreachable: clearing calls", pool.group().dpc());
            calls.values().forEach(c -> c.handle(CallEvent.LINK_LOST, CallTable.NETWORK_OUT_OF_ORDER));
        } else if (!was && reachable) {
            LOG.info("DPC {} reachable again: group reset", pool.group().dpc());
            resetGroup();
        }
    }

    private void received(IsupPdu pdu) {
        DecodeResult result = IsupCodec.decode(pdu.payload(), IsupVariant.ITU);
        if (!(result instanceof DecodeResult.Decoded(IsupMessage message))) {
            LOG.info("undecodable ISUP {}: {}", pdu, result);
            return;
        }
        CircuitCall call = calls.get(message.cic());
        if (call == null) {
            transmit(IsupMessage.of(IsupMessageType.UCIC, message.cic(), IsupParameters.empty()));
            return;
        }
        if (message instanceof IsupMessage.Unknown unknown) {
            LOG.info("unrecognised message type {} on CIC {}: CFN", unknown.type(), unknown.cic());
            transmit(IsupMessage.of(IsupMessageType.CFN, unknown.cic(), causeParameters(MESSAGE_NOT_IMPLEMENTED)));
            return;
        }
        if (message.type().equals(IsupMessageType.GRS)) {
            int range = message.parameters()
                    .get(ParameterCode.RANGE_AND_STATUS)
                    .map(p -> p.value()[0] & 0xFF)
                    .orElse(0);
            for (int cic = message.cic(); cic <= message.cic() + range && calls.containsKey(cic); cic++) {
                calls.get(cic).handle(CallEvent.LINK_LOST, CallTable.TEMPORARY_FAILURE);
                pool.reset(cic);
            }
            transmit(IsupMessage.of(IsupMessageType.GRA, message.cic(), message.parameters()));
            return;
        }
        Optional<List<IsupMessage>> replies = maintenance.handle(message);
        if (replies.isPresent()) {
            replies.get().forEach(this::transmit);
            return;
        }
        MessageEvents.classify(message).ifPresent(c -> {
            lastReceived.put(message.cic(), message);
            CallEvent event = c.event();
            if (event == CallEvent.IAM_COMPLETE || event == CallEvent.IAM_CONTINUITY_REQUIRED) {
                if (call.state() == CallState.AWAIT_ADDRESS_COMPLETE) {
                    event = DualSeizure.controls(
                                    link.ownPointCode(), pool.group().dpc(), message.cic())
                            ? CallEvent.DUAL_SEIZURE_WON
                            : CallEvent.DUAL_SEIZURE_LOST;
                } else if (call.state() == CallState.IDLE) {
                    pool.seizeIncoming(message.cic());
                }
            }
            call.handle(event, c.cause());
        });
    }

    private void perform(int cic, CallAction action, int cause) {
        switch (action) {
            case SEND_IAM, SEND_SAM, SEND_ACM, SEND_ANM -> {
                IsupMessage out = pendingOut.remove(cic);
                if (out != null) {
                    transmit(out);
                }
            }
            case SEND_REL ->
                transmit(IsupMessage.of(
                        IsupMessageType.REL,
                        cic,
                        IsupParameters.of(new IsupParameter(
                                ParameterCode.CAUSE_INDICATORS,
                                CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(cause))
                                        .encode()))));
            case SEND_RLC -> transmit(IsupMessage.of(IsupMessageType.RLC, cic, IsupParameters.empty()));
            case SEND_RSC -> transmit(IsupMessage.of(IsupMessageType.RSC, cic, IsupParameters.empty()));
            case SEND_LPA -> transmit(IsupMessage.of(IsupMessageType.LPA, cic, IsupParameters.empty()));
            case CONNECT_LOOP, DISCONNECT_LOOP -> LOG.debug("media loop {} on CIC {}", action, cic);
            case ALERT_MAINTENANCE -> LOG.warn("CIC {}: no acknowledgement, maintenance alerted", cic);
            case NOTIFY_INCOMING_CALL,
                    NOTIFY_ADDRESS_COMPLETE,
                    NOTIFY_PROGRESS,
                    NOTIFY_ANSWER,
                    NOTIFY_SUSPEND,
                    NOTIFY_RESUME,
                    NOTIFY_MORE_DIGITS,
                    NOTIFY_RELEASED,
                    NOTIFY_REATTEMPT -> listener.onCallEvent(cic, action, cause, lastReceived.get(cic));
        }
    }

    private static IsupParameters causeParameters(int cause) {
        return IsupParameters.of(new IsupParameter(
                ParameterCode.CAUSE_INDICATORS,
                CauseIndicators.of(CauseIndicators.LOCATION_PUBLIC_LOCAL, CauseValue.valueOf(cause))
                        .encode()));
    }

    private void transmit(IsupMessage message) {
        byte[] payload;
        switch (IsupCodec.encode(message, IsupVariant.ITU)) {
            case EncodeResult.Encoded(byte[] bytes) -> payload = bytes;
            case EncodeResult.EncodeError e -> {
                LOG.warn("not sending {} on CIC {}: {}", message.type(), message.cic(), e);
                return;
            }
        }
        boolean sent = link.send(new IsupPdu(
                link.ownPointCode(), pool.group().dpc(), IsupPdu.slsForCic(message.cic()), networkIndicator, payload));
        if (!sent) {
            LOG.info("could not send {} on CIC {}", message.type(), message.cic());
        }
    }

    /** Sets the MTP3 network indicator of what we send (0..3; default 2 national). */
    public void networkIndicator(int value) {
        this.networkIndicator = value;
    }
}
