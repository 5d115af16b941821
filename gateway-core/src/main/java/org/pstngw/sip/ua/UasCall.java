package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.pstngw.conf.SipConfig;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.RAck;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.Ids;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAS side of a call: answers the INVITE (provisionals, reliable ones per RFC 3262 whenever the caller requires
 * 100rel, the 2xx retransmitted until ACK per 13.3.1.4), and then serves the dialog through {@link InDialog}. Our own
 * BYE waits for the ACK of our 2xx (15). All methods run on the call's lane; the public ones hop onto it.
 *
 * <p>Offer/answer across the INVITE ({@link SessionRefresh.Offer}): the caller's offer is answered in the first
 * reliable provisional with a body or in the 2xx; to an INVITE without offer our offer goes in the first reliable
 * provisional with a body (its answer comes in the PRACK) or in the 2xx (its answer comes in the ACK), and the answer
 * reaches the application ({@code onAnswer}). A PRACK may carry a new offer, which the application answers in the
 * PRACK's 200. The 2xx waits for the PRACK of a reliable provisional that carried a body (RFC 3262 3).
 *
 * <p>The INVITE always gets a final response: an application that throws in {@code onInvite} gets it answered 500; one
 * that never answers sees it ended by the stack when the INVITE's Expires passes (487, 13.3.1.1) or, without Expires,
 * after timer C (408); either way the application hears {@code onFailure}.
 */
final class UasCall implements ServerCall, UaContext.Call, DialogOwner {
    private static final Logger LOG = LoggerFactory.getLogger(UasCall.class);

    /** Where the INVITE and the session stand. */
    private enum Phase {
        /** No final response yet. */
        PROCEEDING,
        /** The application accepted; the 2xx waits for the PRACK of a reliable provisional with a body. */
        ANSWERING,
        /** The 2xx went out; its ACK has not come. */
        ANSWERED,
        /** The ACK came: the session is up. */
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
    private final InDialog inDialog;
    private final SessionRefresh refresh;
    private Dialog dialog;
    private Phase phase = Phase.PROCEEDING;
    private SipResponse heldOk;
    private SuccessRetransmitter retransmitter;
    private List<Header> byeAfterAck;
    private Timeout unanswered = Timeout.NONE;

    UasCall(UaContext ctx, ServerTransaction inviteTx) {
        this.ctx = ctx;
        this.inviteTx = inviteTx;
        this.invite = inviteTx.request();
        this.callId = invite.callId();
        this.lane = inviteTx.lane();
        this.peerSupports100rel = Capabilities.hasOption(invite, Names.REL100);
        this.peerRequires100rel = invite.require().stream().anyMatch(t -> t.equalsIgnoreCase(Names.REL100));
        this.dialogId = new DialogId(callId, localTag, remoteTag(invite));
        this.secure = inviteTx.arrival().transport() == TransportType.TLS
                && invite.requestUri() instanceof SipUri u
                && u.secure();
        this.reliable =
                new ReliableProvisionals(ctx, lane, inviteTx, invite.cseq().number(), this::noPrack);
        this.inDialog = new InDialog(ctx, lane, this, false);
        this.refresh = inDialog.refresh();
        if (invite.bodyLength() > 0) {
            refresh.bodyReceived();
        }
        inviteTx.listener(new ServerTransaction.Listener() {
            @Override
            public void onAck(ServerTransaction tx, SipRequest ack) {
                UasCall.this.onAck(ack);
            }

            @Override
            public void onFailure(ServerTransaction tx, boolean timeout) {
                end("INVITE transaction " + (timeout ? "timed out" : "transport error"));
            }

            @Override
            public void onCancel(ServerTransaction tx, SipRequest cancel) {
                cancelled(cancel);
            }
        });
    }

