package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.HeaderNames;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAC side of a call, driven by {@link UacPhase}'s table: sends the INVITE, builds an early dialog per fork from
 * each 1xx with To tag (12.1.2), PRACKs each fork's reliable provisionals in RSeq order (RFC 3262 4), ACKs the 2xx
 * (13.2.2.4, again for each retransmission) on the dialog whose route set the 2xx recomputed, releases every other
 * fork's 2xx with ACK and one BYE, CANCELs (9.1: once, after a provisional; the INVITE given up 64*T1 later) or BYEs,
 * ends the INVITE on timer C (16.6, restarted by each provisional above 100), and serves the dialog through {@link
 * InDialog}. Offer/answer follows {@link SessionRefresh.Offer}: to an INVITE without offer the far end's offer comes in
 * a reliable provisional or the 2xx, and the application's answer goes in the PRACK or the ACK. Runs on the call's
 * lane; events raised while a transition runs are queued behind it.
 */
final class UacCall implements ClientCall, UaContext.Call, ClientTransaction.Listener, DialogOwner {
    private static final Logger LOG = LoggerFactory.getLogger(UacCall.class);

    /** The INVITE to send over UDP instead, when it went over TCP only for its size and TCP failed (18.1.1). */
    record UdpFallback(SipRequest invite, Flow flow) {}

    /** One early or confirmed dialog of the INVITE (a fork, 12.1.2), with its RSeq order (RFC 3262 4). */
    private static final class Fork {
        final Dialog dialog;
        long lastRseq = -1;

        Fork(Dialog dialog) {
            this.dialog = dialog;
        }
    }

    private record Queued(UacPhase.Event event, IncomingMessage message) {}

    /** A fork whose 2xx came after the answer: its ACK (sent again for each retransmission) and dialog. */
    private record Released(Dialog dialog, SipRequest ack) {}

    private final UaContext ctx;
    private final Executor lane;
    private final ClientCallListener listener;
    private final String callId;
    private final String localTag;
    private final boolean secure;
    private final InDialog inDialog;
    private final SessionRefresh refresh;
    private final Map<String, Fork> forks = new HashMap<>();
    private final Map<String, Released> released = new HashMap<>();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private SipRequest invite;
    private Flow flow;
    private Optional<UdpFallback> udpFallback;
    private ClientTransaction inviteTx;
    private UacPhase phase = UacPhase.CALLING;
    private boolean busy;
    private Dialog dialog;
    private String answeredTag;
    private SipResponse answer;
    private SipRequest ack;
    private List<Header> byeHeaders = List.of();
    private String failure = "";
    private Timeout timerC = Timeout.NONE;
    private Timeout cancelWait = Timeout.NONE;

    UacCall(UaContext ctx, SipRequest invite, Flow flow, Optional<UdpFallback> udpFallback, ClientCallListener l) {
        this.ctx = ctx;
        this.invite = invite;
        this.flow = flow;
        this.udpFallback = udpFallback;
        this.listener = l;
        this.callId = invite.callId();
        this.localTag = invite.from().tag();
        this.lane = ctx.lane(callId);
        this.secure = flow.transport() == TransportType.TLS && invite.requestUri() instanceof SipUri u && u.secure();
        this.inDialog = new InDialog(ctx, lane, this, true);
        this.refresh = inDialog.refresh();
        if (invite.bodyLength() > 0) {
            refresh.bodySent();
        }
    }

    /** Sends the INVITE and starts timer C. */
    void start() {
        ctx.layer.send(invite, flow, this);
        timerC = schedule(ctx.settings.timerC(), UacPhase.Event.TIMER_C);
    }

    /**
     * Starts timer C or the CANCEL's wait: an event on the lane, dropped when the timer was restarted or stopped
     * meanwhile; it carries the local response it stands for (408 for timer C, 487 for a CANCEL without effect).
     */
    private Timeout schedule(Duration delay, UacPhase.Event event) {
        SipStatus status = event == UacPhase.Event.TIMER_C ? SipStatus.REQUEST_TIMEOUT : SipStatus.REQUEST_TERMINATED;
        Timeout[] self = new Timeout[1];
        self[0] = ctx.layer.scheduler().schedule(delay, lane, () -> {
            if (self[0] == timerC || self[0] == cancelWait) {
                fire(event, local(status));
            }
        });
        return self[0];
    }

    // ---- the phase machine

    private void fire(UacPhase.Event event, IncomingMessage message) {
        if (busy) {
            queue.add(new Queued(event, message));
            return;
        }
        step(event, message);
        Queued next;
        while (!busy && (next = queue.poll()) != null) {
            step(next.event(), next.message());
        }
    }

