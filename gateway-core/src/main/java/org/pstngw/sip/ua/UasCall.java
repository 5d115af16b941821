package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.Contact;
import org.pstngw.sip.message.RAck;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.Ids;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAS side of a call: answers the INVITE (provisionals, reliable ones per RFC 3262, the 2xx retransmitted until
 * ACK per 13.3.1.4), and then serves the dialog. All methods run on the call's lane; the public ones hop onto it.
 */
final class UasCall implements ServerCall, UaContext.Call {
    private static final Logger LOG = LoggerFactory.getLogger(UasCall.class);

    enum Phase {
        PROCEEDING,
        ANSWERED,
        CONFIRMED,
        ENDED
    }

    private final UaContext ctx;
    private final ServerTransaction inviteTx;
    private final SipRequest invite;
    private final String callId;
    private final String localTag = Ids.tag();
    private final Executor lane;
    private final boolean peerSupports100rel;
    private final DialogId dialogId;
    private final boolean secure;
    private Dialog dialog;
    private Phase phase = Phase.PROCEEDING;
    private long rseq;
    private ReliableProvisional unacked;
    private final List<Runnable> afterPrack = new ArrayList<>();
    private SuccessRetransmitter retransmitter;

    UasCall(UaContext ctx, ServerTransaction inviteTx) {
        this.ctx = ctx;
        this.inviteTx = inviteTx;
        this.invite = inviteTx.request();
        this.callId = invite.callId();
        this.lane = inviteTx.lane();
        this.peerSupports100rel = Capabilities.hasOption(invite, "100rel");
        this.dialogId = new DialogId(callId, localTag, remoteTag(invite));
        this.secure = inviteTx.arrival().transport() == TransportType.TLS
                && invite.requestUri() instanceof SipUri u
                && u.secure();
        this.rseq = 1L + java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 20);
        inviteTx.listener(new ServerTransaction.Listener() {
            @Override
            public void onAck(ServerTransaction tx, SipRequest ack) {
                UasCall.this.onAck(ack);
            }

            @Override
            public void onFailure(ServerTransaction tx, boolean timeout) {
                end("INVITE transaction " + (timeout ? "timed out" : "transport error"));
            }
        });
    }

    /** Registers the call in the dialog table (its local tag is chosen already) and tells the application. */
    void begin() {
        ctx.dialogs.put(dialogId, this);
        ctx.listener.onInvite(this);
    }

    @Override
    public String callId() {
        return callId;
    }

    /** The From tag, or "" for an RFC 2543 caller that sent none. */
    static String remoteTag(SipRequest request) {
        String tag = request.from().tag();
        return tag == null ? "" : tag;
    }

    /** The remote target of a request (12.1.1): its first Contact, else (RFC 2543) the From URI. */
    static Uri contactOf(SipRequest request, Uri otherwise) {
        for (Contact c : request.contacts()) {
            if (c instanceof Contact.Address a) {
                return a.address().uri();
            }
        }
        return otherwise;
    }

    @Override
    public IncomingMessage invite() {
        return ReceivedMessage.of(invite);
    }

    @Override
    public Dialog dialog() {
        return dialog;
    }

    Phase phase() {
        return phase;
    }

    private SipResponse response(SipStatus status, List<Header> headers, Optional<Body> body) {
        SipMessageBuilder b = SipResponses.builder(invite, status, localTag);
        for (Header h : headers) {
            b.header(h.name(), h.value());
        }
        if (status.code() < 300) {
            b.header("Contact", ctx.contact(inviteTx.arrival().transport(), secure));
            b.header("Allow", UaContext.ALLOW);
            b.header("Supported", UaContext.SUPPORTED);
        }
        body.ifPresent(x -> b.body(x.contentType(), x.bytes()));
        return b.buildResponse();
    }

    private void ensureDialog(boolean early) {
        if (dialog == null) {
            dialog = Dialog.asUas(
                    dialogId,
                    invite.to(),
                    invite.from(),
                    contactOf(invite, invite.from().uri()),
                    invite.recordRoutes(),
                    invite.cseq().number(),
                    secure,
                    early);
        } else if (!early) {
            dialog.confirm();
        }
    }

    @Override
    public void sendProvisional(SipStatus status, Optional<Body> body, boolean reliable) {
        if (status.code() <= 100 || status.code() >= 200) {
            throw new IllegalArgumentException("not a provisional above 100: " + status);
        }
        lane.execute(() -> doProvisional(status, body, reliable));
    }

    private void doProvisional(SipStatus status, Optional<Body> body, boolean reliable) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        ensureDialog(true);
        if (reliable && peerSupports100rel) {
            if (unacked != null) {
                afterPrack.add(() -> doProvisional(status, body, true));
                return;
            }
            long n = rseq++;
            SipResponse r = response(
                    status, List.of(new Header("Require", "100rel"), new Header("RSeq", Long.toString(n))), body);
            unacked = new ReliableProvisional(n, r);
            inviteTx.respond(r);
            unacked.schedule(ctx.layer.timers().t1());
        } else {
            inviteTx.respond(response(status, List.of(), body));
        }
    }

    /** A reliable provisional awaiting its PRACK, retransmitted at T1, 2*T1, ... until 64*T1 (RFC 3262 3). */
    private final class ReliableProvisional {
        final long rseq;
        final SipResponse response;
        Duration interval;
        Timeout timer = Timeout.NONE;
        final Timeout giveUp;

        ReliableProvisional(long rseq, SipResponse response) {
            this.rseq = rseq;
            this.response = response;
            this.giveUp = ctx.layer.scheduler().schedule(ctx.layer.timers().timeout64T1(), lane, this::noPrack);
        }

        void cancel() {
            timer.cancel();
            giveUp.cancel();
        }

        private void noPrack() {
            if (unacked != this) {
                return;
            }
            LOG.info("reliable provisional {} not PRACKed within 64*T1", rseq);
            timer.cancel();
            unacked = null;
            reject(
                    SipStatus.SERVER_TIMEOUT.withReason("Reliable Provisional Not Acknowledged"),
                    List.of(),
                    Optional.empty());
        }

        void schedule(Duration next) {
            interval = next;
            timer = ctx.layer.scheduler().schedule(next, lane, this::fire);
        }

        void fire() {
            if (unacked != this) {
                return;
            }
            inviteTx.respond(response);
            schedule(interval.multipliedBy(2));
        }
    }

    @Override
    public void accept(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
                return;
            }
            stopReliable();
            ensureDialog(false);
            SipResponse ok = response(SipStatus.OK, extraHeaders, body);
            phase = Phase.ANSWERED;
            inviteTx.respond(ok);
            retransmitter = new SuccessRetransmitter(
                    ctx, lane, inviteTx, ok, invite.cseq().number(), () -> {
                        end("no ACK for the 2xx within 64*T1");
                        sendBye(List.of());
                    });
        });
    }

    private void stopReliable() {
        if (unacked != null) {
            unacked.cancel();
            unacked = null;
        }
        afterPrack.clear();
    }

    @Override
    public void reject(SipStatus status, List<Header> extraHeaders, Optional<Body> body) {
        if (status.code() < 300 || status.code() > 699) {
            throw new IllegalArgumentException("not a rejection: " + status);
        }
        lane.execute(() -> {
            if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
                return;
            }
            stopReliable();
            inviteTx.respond(response(status, extraHeaders, body));
            phase = Phase.ENDED;
            ctx.dialogs.remove(dialogId);
        });
    }

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            switch (phase) {
                case PROCEEDING -> reject(SipStatus.TEMPORARILY_UNAVAILABLE, extraHeaders, body);
                case ANSWERED, CONFIRMED -> {
                    if (retransmitter != null) {
                        retransmitter.stop();
                    }
                    sendBye(extraHeaders);
                    phase = Phase.ENDED;
                }
                case ENDED -> {}
            }
        });
    }

    private void sendBye(List<Header> headers) {
        SipRequest bye = ctx.inDialog(dialog, SipMethod.BYE, 0, headers, Optional.empty());
        ctx.layer.send(bye, ctx.destination(dialog), new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.isFinal()) {
                    finish();
                }
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                finish();
            }

            @Override
            public void onTransportError(ClientTransaction tx) {
                finish();
            }
        });
        dialog.terminate();
    }

    private void finish() {
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
    }

    private void end(String why) {
        if (phase == Phase.ENDED) {
            return;
        }
        LOG.info("call {} failed: {}", callId, why);
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
        ctx.listener.onFailure(this, why);
    }

    @Override
    public void sendInfo(Body body) {
        lane.execute(() -> {
            if (dialog == null || phase == Phase.ENDED) {
                return;
            }
            ctx.layer.send(
                    ctx.inDialog(dialog, SipMethod.INFO, 0, List.of(), Optional.of(body)),
                    ctx.destination(dialog),
                    Listeners.ignoring());
        });
    }

    /** The 2xx was ACKed (through the Accepted transaction or statelessly). */
    @Override
    public void onAck(SipRequest ack) {
        if (retransmitter != null && retransmitter.acked(ack.cseq().number())) {
            if (phase == Phase.ANSWERED) {
                phase = Phase.CONFIRMED;
                ctx.listener.onAck(this, ReceivedMessage.of(ack));
            }
        }
    }

    /** The caller's CANCEL matched the INVITE (9.2): 487 to the INVITE if it is still unanswered. */
    void cancelled(SipRequest cancel) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        stopReliable();
        inviteTx.respond(response(SipStatus.REQUEST_TERMINATED, List.of(), Optional.empty()));
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
        ctx.listener.onCancel(this, ReceivedMessage.of(cancel));
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        SipMethod method = req.method();
        if (dialog == null) {
            tx.respond(Replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            return;
        }
        if (!dialog.acceptRemoteCseq(req.cseq().number())) {
            tx.respond(Replies.of(req, SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order")));
            return;
        }
        if (method.equals(SipMethod.BYE)) {
            tx.respond(Replies.of(req, SipStatus.OK));
            stopReliable();
            if (retransmitter != null) {
                retransmitter.stop();
            }
            boolean wasLive = phase != Phase.ENDED;
            if (phase == Phase.PROCEEDING && !inviteTx.finalSent()) {
                inviteTx.respond(response(SipStatus.REQUEST_TERMINATED, List.of(), Optional.empty()));
            }
            finish();
            dialog.terminate();
            if (wasLive) {
                ctx.listener.onBye(this, ReceivedMessage.of(req));
            }
        } else if (method.equals(SipMethod.PRACK)) {
            onPrack(tx);
        } else if (method.equals(SipMethod.INFO)) {
            tx.respond(Replies.of(req, SipStatus.OK));
            ctx.listener.onInfo(this, ReceivedMessage.of(req));
        } else if (method.equals(SipMethod.UPDATE) || method.equals(SipMethod.INVITE)) {
            offer(tx);
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req));
        } else {
            tx.respond(Capabilities.methodNotAllowed(req));
        }
    }

    private void onPrack(ServerTransaction tx) {
        SipRequest prack = tx.request();
        Optional<RAck> rack;
        try {
            rack = prack.rack();
        } catch (RuntimeException e) {
            rack = Optional.empty();
        }
        if (unacked == null
                || rack.isEmpty()
                || rack.get().rseq() != unacked.rseq
                || rack.get().cseq() != invite.cseq().number()) {
            tx.respond(Replies.of(prack, SipStatus.CALL_DOES_NOT_EXIST.withReason("No Matching Reliable Provisional")));
            return;
        }
        unacked.cancel();
        unacked = null;
        tx.respond(Replies.of(prack, SipStatus.OK));
        if (!afterPrack.isEmpty()) {
            afterPrack.removeFirst().run();
        }
    }

    /** A target refresh with an offer: re-INVITE (confirmed dialog) or UPDATE (RFC 3311, early or confirmed). */
    private void offer(ServerTransaction tx) {
        SipRequest req = tx.request();
        dialog.refreshTarget(contactOf(req, null));
        Optional<Body> answer = ctx.listener.onOffer(this, ReceivedMessage.of(req));
        SipMessageBuilder b = Replies.builder(req, SipStatus.OK)
                .header("Contact", ctx.contact(tx.arrival().transport(), secure));
        answer.ifPresent(x -> b.body(x.contentType(), x.bytes()));
        SipResponse ok = b.buildResponse();
        tx.respond(ok);
        if (req.isInvite()) {
            retransmitter =
                    new SuccessRetransmitter(ctx, lane, tx, ok, req.cseq().number(), () -> {});
        }
    }
}
