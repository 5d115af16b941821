package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transaction.SipAdapter;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transaction.interim.SipResponse;
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
        this.callId = SipAdapter.callId(invite);
        this.lane = inviteTx.lane();
        this.peerSupports100rel = SipAdapter.optionTags(invite, "Supported").contains("100rel")
                || SipAdapter.optionTags(invite, "Require").contains("100rel");
        this.dialogId = new DialogId(callId, localTag, SipAdapter.fromTag(invite));
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

    @Override
    public IncomingMessage invite() {
        return SipAdapter.view(invite);
    }

    @Override
    public Dialog dialog() {
        return dialog;
    }

    Phase phase() {
        return phase;
    }

    private SipResponse response(int status, String reason, List<Header> headers, Optional<Body> body) {
        SipResponse r = SipAdapter.response(invite, status, reason, localTag);
        List<Header> all = new ArrayList<>(headers);
        if (status < 300) {
            all.add(new Header("Contact", ctx.contact(inviteTx.arrival().transport())));
            all.add(new Header("Allow", UaContext.ALLOW));
            all.add(new Header("Supported", UaContext.SUPPORTED));
        }
        return SipAdapter.withHeaders(r, all, body);
    }

    private void ensureDialog(boolean early) {
        if (dialog == null) {
            dialog = Dialog.asUas(
                    dialogId,
                    SipAdapter.toNameAddr(invite),
                    SipAdapter.fromNameAddr(invite),
                    SipAdapter.contact(invite).orElse(SipAdapter.requestUriFromFrom(invite)),
                    SipAdapter.recordRoutes(invite),
                    SipAdapter.cseq(invite),
                    false,
                    early);
        } else if (!early) {
            dialog.confirm();
        }
    }

    @Override
    public void sendProvisional(int status, String reason, Optional<Body> body, boolean reliable) {
        lane.execute(() -> doProvisional(status, reason, body, reliable));
    }

    private void doProvisional(int status, String reason, Optional<Body> body, boolean reliable) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        if (status <= 100 || status >= 200) {
            throw new IllegalArgumentException("not a provisional above 100: " + status);
        }
        ensureDialog(true);
        if (reliable && peerSupports100rel) {
            if (unacked != null) {
                afterPrack.add(() -> doProvisional(status, reason, body, true));
                return;
            }
            long n = rseq++;
            SipResponse r = response(
                    status,
                    reason,
                    List.of(new Header("Require", "100rel"), new Header("RSeq", Long.toString(n))),
                    body);
            unacked = new ReliableProvisional(n, r);
            inviteTx.respond(r);
            unacked.schedule(ctx.layer.timers().t1());
        } else {
            inviteTx.respond(response(status, reason, List.of(), body));
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
            reject(504, "Reliable Provisional Not Acknowledged", List.of(), Optional.empty());
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
            SipResponse ok = response(200, "OK", extraHeaders, body);
            phase = Phase.ANSWERED;
            inviteTx.respond(ok);
            retransmitter = new SuccessRetransmitter(ctx, lane, inviteTx, ok, SipAdapter.cseq(invite), () -> {
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
    public void reject(int status, String reason, List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
                return;
            }
            if (status < 300 || status > 699) {
                throw new IllegalArgumentException("not a rejection: " + status);
            }
            stopReliable();
            inviteTx.respond(response(status, reason, extraHeaders, body));
            phase = Phase.ENDED;
            ctx.dialogs.remove(dialogId);
        });
    }

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            switch (phase) {
                case PROCEEDING -> reject(480, "Temporarily Unavailable", extraHeaders, body);
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
        SipRequest bye = ctx.inDialog(dialog, "BYE", 0, headers, Optional.empty());
        ctx.layer.send(bye, ctx.destination(dialog), new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (SipAdapter.status(response) >= 200) {
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
                    ctx.inDialog(dialog, "INFO", 0, List.of(), Optional.of(body)),
                    ctx.destination(dialog),
                    Listeners.ignoring());
        });
    }

    /** The 2xx was ACKed (through the Accepted transaction or statelessly). */
    @Override
    public void onAck(SipRequest ack) {
        if (retransmitter != null && retransmitter.acked(SipAdapter.cseq(ack))) {
            if (phase == Phase.ANSWERED) {
                phase = Phase.CONFIRMED;
                ctx.listener.onAck(this, SipAdapter.view(ack));
            }
        }
    }

    /** The caller's CANCEL matched the INVITE (9.2): 487 to the INVITE if it is still unanswered. */
    void cancelled(SipRequest cancel) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        stopReliable();
        inviteTx.respond(response(487, "Request Terminated", List.of(), Optional.empty()));
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
        ctx.listener.onCancel(this, SipAdapter.view(cancel));
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        String method = SipAdapter.method(req);
        if (dialog == null) {
            tx.respond(SipAdapter.response(req, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        if (!dialog.acceptRemoteCseq(SipAdapter.cseq(req))) {
            tx.respond(SipAdapter.response(req, 500, "CSeq Out of Order", null));
            return;
        }
        switch (method) {
            case "BYE" -> {
                tx.respond(SipAdapter.response(req, 200, "OK", null));
                stopReliable();
                if (retransmitter != null) {
                    retransmitter.stop();
                }
                boolean wasLive = phase != Phase.ENDED;
                if (phase == Phase.PROCEEDING && !inviteTx.finalSent()) {
                    inviteTx.respond(response(487, "Request Terminated", List.of(), Optional.empty()));
                }
                finish();
                dialog.terminate();
                if (wasLive) {
                    ctx.listener.onBye(this, SipAdapter.view(req));
                }
            }
            case "PRACK" -> onPrack(tx);
            case "INFO" -> {
                tx.respond(SipAdapter.response(req, 200, "OK", null));
                ctx.listener.onInfo(this, SipAdapter.view(req));
            }
            case "UPDATE", "INVITE" -> offer(tx, method);
            case "OPTIONS" -> tx.respond(Capabilities.optionsAnswer(req, ctx));
            default ->
                tx.respond(SipAdapter.withHeaders(
                        SipAdapter.response(req, 405, "Method Not Allowed", null),
                        List.of(new Header("Allow", UaContext.ALLOW)),
                        Optional.empty()));
        }
    }

    private void onPrack(ServerTransaction tx) {
        SipRequest prack = tx.request();
        Optional<long[]> rack = SipAdapter.rack(prack);
        if (unacked == null
                || rack.isEmpty()
                || rack.get()[0] != unacked.rseq
                || rack.get()[1] != SipAdapter.cseq(invite)) {
            tx.respond(SipAdapter.response(prack, 481, "No Matching Reliable Provisional", null));
            return;
        }
        unacked.cancel();
        unacked = null;
        tx.respond(SipAdapter.response(prack, 200, "OK", null));
        if (!afterPrack.isEmpty()) {
            afterPrack.removeFirst().run();
        }
    }

    /** A target refresh with an offer: re-INVITE (confirmed dialog) or UPDATE (RFC 3311, early or confirmed). */
    private void offer(ServerTransaction tx, String method) {
        SipRequest req = tx.request();
        SipAdapter.contact(req).ifPresent(dialog::refreshTarget);
        Optional<Body> answer = ctx.listener.onOffer(this, SipAdapter.view(req));
        SipResponse ok = SipAdapter.withHeaders(
                SipAdapter.response(req, 200, "OK", null),
                List.of(new Header("Contact", ctx.contact(tx.arrival().transport()))),
                answer);
        tx.respond(ok);
        if ("INVITE".equals(method)) {
            retransmitter = new SuccessRetransmitter(ctx, lane, tx, ok, SipAdapter.cseq(req), () -> {});
        }
    }
}