    private void step(UacPhase.Event event, IncomingMessage message) {
        var transition = UacPhase.TABLE.lookup(phase, event);
        if (transition.isEmpty()) {
            LOG.debug("call {}: {} absorbed in {}", callId, event, phase);
            return;
        }
        busy = true;
        try {
            phase = transition.get().to();
            if (phase != UacPhase.CALLING && phase != UacPhase.PROCEEDING) {
                timerC.cancel();
                timerC = Timeout.NONE;
            }
            for (UacPhase.Action action : transition.get().actions()) {
                perform(action, message);
            }
        } finally {
            busy = false;
        }
    }

    private void perform(UacPhase.Action action, IncomingMessage message) {
        switch (action) {
            case RESTART_TIMER_C -> {
                timerC.cancel();
                timerC = schedule(ctx.settings.timerC(), UacPhase.Event.TIMER_C);
            }
            case SEND_CANCEL -> {
                if (inviteTx != null) {
                    ctx.layer.cancel(inviteTx, Listeners.ignoring());
                }
                cancelWait = schedule(ctx.layer.timers().timeout64T1(), UacPhase.Event.CANCEL_EXPIRED);
            }
            case TERMINATE_INVITE -> {
                if (inviteTx != null) {
                    ctx.layer.abandon(inviteTx);
                }
            }
            case SEND_ACK -> acknowledge();
            case SEND_BYE -> inDialog.sendBye(byeHeaders, () -> fire(UacPhase.Event.BYE_DONE, null));
            case END -> end();
            case REPORT_PROVISIONAL -> app("onProvisional", () -> listener.onProvisional(this, message));
            case REPORT_ANSWERED -> app("onAnswered", () -> listener.onAnswered(this, message));
            case REPORT_REJECTED -> {
                SipStatus status = message.status().orElse(SipStatus.SERVER_INTERNAL_ERROR);
                app("onRejected", () -> listener.onRejected(this, status, message));
            }
            case REPORT_BYE -> app("onBye", () -> listener.onBye(this, message));
            case REPORT_FAILURE -> app("onFailure", () -> listener.onFailure(this, failure));
            case REPORT_ENDED -> app("onEnded", () -> listener.onEnded(this));
        }
    }

    private void app(String callback, Runnable run) {
        ctx.app(callback, callId, run);
    }

    private void end() {
        timerC.cancel();
        cancelWait.cancel();
        refresh.stop();
        for (Fork f : forks.values()) {
            ctx.dialogs.remove(f.dialog.id());
        }
        if (dialog != null) {
            ctx.dialogs.remove(dialog.id());
        }
    }

