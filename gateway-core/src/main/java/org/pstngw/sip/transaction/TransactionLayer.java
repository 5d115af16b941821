package org.pstngw.sip.transaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.Via;
import org.pstngw.sip.timer.Scheduler;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.ResponseRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction layer (17): matches received requests and responses to transactions (17.1.3, 17.2.3), creates
 * server transactions for new requests, and hands the TU what is not a retransmission. Every call into it for a
 * message of one Call-ID must come on that call's lane (the transaction table itself is concurrent because lanes share
 * it, but each entry is touched by its own lane only).
 */
public final class TransactionLayer {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);

    /** The transaction user: the UA core. */
    public interface User {
        /** A new request with its server transaction (not an ACK, not a CANCEL). */
        void onRequest(ServerTransaction tx);

        /** A CANCEL with its own server transaction and the INVITE transaction it cancels (null if none). */
        void onCancel(ServerTransaction cancel, ServerTransaction invite);

        /** An ACK that matched no transaction (the ACK for a 2xx, 17.2.3 / 13.3.1.4). */
        void onAck(SipRequest ack, Flow flow);

        /** A response that matched no client transaction (a 2xx retransmission after the transaction ended). */
        void onStrayResponse(SipResponse response, Flow flow);
    }

    private final TimerConfig timers;
    private final Scheduler scheduler;
    private final Function<String, Executor> lanes;
    private final Sender sender;
    private final Map<TransactionKey, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final Map<TransactionKey, ClientTransaction> clients = new ConcurrentHashMap<>();
    private User user;

    /**
     * @param lanes the executor of a Call-ID; calls into this layer for that Call-ID must already run on it
     */
    public TransactionLayer(TimerConfig timers, Scheduler scheduler, Function<String, Executor> lanes, Sender sender) {
        this.timers = timers;
        this.scheduler = scheduler;
        this.lanes = lanes;
        this.sender = sender;
    }

    public void user(User tu) {
        this.user = tu;
    }

    public TimerConfig timers() {
        return timers;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** A received, well-formed request (its top Via already stamped with received/rport). */
    public void onRequest(SipRequest request, Flow flow) {
        TransactionKey key = TransactionKey.server(request);
        ServerTransaction existing = servers.get(key);
        if (existing != null) {
            if (request.isAck()) {
                existing.ack(request);
            } else {
                existing.retransmission();
            }
            return;
        }
        if (request.isAck()) {
            user.onAck(request, flow);
            return;
        }
        ServerTransaction tx = createServer(key, request, flow);
        if (request.method().equals(SipMethod.CANCEL)) {
            user.onCancel(tx, servers.get(key.cancelled()));
        } else {
            user.onRequest(tx);
        }
    }

    private ServerTransaction createServer(TransactionKey key, SipRequest request, Flow flow) {
        ResponseRouter.ViaHop via = ResponseRouter.ViaHop.of(request.topVia());
        Flow responseFlow = ResponseRouter.route(via, flow);
        ServerTransaction tx = new ServerTransaction(
                key,
                request,
                flow,
                responseFlow,
                flow.transport().reliable() ? ResponseRouter.reconnect(via, flow) : null,
                timers,
                scheduler,
                lanes.apply(request.callId()),
                sender,
                () -> servers.remove(key));
        servers.put(key, tx);
        tx.start(timers.trying().isZero());
        return tx;
    }

    /** A received, well-formed response. */
    public void onResponse(SipResponse response, Flow flow) {
        TransactionKey key = TransactionKey.client(response);
        ClientTransaction tx = key == null ? null : clients.get(key);
        if (tx != null && !sameSentBy(tx.request().topVia(), response.topVia())) {
            LOG.info(
                    "dropped response {} from {}: its Via sent-by {} is not the {} we sent (18.1.2)",
                    response.statusCode(),
                    flow,
                    response.topVia().sentBy(),
                    tx.request().topVia().sentBy());
        } else if (tx != null) {
            tx.receive(response);
        } else {
            LOG.debug("response {} matches no transaction", response.statusCode());
            user.onStrayResponse(response, flow);
        }
    }

    /**
     * 18.1.2: a response whose top Via sent-by is not the one this transport put into the request is discarded. Hosts
     * compare without case; a port left out is the transport's default port.
     */
    static boolean sameSentBy(Via sent, Via received) {
        return sent.host().equalsIgnoreCase(received.host())
                && TransactionKey.sentByPort(sent) == TransactionKey.sentByPort(received);
    }

    /**
     * Starts a client transaction for {@code request} (its top Via carries a fresh branch) toward {@code flow}. Must be
     * called on the request's Call-ID lane. A transport that fails at once is reported to {@code listener} as a
     * transport error and leaves nothing in the table.
     */
    public ClientTransaction send(SipRequest request, Flow flow, ClientTransaction.Listener listener) {
        TransactionKey key = TransactionKey.client(request);
        ClientTransaction tx = new ClientTransaction(
                key,
                request,
                flow,
                timers,
                scheduler,
                lanes.apply(request.callId()),
                sender,
                listener,
                () -> clients.remove(key));
        clients.put(key, tx);
        try {
            tx.start();
        } catch (RuntimeException e) {
            clients.remove(key, tx);
            LOG.warn("{} to {} could not start: {}", request.method(), flow, e.toString());
            listener.onTransportError(tx);
        }
        return tx;
    }

    /**
     * Sends the CANCEL of {@code invite} (9.1) in a client transaction of its own, to the same address as the INVITE
     * (its transaction's flow), with the INVITE's Request-URI, top Via, Route, From, To, Call-ID and CSeq number.
     */
    public void cancel(ClientTransaction invite, ClientTransaction.Listener listener) {
        send(DerivedRequests.cancelFor(invite.request()), invite.flow(), listener);
    }

    /**
     * Destroys an INVITE client transaction that got no final response 64*T1 after its CANCEL (9.1). Must be called on
     * the transaction's lane.
     */
    public void abandon(ClientTransaction invite) {
        invite.abandon();
    }

    /** Sends a message outside any transaction (the ACK for a 2xx, 2xx retransmissions by the UA core). */
    public void sendStateless(Flow flow, byte[] bytes) {
        sender.send(flow, bytes, e -> {
            LOG.warn("stateless send to {} failed: {}", flow, e.toString());
        });
    }

    /** Live server transactions; safe to read from any thread. */
    public int serverCount() {
        return servers.size();
    }

    /** Whether a server transaction for {@code request} is open (it is a retransmission); safe from any thread. */
    public boolean isRetransmission(SipRequest request) {
        return servers.containsKey(TransactionKey.server(request));
    }

    /** Live transactions, for tests and metrics. */
    public int size() {
        return servers.size() + clients.size();
    }
}
