package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.SipUri;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.DerivedRequests;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transport.Flow;
import org.pstngw.sip.transport.TransportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAC side of a call: sends the INVITE, builds the dialog from a 1xx with To tag or the 2xx (12.1.2; a 2xx without
 * To tag is an RFC 2543 peer's, with a null tag), PRACKs reliable provisionals (RFC 3262), ACKs the 2xx (13.2.2.4, again
 * for each retransmission), CANCELs (9.1) or BYEs, and serves the dialog: BYE, INFO, and target refreshes in both
 * directions through {@link SessionRefresh}. Runs on the call's lane.
 */
final class UacCall implements ClientCall, UaContext.Call, ClientTransaction.Listener, SessionRefresh.Owner {
    private static final Logger LOG = LoggerFactory.getLogger(UacCall.class);

    private final UaContext ctx;
    private final Executor lane;
    private final ClientCallListener listener;
    private final SipRequest invite;
    private final Flow flow;
    private final String callId;
    private final String localTag;
    private final boolean secure;
    private final SessionRefresh refresh;
    private Dialog dialog;
    private SipRequest ack;
    private boolean provisionalSeen;
    private boolean finalSeen;
    private boolean cancelWanted;
    private boolean ended;
    private long lastRseq = -1;

    UacCall(UaContext ctx, SipRequest invite, Flow flow, ClientCallListener listener) {
        this.ctx = ctx;
        this.invite = invite;
        this.flow = flow;
        this.listener = listener;
        this.callId = invite.callId();
        this.localTag = invite.from().tag();
        this.lane = ctx.lane(callId);
        this.secure = flow.transport() == TransportType.TLS && invite.requestUri() instanceof SipUri u && u.secure();
        this.refresh = new SessionRefresh(ctx, lane, this, true);
        refresh.localOffer(invite.bodyLength() > 0);
    }

    void start() {
        ctx.layer.send(invite, flow, this);
    }

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
        return ended;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public OfferReply offer(IncomingMessage request) {
        return listener.onOffer(this, request);
    }

    @Override
    public void answered(SipMethod method, IncomingMessage response) {
        listener.onRequestAnswered(this, method, response);
    }

    /** The first Contact URI of a response, or {@code otherwise} (none, or unreadable). */
    private static Uri contactOf(SipMessage m, Uri otherwise) {
        Uri c = SessionRefresh.contactOf(m);
        return c != null ? c : otherwise;
    }

