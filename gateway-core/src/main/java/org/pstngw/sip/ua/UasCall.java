package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pstngw.conf.SipConfig;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.RAck;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.Ids;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAS side of a call: answers the INVITE (provisionals, reliable ones per RFC 3262 whenever the caller requires
 * 100rel, the 2xx retransmitted until ACK per 13.3.1.4), and then serves the dialog: BYE, INFO, PRACK, and target
 * refreshes in both directions through {@link SessionRefresh}. Our own BYE waits for the ACK of our 2xx (15). All
 * methods run on the call's lane; the public ones hop onto it.
 */
final class UasCall implements ServerCall, UaContext.Call, SessionRefresh.Owner {
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
    private final boolean peerRequires100rel;
    private final DialogId dialogId;
    private final boolean secure;
    private final ReliableProvisionals reliable;
    private final SessionRefresh refresh;
    private Dialog dialog;
    private Phase phase = Phase.PROCEEDING;
    private SuccessRetransmitter retransmitter;
    private List<Header> byeAfterAck;

    UasCall(UaContext ctx, ServerTransaction inviteTx) {
        this.ctx = ctx;
        this.inviteTx = inviteTx;
        this.invite = inviteTx.request();
        this.callId = invite.callId();
        this.lane = inviteTx.lane();
        this.peerSupports100rel = Capabilities.hasOption(invite, "100rel");
        this.peerRequires100rel = invite.require().stream().anyMatch(t -> t.equalsIgnoreCase("100rel"));
        this.dialogId = new DialogId(callId, localTag, remoteTag(invite));
        this.secure = inviteTx.arrival().transport() == TransportType.TLS
                && invite.requestUri() instanceof SipUri u
                && u.secure();
        this.reliable = new ReliableProvisionals(
                ctx,
                lane,
                inviteTx,
                invite.cseq().number(),
                () -> reject(
                        SipStatus.SERVER_TIMEOUT.withReason("Reliable Provisional Not Acknowledged"),
                        List.of(),
                        Optional.empty()));
        this.refresh = new SessionRefresh(ctx, lane, this, false);
        refresh.remoteOffer(invite.bodyLength() > 0);
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

    @Override
    public IncomingMessage invite() {
        return ReceivedMessage.of(invite);
    }

    @Override
    public Dialog dialog() {
        return dialog;
    }

    @Override
    public boolean ended() {
        return phase == Phase.ENDED;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public OfferReply offer(IncomingMessage request) {
        return ctx.listener.onOffer(this, request);
    }

    @Override
    public void answered(SipMethod method, IncomingMessage response) {
        ctx.listener.onRequestAnswered(this, method, response);
    }

    Phase phase() {
        return phase;
    }

    private SipResponse response(SipStatus status, List<Header> headers, Optional<Body> body) {
        SipMessageBuilder b = ctx.replies.builder(invite, status, localTag);
        for (Header h : headers) {
            b.header(h.name(), h.value());
        }
        if (status.code() < 300) {
            b.header("Contact", ctx.contact(inviteTx.arrival().transport(), secure));
            b.header("Allow", UaContext.ALLOW);
            ctx.supported().ifPresent(v -> b.header("Supported", v));
        }
        body.ifPresent(x -> b.body(x.contentType(), x.bytes()));
        return b.buildResponse();
    }

    private void ensureDialog(boolean early) {
        if (dialog == null) {
            Uri target = SessionRefresh.contactOf(invite);
            dialog = Dialog.asUas(
                    dialogId,
                    invite.to(),
                    invite.from(),
                    target != null ? target : invite.from().uri(),
                    invite.recordRoutes(),
                    invite.cseq().number(),
                    secure,
                    early);
        } else if (!early) {
            dialog.confirm();
        }
    }

    @Override
    public void sendProvisional(SipStatus status, Optional<Body> body, boolean reliably) {
        if (status.code() <= 100 || status.code() >= 200) {
            throw new IllegalArgumentException("not a provisional above 100: " + status);
        }
        lane.execute(() -> doProvisional(status, body, reliably));
    }

    /**
     * RFC 3262 3: reliably when asked and the caller supports 100rel, and always when the caller requires it or our
     * configuration does (never when 100rel is disabled: such an INVITE requiring it got 420).
     */
    private void doProvisional(SipStatus status, Optional<Body> body, boolean reliably) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        ensureDialog(true);
        boolean always = peerRequires100rel || ctx.settings.rel100() == SipConfig.Rel100.REQUIRED;
        if (ctx.settings.reliableProvisionals() && (always || (reliably && peerSupports100rel))) {
            reliable.send(rseq -> {
                if (body.isPresent()) {
                    refresh.remoteOffer(false);
                }
                return response(
                        status,
                        List.of(new Header("Require", "100rel"), new Header("RSeq", Long.toString(rseq))),
                        body);
            });
        } else {
            inviteTx.respond(response(status, List.of(), body));
        }
    }

    @Override
    public void accept(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
                return;
            }
            reliable.stop();
            ensureDialog(false);
            SipResponse ok = response(SipStatus.OK, extraHeaders, body);
            phase = Phase.ANSWERED;
            refresh.remoteOffer(false);
            refresh.localOffer(invite.bodyLength() == 0 && body.isPresent());
            inviteTx.respond(ok);
            retransmitter = new SuccessRetransmitter(
                    ctx, lane, inviteTx, ok, invite.cseq().number(), this::noAck);
        });
    }

    /** 64*T1 without ACK for our 2xx (13.3.1.4): the session ends with a BYE. */
    private void noAck() {
        refresh.initialInviteDone();
        List<Header> headers = byeAfterAck != null ? byeAfterAck : List.of();
        if (byeAfterAck == null) {
            end("no ACK for the 2xx within 64*T1");
        }
        sendBye(headers);
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
            reliable.stop();
            inviteTx.respond(response(status, extraHeaders, body));
            refresh.initialInviteDone();
            phase = Phase.ENDED;
            ctx.dialogs.remove(dialogId);
        });
    }

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            switch (phase) {
                case PROCEEDING -> reject(SipStatus.TEMPORARILY_UNAVAILABLE, extraHeaders, body);
                case ANSWERED -> {
                    LOG.debug("call {}: BYE waits for the ACK of our 2xx", callId);
                    byeAfterAck = List.copyOf(extraHeaders);
                }
                case CONFIRMED -> sendBye(extraHeaders);
                case ENDED -> {}
            }
        });
    }

    private void sendBye(List<Header> headers) {
        phase = Phase.ENDED;
        refresh.stop();
        SipRequest bye = ctx.inDialog(dialog, SipMethod.BYE, 0, headers, Optional.empty());
        dialog.terminate();
        ctx.send(
                dialog,
                bye,
                new ClientTransaction.Listener() {
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
                },
                this::finish);
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
        reliable.stop();
        refresh.stop();
        ctx.dialogs.remove(dialogId);
        ctx.listener.onFailure(this, why);
    }

    @Override
    public void sendInfo(Body body) {
        lane.execute(() -> {
            if (dialog == null || phase == Phase.ENDED) {
                return;
            }
            SipRequest info = ctx.inDialog(dialog, SipMethod.INFO, 0, List.of(), Optional.of(body));
            ctx.send(
                    dialog,
                    info,
                    Listeners.reporting(SipMethod.INFO, info, this::answered),
                    () -> answered(SipMethod.INFO, SessionRefresh.local(info, SipStatus.SERVICE_UNAVAILABLE)));
        });
    }

    @Override
    public void sendUpdate(Body offer) {
        lane.execute(() -> refresh.send(SipMethod.UPDATE, Optional.of(offer)));
    }

    @Override
    public void sendReinvite(Body offer) {
        lane.execute(() -> refresh.send(SipMethod.INVITE, Optional.of(offer)));
    }

    /** An ACK: of our 2xx to the INVITE (through the Accepted transaction or statelessly), or of a re-INVITE's. */
    @Override
    public void onAck(SipRequest ack) {
        if (retransmitter != null && retransmitter.acked(ack.cseq().number())) {
            refresh.initialInviteDone();
            refresh.localOffer(false);
            if (phase == Phase.ANSWERED) {
                phase = Phase.CONFIRMED;
                if (byeAfterAck != null) {
                    sendBye(byeAfterAck);
                } else {
                    ctx.listener.onAck(this, ReceivedMessage.of(ack));
                }
            }
        } else {
            refresh.ack(ack);
        }
    }

    @Override
    public void onStraySuccess(SipResponse response) {
        refresh.straySuccess(response);
    }

    /** The caller's CANCEL matched the INVITE (9.2): 487 to the INVITE if it is still unanswered. */
    void cancelled(SipRequest cancel) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        reliable.stop();
        inviteTx.respond(response(SipStatus.REQUEST_TERMINATED, List.of(), Optional.empty()));
        refresh.initialInviteDone();
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
        ctx.listener.onCancel(this, ReceivedMessage.of(cancel));
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        SipMethod method = req.method();
        if (dialog == null) {
            tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            return;
        }
        if (!dialog.acceptRemoteCseq(req.cseq().number())) {
            tx.respond(ctx.replies.of(req, SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order")));
            return;
        }
        if (method.equals(SipMethod.BYE)) {
            tx.respond(ctx.replies.of(req, SipStatus.OK));
            reliable.stop();
            refresh.stop();
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
            tx.respond(ctx.replies.of(req, SipStatus.OK));
            ctx.listener.onInfo(this, ReceivedMessage.of(req));
        } else if (method.equals(SipMethod.UPDATE) || method.equals(SipMethod.INVITE)) {
            refresh.received(tx);
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req, ctx));
        } else {
            tx.respond(Capabilities.methodNotAllowed(req, ctx));
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
        if (!reliable.prack(rack)) {
            tx.respond(ctx.replies.of(
                    prack, SipStatus.CALL_DOES_NOT_EXIST.withReason("No Matching Reliable Provisional")));
            return;
        }
        tx.respond(ctx.replies.of(prack, SipStatus.OK));
    }
}
