package org.pstngw.sip.transaction;

import java.util.concurrent.Executor;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.timer.Scheduler;
import org.pstngw.sip.transport.Flow;

/**
 * A client transaction (17.1): the request, where it goes, and the INVITE or non-INVITE machine that decides when to
 * (re)send, ACK and report. Created and driven on the call's lane.
 */
public final class ClientTransaction {

    /** The TU's side of a client transaction. */
    public interface Listener {
        void onResponse(ClientTransaction tx, SipResponse response);

        /** Timer B or F fired without a final response (treat as 408, 8.1.3.1). */
        void onTimeout(ClientTransaction tx);

        /** The transport could not send the request (treat as 503, 8.1.3.1). */
        void onTransportError(ClientTransaction tx);
    }

    private final TransactionKey key;
    private final SipRequest request;
    private final byte[] wire;
    private final Flow flow;
    private final Sender sender;
    private final Listener listener;
    private final Runnable onTerminated;
    private final TxMachine<?, SipResponse> machine;
    private final boolean invite;

    ClientTransaction(
            TransactionKey key,
            SipRequest request,
            Flow flow,
            TimerConfig timers,
            Scheduler scheduler,
            Executor lane,
            Sender sender,
            Listener listener,
            Runnable onTerminated) {
        this.key = key;
        this.request = request;
        this.wire = request.toBytes();
        this.flow = flow;
        this.sender = sender;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.invite = request.isInvite();
        boolean reliable = flow.transport().reliable();
        TxMachine.Effects<SipResponse> effects = new Effects(lane);
        this.machine = invite
                ? new TxMachine<>(
                        ClientInviteState.TABLE,
                        ClientInviteState.CALLING,
                        ClientInviteState.TERMINATED,
                        timers,
                        reliable,
                        scheduler,
                        lane,
                        effects)
                : new TxMachine<>(
                        ClientNonInviteState.TABLE,
                        ClientNonInviteState.TRYING,
                        ClientNonInviteState.TERMINATED,
                        timers,
                        reliable,
                        scheduler,
                        lane,
                        effects);
    }

    void start() {
        machine.start(invite ? ClientInviteState.ON_START : ClientNonInviteState.ON_START);
    }

    /** A response matched this transaction. */
    void receive(SipResponse response) {
        machine.fire(TxEvent.received(response.statusCode()), response);
    }

    /** The TU gives up an INVITE still without final response (9.1); nothing is reported back. */
    void abandon() {
        machine.fire(TxEvent.TU_ABANDON);
    }

    public TransactionKey key() {
        return key;
    }

    public SipRequest request() {
        return request;
    }

    public Flow flow() {
        return flow;
    }

    /** The current state, for tests and diagnostics ({@link ClientInviteState} or {@link ClientNonInviteState}). */
    public Enum<?> state() {
        return machine.state();
    }

    public boolean terminated() {
        return machine.terminated();
    }

    private final class Effects implements TxMachine.Effects<SipResponse> {
        private final Executor lane;

        Effects(Executor lane) {
            this.lane = lane;
        }

        @Override
        public void perform(TxAction.Do action, TxEvent cause, SipResponse response) {
            switch (action) {
                case SEND_REQUEST -> send(wire);
                case SEND_ACK ->
                    send(DerivedRequests.ackForNonSuccess(request, response).toBytes());
                case PASS_TO_TU -> listener.onResponse(ClientTransaction.this, response);
                case REPORT_TIMEOUT -> listener.onTimeout(ClientTransaction.this);
                case REPORT_TRANSPORT_ERROR -> listener.onTransportError(ClientTransaction.this);
                case SEND_RESPONSE, RESEND_LAST_RESPONSE, SEND_TRYING ->
                    throw new IllegalStateException(action + " in a client transaction");
            }
        }

        private void send(byte[] bytes) {
            sender.send(flow, bytes, error -> {
                lane.execute(() -> machine.fire(TxEvent.TRANSPORT_ERROR));
            });
        }

        @Override
        public void terminated() {
            onTerminated.run();
        }
    }
}