    /**
     * Registers the call in the dialog table (its local tag is chosen already), starts the guard against an INVITE
     * left unanswered, and tells the application; when its callback throws, the INVITE is answered 500.
     */
    void begin() {
        ctx.dialogs.put(dialogId, this);
        OptionalLong expires = expires(invite);
        Duration wait = ctx.settings.timerC();
        boolean byExpires = false;
        if (expires.isPresent() && Duration.ofSeconds(expires.getAsLong()).compareTo(wait) <= 0) {
            wait = Duration.ofSeconds(expires.getAsLong());
            byExpires = true;
        }
        boolean expiry = byExpires;
        unanswered = ctx.layer.scheduler().schedule(wait, lane, () -> unanswered(expiry));
        if (!ctx.app("onInvite", callId, () -> ctx.listener.onInvite(this))) {
            reject(SipStatus.SERVER_INTERNAL_ERROR);
        }
    }

    private static OptionalLong expires(SipRequest request) {
        try {
            return request.expires();
        } catch (RuntimeException malformed) {
            return OptionalLong.empty();
        }
    }

    /** The INVITE is still without final response when its Expires (13.3.1.1) or timer C passed. */
    private void unanswered(boolean byExpires) {
        if (!unanswered()) {
            return;
        }
        String why = byExpires
                ? "the INVITE expired (Expires) without a final response"
                : "no final response within timer C";
        LOG.info("call {}: {}", callId, why);
        reject(byExpires ? SipStatus.REQUEST_TERMINATED : SipStatus.REQUEST_TIMEOUT);
        ctx.app("onFailure", callId, () -> ctx.listener.onFailure(this, why));
    }

    /** Whether the INVITE may still get a non-2xx final response (the 2xx has not gone out). */
    private boolean unanswered() {
        return (phase == Phase.PROCEEDING || phase == Phase.ANSWERING) && !inviteTx.finalSent();
    }

    /** The From tag, or "" for an RFC 2543 caller that sent none. */
    static String remoteTag(SipRequest request) {
        String tag = request.from().tag();
        return tag == null ? "" : tag;
    }