    private static List<NameAddr> recordRoutes(SipMessage m) {
        try {
            return m.recordRoutes();
        } catch (RuntimeException e) {
            LOG.debug("unreadable Record-Route: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response) {
        int status = response.statusCode();
        String toTag = response.to().tag();
        if (status < 200) {
            provisionalSeen = true;
            if (toTag != null && status > 100) {
                ensureDialog(response, toTag, true);
                if (prackIfReliable(response) && response.bodyLength() > 0) {
                    refresh.localOffer(false);
                }
            }
            if (cancelWanted) {
                sendCancel();
            }
            if (status > 100) {
                listener.onProvisional(this, ReceivedMessage.of(response));
            }
        } else if (status < 300) {
            boolean first = !finalSeen;
            finalSeen = true;
            if (toTag == null) {
                LOG.info("2xx without To tag on call {}: an RFC 2543 peer, its tag is null (12.1.2)", callId);
                toTag = "";
            }
            if (dialog != null && !dialog.id().remoteTag().equals(toTag) && !first) {
                LOG.info("2xx from a second fork on call {}: ACK and BYE it", callId);
                releaseFork(response, toTag);
                return;
            }
            ensureDialog(response, toTag, false);
            dialog.refreshTarget(contactOf(response, null));
            sendAck();
            refresh.localOffer(false);
            refresh.initialInviteDone();
            if (first) {
                if (cancelWanted) {
                    sendBye(List.of());
                } else {
                    listener.onAnswered(this, ReceivedMessage.of(response));
                }
            }
        } else {
            finalSeen = true;
            refresh.initialInviteDone();
            end();
            listener.onRejected(this, statusOf(response), ReceivedMessage.of(response));
        }
    }

    private static SipStatus statusOf(SipResponse r) {
        return SipStatus.valueOf(r.statusCode()).withReason(r.reasonPhrase());
    }

    /** A 2xx from another fork after the call was answered (13.2.2.4): ACK it, then BYE that dialog. */
    private void releaseFork(SipResponse response, String toTag) {
        Dialog fork = uacDialog(response, toTag, false);
        ctx.sendStateless(fork, ctx.inDialog(fork, SipMethod.ACK, invite.cseq().number(), List.of(), Optional.empty()));
        ctx.send(
                fork,
                ctx.inDialog(fork, SipMethod.BYE, 0, List.of(), Optional.empty()),
                Listeners.ignoring(),
                () -> LOG.info("BYE to the second fork of {} has no destination", callId));
    }

    private Dialog uacDialog(SipResponse response, String toTag, boolean early) {
        return Dialog.asUac(
                new DialogId(callId, localTag, toTag),
                invite.from(),
                response.to(),
                contactOf(response, invite.requestUri()),
                recordRoutes(response),
                invite.cseq().number(),
                secure,
                early);
    }

    private void ensureDialog(SipResponse response, String toTag, boolean early) {
        if (dialog != null && dialog.id().remoteTag().equals(toTag)) {
            if (!early) {
                dialog.confirm();
            }
            return;
        }
        if (dialog != null) {
            ctx.dialogs.remove(dialog.id());
        }
        dialog = uacDialog(response, toTag, early);
        ctx.dialogs.put(dialog.id(), this);
    }

    /** PRACKs a new reliable provisional (RFC 3262 4); true when it was one. */
    private boolean prackIfReliable(SipResponse response) {
        if (!ctx.settings.reliableProvisionals()
                || response.require().stream().noneMatch(t -> t.equalsIgnoreCase("100rel"))) {
            return false;
        }
        OptionalLong rseq;
        try {
            rseq = response.rseq();
        } catch (RuntimeException e) {
            rseq = OptionalLong.empty();
        }
        if (rseq.isEmpty() || rseq.getAsLong() <= lastRseq) {
            return false;
        }
        lastRseq = rseq.getAsLong();
        String rack = lastRseq + " " + invite.cseq().number() + " INVITE";
        SipRequest prack =
                ctx.inDialog(dialog, SipMethod.PRACK, 0, List.of(new Header("RAck", rack)), Optional.empty());
        ctx.send(dialog, prack, Listeners.ignoring(), () -> LOG.info("PRACK on {} has no destination", callId));
        return true;
    }

    private void sendAck() {
        if (ack == null) {
            ack = ctx.inDialog(dialog, SipMethod.ACK, invite.cseq().number(), List.of(), Optional.empty());
        }
        ctx.sendStateless(dialog, ack);
    }

    /** A 2xx retransmission after its transaction ended: ACK it again (the INVITE's, or a re-INVITE's). */
    @Override
    public void onStraySuccess(SipResponse response) {
        if (response.cseq().number() == invite.cseq().number()) {
            if (ack != null) {
                ctx.sendStateless(dialog, ack);
            }
        } else {
            refresh.straySuccess(response);
        }
    }

    /** An ACK in the dialog: the one for our 2xx to the far end's re-INVITE. */
    @Override
    public void onAck(SipRequest received) {
        refresh.ack(received);
    }

    @Override
    public void onTimeout(ClientTransaction tx) {
        if (tx.request().isInvite() && !finalSeen) {
            finalSeen = true;
            end();
            listener.onRejected(this, SipStatus.REQUEST_TIMEOUT, local(invite, SipStatus.REQUEST_TIMEOUT));
        }
    }

    @Override
    public void onTransportError(ClientTransaction tx) {
        if (tx.request().isInvite() && !finalSeen) {
            finalSeen = true;
            end();
            listener.onRejected(this, SipStatus.SERVICE_UNAVAILABLE, local(invite, SipStatus.SERVICE_UNAVAILABLE));
        }
    }

    /** A response synthesised locally for {@code request} (8.1.3.1: timeout 408, transport error 503). */
    private static IncomingMessage local(SipRequest request, SipStatus status) {
        return ReceivedMessage.of(SipResponses.create(request, status, null));
    }

    @Override
    public void hangup(List<Header> extraHeaders, Optional<Body> body) {
        lane.execute(() -> {
            if (ended) {
                return;
            }
            if (!finalSeen) {
                cancelWanted = true;
                if (provisionalSeen) {
                    sendCancel();
                }
            } else if (dialog != null) {
                sendBye(extraHeaders);
            }
        });
    }

    private void sendCancel() {
        if (finalSeen) {
            return;
        }
        ctx.layer.send(DerivedRequests.cancelFor(invite), flow, Listeners.ignoring());
    }

    private void sendBye(List<Header> headers) {
        SipRequest bye = ctx.inDialog(dialog, SipMethod.BYE, 0, headers, Optional.empty());
        dialog.terminate();
        refresh.stop();
        ctx.send(
                dialog,
                bye,
                new ClientTransaction.Listener() {
                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse response) {
                        if (response.isFinal()) {
                            byeCompleted();
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) {
                        byeCompleted();
                    }

                    @Override
                    public void onTransportError(ClientTransaction tx) {
                        byeCompleted();
                    }
                },
                this::byeCompleted);
    }

    private void byeCompleted() {
        end();
        listener.onEnded(this);
    }

    private void end() {
        ended = true;
        if (dialog != null) {
            ctx.dialogs.remove(dialog.id());
        }
    }

    @Override
    public void sendInfo(Body body) {
        lane.execute(() -> {
            if (dialog == null || ended) {
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

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (dialog == null) {
            tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            return;
        }
        if (!dialog.acceptRemoteCseq(req.cseq().number())) {
            tx.respond(ctx.replies.of(req, SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order")));
            return;
        }
        SipMethod method = req.method();
        if (method.equals(SipMethod.BYE)) {
            tx.respond(ctx.replies.of(req, SipStatus.OK));
            dialog.terminate();
            refresh.stop();
            boolean wasLive = !ended;
            end();
            if (wasLive) {
                listener.onBye(this, ReceivedMessage.of(req));
            }
        } else if (method.equals(SipMethod.INFO)) {
            tx.respond(ctx.replies.of(req, SipStatus.OK));
            listener.onInfo(this, ReceivedMessage.of(req));
        } else if (method.equals(SipMethod.PRACK)) {
            tx.respond(
                    ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST.withReason("No Matching Reliable Provisional")));
        } else if (method.equals(SipMethod.UPDATE) || method.equals(SipMethod.INVITE)) {
            refresh.received(tx);
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req, ctx));
        } else {
            tx.respond(Capabilities.methodNotAllowed(req, ctx));
        }
    }
}