    // ---- the INVITE's responses

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response) {
        inviteTx = tx;
        int status = response.statusCode();
        if (status < 200) {
            provisional(response);
        } else if (status < 300) {
            success(response);
        } else {
            refresh.initialInviteDone();
            refresh.offerSettled();
            fire(UacPhase.Event.REJECTION, ReceivedMessage.of(response));
        }
    }

    private void provisional(SipResponse response) {
        String toTag = response.to().tag();
        if (response.statusCode() == 100 || toTag == null) {
            fire(
                    response.statusCode() == 100 ? UacPhase.Event.TRYING : UacPhase.Event.PROVISIONAL,
                    ReceivedMessage.of(response));
            return;
        }
        if (!phase.beforeAnswer() || released.containsKey(toTag) || (answeredTag != null)) {
            return;
        }
        Fork fork = forks.computeIfAbsent(toTag, t -> {
            Fork f = new Fork(uacDialog(response, t, true));
            ctx.dialogs.put(f.dialog.id(), this);
            return f;
        });
        dialog = fork.dialog;
        if (isReliable(response)) {
            OptionalLong rseq = rseq(response);
            if (rseq.isEmpty() || (fork.lastRseq >= 0 && rseq.getAsLong() != fork.lastRseq + 1)) {
                LOG.debug("call {}: reliable {} with RSeq {} out of order, not PRACKed", callId, response, rseq);
                return;
            }
            fork.lastRseq = rseq.getAsLong();
            prack(fork, response);
        }
        fire(UacPhase.Event.PROVISIONAL, ReceivedMessage.of(response));
    }

    private boolean isReliable(SipResponse response) {
        return ctx.settings.reliableProvisionals()
                && response.require().stream().anyMatch(t -> t.equalsIgnoreCase(Names.REL100));
    }

    private static OptionalLong rseq(SipResponse response) {
        try {
            return response.rseq();
        } catch (RuntimeException malformed) {
            return OptionalLong.empty();
        }
    }

    /**
     * PRACKs a new reliable provisional (RFC 3262 4) on its fork's dialog. Its body answers our offer, or is the far
     * end's offer to our offerless INVITE: the application's answer goes in the PRACK (5), and a rejected offer ends
     * the call.
     */
    private void prack(Fork fork, SipResponse response) {
        Optional<Body> answerBody = Optional.empty();
        if (response.bodyLength() > 0 && fork.dialog == dialog) {
            if (refresh.offer() == SessionRefresh.Offer.LOCAL) {
                refresh.bodyReceived();
            } else if (refresh.offer() == SessionRefresh.Offer.NONE && !hungUp()) {
                refresh.bodyReceived();
                answerBody = answerTo(response);
                if (answerBody.isEmpty()) {
                    fire(UacPhase.Event.HANGUP, null);
                }
            }
        }
        String rack = fork.lastRseq + " " + invite.cseq().number() + " INVITE";
        SipRequest prack =
                ctx.inDialog(fork.dialog, SipMethod.PRACK, 0, List.of(new Header(HeaderNames.RACK, rack)), answerBody);
        ctx.send(fork.dialog, prack, Listeners.ignoring(), () -> LOG.info("PRACK on {} has no destination", callId));
    }

    /** Whether the application hung up, or timer C ended the call for it. */
    private boolean hungUp() {
        return phase != UacPhase.CALLING && phase != UacPhase.PROCEEDING && phase != UacPhase.CONFIRMED;
    }

    /** The application's answer to the far end's offer in {@code response}; empty when it rejects it (or throws). */
    private Optional<Body> answerTo(SipResponse response) {
        Optional<OfferReply> reply =
                ctx.ask("onOffer", callId, () -> listener.onOffer(this, ReceivedMessage.of(response)));
        if (reply.orElse(null) instanceof OfferReply.Accept a && a.body().isPresent()) {
            refresh.bodySent();
            return a.body();
        }
        LOG.info(
                "call {}: the offer in {} {} was not accepted", callId, response.statusCode(), response.reasonPhrase());
        return Optional.empty();
    }

    private void success(SipResponse response) {
        String toTag = response.to().tag();
        if (toTag == null) {
            LOG.info("2xx without To tag on call {}: an RFC 2543 peer, its tag is null (12.1.2)", callId);
            toTag = "";
        }
        Released again = released.get(toTag);
        if (again != null) {
            ctx.sendStateless(again.dialog(), again.ack());
            return;
        }
        if (answeredTag != null) {
            if (answeredTag.equals(toTag)) {
                if (ack != null) {
                    ctx.sendStateless(dialog, ack);
                }
            } else {
                releaseFork(response, toTag);
            }
            return;
        }
        if (!phase.beforeAnswer()) {
            return;
        }
        answeredTag = toTag;
        answer = response;
        Fork fork = forks.get(toTag);
        if (fork != null) {
            fork.dialog.confirmAsUac(recordRoutes(response), SessionRefresh.contactOf(response));
            dialog = fork.dialog;
        } else {
            dialog = uacDialog(response, toTag, false);
            ctx.dialogs.put(dialog.id(), this);
        }
        for (Fork other : forks.values()) {
            if (other.dialog != dialog) {
                ctx.dialogs.remove(other.dialog.id());
            }
        }
        fire(UacPhase.Event.ANSWER, ReceivedMessage.of(response));
    }

    /**
     * The ACK of the 2xx (13.2.2.4), kept for its retransmissions. Its body answers the far end's offer when the 2xx
     * carried one (an offerless INVITE with no offer in a reliable provisional); an offer the application rejects gets
     * an ACK without body and then a BYE.
     */
    private void acknowledge() {
        Optional<Body> answerBody = Optional.empty();
        boolean rejected = false;
        if (answer.bodyLength() > 0) {
            if (refresh.offer() == SessionRefresh.Offer.LOCAL) {
                refresh.bodyReceived();
            } else if (refresh.offer() == SessionRefresh.Offer.NONE && phase == UacPhase.CONFIRMED) {
                refresh.bodyReceived();
                answerBody = answerTo(answer);
                rejected = answerBody.isEmpty();
            }
        } else if (refresh.offer() == SessionRefresh.Offer.LOCAL) {
            LOG.warn("call {}: the 2xx carries no answer to the offer of our INVITE", callId);
            refresh.offerSettled();
        }
        ack = ctx.inDialog(dialog, SipMethod.ACK, invite.cseq().number(), List.of(), answerBody);
        ctx.sendStateless(dialog, ack);
        refresh.initialInviteDone();
        if (rejected) {
            fire(UacPhase.Event.HANGUP, null);
        }
    }

    /** A 2xx from another fork than the answered one (13.2.2.4): ACK it, then one BYE to that dialog. */
    private void releaseFork(SipResponse response, String toTag) {
        LOG.info("2xx from a second fork on call {}: ACK and BYE it", callId);
        Fork early = forks.get(toTag);
        Dialog fork = uacDialog(response, toTag, false);
        if (early != null) {
            ctx.dialogs.remove(early.dialog.id());
        }
        SipRequest forkAck = ctx.inDialog(fork, SipMethod.ACK, invite.cseq().number(), List.of(), Optional.empty());
        released.put(toTag, new Released(fork, forkAck));
        ctx.sendStateless(fork, forkAck);
        ctx.send(
                fork,
                ctx.inDialog(fork, SipMethod.BYE, 0, List.of(), Optional.empty()),
                Listeners.ignoring(),
                () -> LOG.info("BYE to the second fork of {} has no destination", callId));
    }

    private Dialog uacDialog(SipResponse response, String toTag, boolean early) {
        Uri contact = SessionRefresh.contactOf(response);
        return Dialog.asUac(
                new DialogId(callId, localTag, toTag),
                invite.from(),
                response.to(),
                contact != null ? contact : invite.requestUri(),
                recordRoutes(response),
                invite.cseq().number(),
                secure,
                early);
    }

    private static List<NameAddr> recordRoutes(SipMessage m) {
        try {
            return m.recordRoutes();
        } catch (RuntimeException e) {
            LOG.warn("unreadable Record-Route in {}: {}", m, e.getMessage());
            return List.of();
        }
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        inviteTx = tx;
        refresh.initialInviteDone();
        fire(UacPhase.Event.FAILURE, local(SipStatus.REQUEST_TIMEOUT));
    }

    @Override
    public void onTransportError(ClientTransaction tx) {
        inviteTx = tx;
        if (phase == UacPhase.CALLING && udpFallback.isPresent()) {
            LOG.info("call {}: TCP failed for a large INVITE, retrying over UDP (18.1.1)", callId);
            invite = udpFallback.get().invite();
            flow = udpFallback.get().flow();
            udpFallback = Optional.empty();
            ctx.layer.send(invite, flow, this);
            return;
        }
        refresh.initialInviteDone();
        fire(UacPhase.Event.FAILURE, local(SipStatus.SERVICE_UNAVAILABLE));
    }

    /** A response synthesised locally for the INVITE (8.1.3.1: timeout 408, transport error 503; 9.1: 487). */
    private IncomingMessage local(SipStatus status) {
        return ReceivedMessage.of(SipResponses.create(invite, status, null));
    }

    // ---- the application's requests

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            byeHeaders = List.copyOf(extraHeaders);
            fire(UacPhase.Event.HANGUP, null);
        });
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

    // ---- the dialog

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public Dialog dialog() {
        return dialog;
    }

    @Override
    public boolean ended() {
        return phase == UacPhase.ENDED;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public OfferReply offer(IncomingMessage message) {
        return listener.onOffer(this, message);
    }

    @Override
    public void answered(SipMethod method, IncomingMessage response) {
        app("onRequestAnswered", () -> listener.onRequestAnswered(this, method, response));
    }

    @Override
    public void answer(IncomingMessage message) {
        app("onAnswer", () -> listener.onAnswer(this, message));
    }

    @Override
    public void info(SipRequest info) {
        app("onInfo", () -> listener.onInfo(this, ReceivedMessage.of(info)));
    }

    @Override
    public void prack(ServerTransaction tx) {
        tx.respond(ctx.replies.of(
                tx.request(), SipStatus.CALL_DOES_NOT_EXIST.withReason("No Matching Reliable Provisional")));
    }

    @Override
    public void byeReceived(SipRequest bye) {
        fire(UacPhase.Event.BYE_RECEIVED, ReceivedMessage.of(bye));
    }

    @Override
    public void dialogFailed(String why, boolean bye) {
        LOG.info("call {}: {}", callId, why);
        failure = why;
        fire(bye ? UacPhase.Event.DIALOG_BROKEN : UacPhase.Event.DIALOG_GONE, null);
    }

    /**
     * A request in one of the INVITE's dialogs. The current one is served by {@link InDialog}; another fork's early
     * dialog only takes a BYE (200, and that fork is forgotten); anything else there gets 481.
     */
    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        String remoteTag = UasCall.remoteTag(req);
        if (dialog == null || dialog.id().remoteTag().equals(remoteTag)) {
            inDialog.onRequest(tx);
            return;
        }
        Fork other = forks.remove(remoteTag);
        if (other != null && req.method().equals(SipMethod.BYE)) {
            ctx.dialogs.remove(other.dialog.id());
            tx.respond(ctx.replies.of(req, SipStatus.OK));
        } else {
            tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
        }
    }

    /** A 2xx retransmission after the INVITE transaction ended: ACK it again (the INVITE's, or a re-INVITE's). */
    @Override
    public void onStraySuccess(SipResponse response) {
        if (response.cseq().number() == invite.cseq().number()) {
            success(response);
        } else {
            refresh.straySuccess(response);
        }
    }

    /** An ACK in the dialog: the one for our 2xx to the far end's re-INVITE. */
    @Override
    public void onAck(SipRequest received) {
        refresh.ack(received);
    }
}