    @Override
    public String callId() {
        return callId;
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
    public OfferReply offer(IncomingMessage message) {
        return ctx.listener.onOffer(this, message);
    }

    @Override
    public void answered(SipMethod method, IncomingMessage response) {
        ctx.app("onRequestAnswered", callId, () -> ctx.listener.onRequestAnswered(this, method, response));
    }

    @Override
    public void answer(IncomingMessage message) {
        ctx.app("onAnswer", callId, () -> ctx.listener.onAnswer(this, message));
    }

    @Override
    public void info(SipRequest info) {
        ctx.app("onInfo", callId, () -> ctx.listener.onInfo(this, ReceivedMessage.of(info)));
    }

    private SipResponse response(SipStatus status, List<Header> headers, Optional<Body> body) {
        SipMessageBuilder b = ctx.replies.builder(invite, status, localTag);
        for (Header h : headers) {
            b.header(h.name(), h.value());
        }
        if (status.code() < 300) {
            b.header(HeaderNames.CONTACT, ctx.contact(inviteTx.arrival().transport(), secure));
            b.header(HeaderNames.ALLOW, UaContext.ALLOW);
            ctx.supported().ifPresent(v -> b.header(HeaderNames.SUPPORTED, v));
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
     * configuration does (never when 100rel is disabled: such an INVITE requiring it got 420). A body in a reliable
     * provisional is an offer or answer; in an unreliable one it is only a preview (13.2.1).
     */
    private void doProvisional(SipStatus status, Optional<Body> body, boolean reliably) {
        if (phase != Phase.PROCEEDING || inviteTx.finalSent()) {
            return;
        }
        ensureDialog(true);
        boolean always = peerRequires100rel || ctx.settings.rel100() == SipConfig.Rel100.REQUIRED;
        if (ctx.settings.reliableProvisionals() && (always || (reliably && peerSupports100rel))) {
            if (body.isPresent()) {
                refresh.bodySent();
            }
            reliable.send(
                    rseq -> response(
                            status,
                            List.of(
                                    new Header(HeaderNames.REQUIRE, Names.REL100),
                                    new Header(HeaderNames.RSEQ, Long.toString(rseq))),
                            body),
                    body.isPresent());
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
            ensureDialog(false);
            if (body.isPresent()) {
                refresh.bodySent();
            }
            heldOk = response(SipStatus.OK, extraHeaders, body);
            phase = Phase.ANSWERING;
            if (reliable.bodyUnacknowledged()) {
                LOG.debug("call {}: the 2xx waits for the PRACK of a reliable provisional with a body", callId);
            } else {
                sendOk();
            }
        });
    }

    /** Sends the accepted 2xx and starts its retransmission until the ACK (13.3.1.4). */
    private void sendOk() {
        SipResponse ok = heldOk;
        heldOk = null;
        unanswered.cancel();
        reliable.stop();
        phase = Phase.ANSWERED;
        inviteTx.respond(ok);
        retransmitter =
                new SuccessRetransmitter(ctx, lane, inviteTx, ok, invite.cseq().number(), this::noAck);
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

    /** 64*T1 without PRACK for a reliable provisional (RFC 3262 3): the INVITE is rejected 504. */
    private void noPrack() {
        if (!unanswered()) {
            return;
        }
        reject(SipStatus.SERVER_TIMEOUT.withReason("Reliable Provisional Not Acknowledged"));
        ctx.app(
                "onFailure",
                callId,
                () -> ctx.listener.onFailure(this, "a reliable provisional was not PRACKed within 64*T1"));
    }

    @Override
    public void reject(SipStatus status, List<Header> extraHeaders, Optional<Body> body) {
        if (status.code() < 300 || status.code() > 699) {
            throw new IllegalArgumentException("not a rejection: " + status);
        }
        lane.execute(() -> {
            if (phase == Phase.PROCEEDING) {
                doReject(status, extraHeaders, body);
            }
        });
    }

    private void reject(SipStatus status) {
        doReject(status, List.of(), Optional.empty());
    }

    private void doReject(SipStatus status, List<Header> extraHeaders, Optional<Body> body) {
        if (!unanswered()) {
            return;
        }
        unanswered.cancel();
        reliable.stop();
        heldOk = null;
        inviteTx.respond(response(status, extraHeaders, body));
        refresh.initialInviteDone();
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
    }

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            switch (phase) {
                case PROCEEDING, ANSWERING -> doReject(SipStatus.TEMPORARILY_UNAVAILABLE, extraHeaders, body);
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
        inDialog.sendBye(headers, () -> ctx.dialogs.remove(dialogId));
    }

    private void end(String why) {
        if (phase == Phase.ENDED) {
            return;
        }
        LOG.info("call {} failed: {}", callId, why);
        phase = Phase.ENDED;
        stopAll();
        ctx.dialogs.remove(dialogId);
        ctx.app("onFailure", callId, () -> ctx.listener.onFailure(this, why));
    }

    private void stopAll() {
        unanswered.cancel();
        reliable.stop();
        refresh.stop();
        if (retransmitter != null) {
            retransmitter.stop();
        }
    }

    @Override
    public void dialogFailed(String why, boolean bye) {
        if (phase == Phase.ENDED) {
            return;
        }
        end(why);
        if (bye && dialog != null) {
            inDialog.sendBye(List.of(), () -> {});
        }
    }

    @Override
    public void sendInfo(Body body) {
        lane.execute(() -> inDialog.sendInfo(body));
    }

    @Override
    public void sendUpdate(Body offer) {
        lane.execute(() -> inDialog.sendUpdate(offer));
    }

    @Override
    public void sendReinvite(Body offer) {
        lane.execute(() -> inDialog.sendReinvite(offer));
    }

    /**
     * An ACK: of our 2xx to the INVITE (through the Accepted transaction or statelessly), with the answer when the 2xx
     * carried our offer; or of a re-INVITE's 2xx.
     */
    @Override
    public void onAck(SipRequest ack) {
        if (retransmitter == null || !retransmitter.acked(ack.cseq().number())) {
            refresh.ack(ack);
            return;
        }
        if (phase != Phase.ANSWERED) {
            return;
        }
        refresh.initialInviteDone();
        phase = Phase.CONFIRMED;
        if (refresh.offer() == SessionRefresh.Offer.LOCAL) {
            if (ack.bodyLength() > 0) {
                refresh.bodyReceived();
                answer(ReceivedMessage.of(ack));
            } else {
                LOG.warn("call {}: the ACK carries no answer to the offer in our 2xx", callId);
                refresh.offerSettled();
            }
        }
        if (byeAfterAck != null) {
            sendBye(byeAfterAck);
        } else {
            ctx.app("onAck", callId, () -> ctx.listener.onAck(this, ReceivedMessage.of(ack)));
        }
    }

    @Override
    public void onStraySuccess(SipResponse response) {
        refresh.straySuccess(response);
    }

    /** The caller's CANCEL matched the INVITE (9.2): 487 to the INVITE if it is still unanswered. */
    private void cancelled(SipRequest cancel) {
        if (!unanswered()) {
            return;
        }
        reject(SipStatus.REQUEST_TERMINATED);
        ctx.app("onCancel", callId, () -> ctx.listener.onCancel(this, ReceivedMessage.of(cancel)));
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        inDialog.onRequest(tx);
    }

    /** The caller's BYE (already answered): an INVITE still unanswered gets 487 (15.1.2). */
    @Override
    public void byeReceived(SipRequest bye) {
        boolean wasLive = phase != Phase.ENDED;
        if (unanswered()) {
            reject(SipStatus.REQUEST_TERMINATED);
        }
        stopAll();
        phase = Phase.ENDED;
        ctx.dialogs.remove(dialogId);
        if (wasLive) {
            ctx.app("onBye", callId, () -> ctx.listener.onBye(this, ReceivedMessage.of(bye)));
        }
    }

    /**
     * A PRACK (RFC 3262): 481 unless it acknowledges one of our reliable provisionals. Its body is the answer to the
     * offer we made in a reliable provisional (to the application), or a new offer, which the application answers in the
     * 200. A 2xx that waited for this PRACK goes out after the PRACK's 200.
     */
    @Override
    public void prack(ServerTransaction tx) {
        SipRequest prack = tx.request();
        Optional<RAck> rack;
        try {
            rack = prack.rack();
        } catch (RuntimeException e) {
            rack = Optional.empty();
        }
        ReliableProvisionals.Prack matched = reliable.prack(rack);
        if (matched == ReliableProvisionals.Prack.UNKNOWN) {
            tx.respond(ctx.replies.of(
                    prack, SipStatus.CALL_DOES_NOT_EXIST.withReason("No Matching Reliable Provisional")));
            return;
        }
        if (prack.bodyLength() == 0 || matched == ReliableProvisionals.Prack.EARLIER) {
            tx.respond(ctx.replies.of(prack, SipStatus.OK));
        } else if (refresh.offer() == SessionRefresh.Offer.LOCAL) {
            refresh.bodyReceived();
            tx.respond(ctx.replies.of(prack, SipStatus.OK));
            answer(ReceivedMessage.of(prack));
        } else {
            answerOfferInPrack(tx);
        }
        if (phase == Phase.ANSWERING && heldOk != null && !reliable.bodyUnacknowledged()) {
            sendOk();
        }
    }

    private void answerOfferInPrack(ServerTransaction tx) {
        SipRequest prack = tx.request();
        if (refresh.offer() == SessionRefresh.Offer.REMOTE) {
            tx.respond(ctx.replies.of(prack, SipStatus.REQUEST_PENDING));
            return;
        }
        Optional<OfferReply> reply = ctx.ask("onOffer", callId, () -> offer(ReceivedMessage.of(prack)));
        switch (reply.orElse(null)) {
            case OfferReply.Accept a -> {
                SipMessageBuilder b = ctx.replies.builder(prack, SipStatus.OK);
                a.body().ifPresent(x -> b.body(x.contentType(), x.bytes()));
                if (a.body().isPresent()) {
                    refresh.bodyReceived();
                    refresh.bodySent();
                }
                tx.respond(b.buildResponse());
            }
            case OfferReply.Reject r -> {
                SipMessageBuilder b = ctx.replies.builder(prack, r.status());
                r.headers().forEach(h -> b.header(h.name(), h.value()));
                tx.respond(b.buildResponse());
            }
            case null -> tx.respond(ctx.replies.of(prack, SipStatus.SERVER_INTERNAL_ERROR));
        }
    }
}
