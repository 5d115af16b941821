package org.pstngw.sip.transaction;

import java.util.List;
import java.util.concurrent.Executor;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.timer.Scheduler;
import org.pstngw.sip.transport.Flow;

/**
 * A server transaction (17.2): the received request, the flow it came on, where responses go (18.2.2), and the INVITE
 * or non-INVITE machine that absorbs retransmissions and retransmits responses. Driven on the call's lane.
 */
public final class ServerTransaction {

    /** What the TU hears from a server transaction after the request itself. */
    public interface Listener {
        /** An ACK in the Accepted state (RFC 6026): the ACK for this INVITE's 2xx. */
        default void onAck(ServerTransaction tx, SipRequest ack) {}

        /** Timer H fired without ACK, or a send failed. */
        default void onFailure(ServerTransaction tx, boolean timeout) {}

        /**
         * A CANCEL matched this INVITE transaction (9.2); the UA core answers the CANCEL itself. An INVITE still without
         * final response is answered 487 by its owner.
         */
        default void onCancel(ServerTransaction tx, SipRequest cancel) {}
    }

    private final TransactionKey key;
    private final SipRequest request;
    private final Flow arrival;
    private final Flow responseFlow;
    private final Flow fallbackFlow;
    private final Sender sender;
    private final Runnable onTerminated;
    private final TxMachine<?, SipMessage> machine;
    private final boolean invite;
    private final Executor lane;
    private Listener listener = new Listener() {};
    private byte[] lastResponse;
    private SipResponse lastResponseMessage;

    ServerTransaction(
            TransactionKey key,
            SipRequest request,
            Flow arrival,
            Flow responseFlow,
            Flow fallbackFlow,
            TimerConfig timers,
            Scheduler scheduler,
            Executor lane,
            Sender sender,
            Runnable onTerminated) {
        this.key = key;
        this.request = request;
        this.arrival = arrival;
        this.responseFlow = responseFlow;
        this.fallbackFlow = fallbackFlow;
        this.sender = sender;
        this.onTerminated = onTerminated;
        this.lane = lane;
        this.invite = request.isInvite();
        boolean reliable = arrival.transport().reliable();
        TxMachine.Effects<SipMessage> effects = new Effects();
        this.machine = invite
                ? new TxMachine<>(
                        ServerInviteState.TABLE,
                        ServerInviteState.PROCEEDING,
                        ServerInviteState.TERMINATED,
                        timers,
                        reliable,
                        scheduler,
                        lane,
                        effects)
                : new TxMachine<>(
                        ServerNonInviteState.TABLE,
                        ServerNonInviteState.TRYING,
                        ServerNonInviteState.TERMINATED,
                        timers,
                        reliable,
                        scheduler,
                        lane,
                        effects);
    }

    void start(boolean tryingAtOnce) {
        if (!invite) {
            machine.start(List.of());
        } else if (tryingAtOnce) {
            machine.start(List.of(TxAction.Do.SEND_TRYING));
        } else {
            machine.start(List.of(TxAction.Timer.start(TimerName.TRYING)));
        }
    }

    /** Sets who hears about ACKs, CANCELs and failures. */
    public void listener(Listener l) {
        this.listener = l;
    }

    /** Who hears about ACKs, CANCELs and failures. */
    public Listener listener() {
        return listener;
    }

    /**
     * The TU sends a response through this transaction. A response passed while the machine runs a transition (from
     * inside one of this transaction's callbacks) is queued with the event and sent after that transition.
     *
     * @return false if the transaction's state does not allow it (e.g. a second final response); nothing is sent then
     */
    public boolean respond(SipResponse response) {
        return machine.fire(TxEvent.fromTu(response.statusCode()), response);
    }

    void retransmission() {
        machine.fire(TxEvent.RECV_REQUEST);
    }

    void ack(SipRequest ack) {
        machine.fire(TxEvent.RECV_ACK, ack);
    }

    public TransactionKey key() {
        return key;
    }

    public SipRequest request() {
        return request;
    }

    public Flow arrival() {
        return arrival;
    }

    public Executor lane() {
        return lane;
    }

    /** The last response sent (null before the first). */
    public SipResponse lastResponse() {
        return lastResponseMessage;
    }

    /** Whether a final response has been sent. */
    public boolean finalSent() {
        return lastResponseMessage != null && lastResponseMessage.isFinal();
    }

    /** The current state ({@link ServerInviteState} or {@link ServerNonInviteState}). */
    public Enum<?> state() {
        return machine.state();
    }

    public boolean terminated() {
        return machine.terminated();
    }

    private final class Effects implements TxMachine.Effects<SipMessage> {
        @Override
        public void perform(TxAction.Do action, TxEvent cause, SipMessage message) {
            switch (action) {
                case SEND_RESPONSE -> {
                    SipResponse r = (SipResponse) message;
                    lastResponseMessage = r;
                    lastResponse = r.toBytes();
                    send(lastResponse);
                }
                case RESEND_LAST_RESPONSE -> {
                    if (lastResponse != null) {
                        send(lastResponse);
                    }
                }
                case SEND_TRYING -> {
                    SipResponse trying = SipResponses.create(request, SipStatus.TRYING, null);
                    lastResponseMessage = trying;
                    lastResponse = trying.toBytes();
                    send(lastResponse);
                }
                case PASS_TO_TU -> listener.onAck(ServerTransaction.this, (SipRequest) message);
                case REPORT_TIMEOUT -> listener.onFailure(ServerTransaction.this, true);
                case REPORT_TRANSPORT_ERROR -> listener.onFailure(ServerTransaction.this, false);
                case SEND_REQUEST, SEND_ACK -> throw new IllegalStateException(action + " in a server transaction");
            }
        }

        /** Sends on the response flow; over a stream whose connection is gone, once more to the sent-by (18.2.2). */
        private void send(byte[] bytes) {
            sender.send(responseFlow, bytes, error -> {
                if (fallbackFlow != null && !fallbackFlow.equals(responseFlow)) {
                    sender.send(
                            fallbackFlow, bytes, again -> lane.execute(() -> machine.fire(TxEvent.TRANSPORT_ERROR)));
                } else {
                    lane.execute(() -> machine.fire(TxEvent.TRANSPORT_ERROR));
                }
            });
        }

        @Override
        public void terminated() {
            onTerminated.run();
        }
    }
}
