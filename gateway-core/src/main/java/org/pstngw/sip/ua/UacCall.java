package org.pstngw.sip.ua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.Contact;
import org.pstngw.sip.message.NameAddr;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMessageBuilder;
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
 * The UAC side of a call: sends the INVITE, builds the dialog from a 1xx with To tag or the 2xx (12.1.2), PRACKs
 * reliable provisionals (RFC 3262), ACKs the 2xx (13.2.2.4, again for each retransmission), CANCELs (9.1) or BYEs.
 * Runs on the call's lane.
 */
final class UacCall implements ClientCall, UaContext.Call, ClientTransaction.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(UacCall.class);

    private final UaContext ctx;
    private final Executor lane;
    private final ClientCallListener listener;
    private final SipRequest invite;
    private final Flow flow;
    private final String callId;
    private final String localTag;
    private final boolean secure;
    private Dialog dialog;
    private byte[] ackWire;
    private Flow ackFlow;
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

    /** The first Contact URI of a response, or {@code otherwise} (none, or unreadable). */
    private static Uri contactOf(SipMessage m, Uri otherwise) {
        try {
            for (Contact c : m.contacts()) {
                if (c instanceof Contact.Address a) {
                    return a.address().uri();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable Contact: {}", e.getMessage());
        }
        return otherwise;
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
                prackIfReliable(response);
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
                LOG.warn("2xx without To tag on call {}", callId);
                return;
            }
            if (dialog != null && !dialog.id().remoteTag().equals(toTag) && !first) {
                LOG.info("2xx from a second fork on call {}: ACK and BYE it", callId);
                releaseFork(response, toTag);
                return;
            }
            ensureDialog(response, toTag, false);
            dialog.refreshTarget(contactOf(response, null));
            sendAck();
            if (first) {
                if (cancelWanted) {
                    sendBye(List.of());
                } else {
                    listener.onAnswered(this, ReceivedMessage.of(response));
                }
            }
        } else {
            finalSeen = true;
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
        Flow to = ctx.destination(fork);
        ctx.layer.sendStateless(
                to,
                ctx.inDialog(fork, SipMethod.ACK, invite.cseq().number(), List.of(), Optional.empty())
                        .toBytes());
        ctx.layer.send(ctx.inDialog(fork, SipMethod.BYE, 0, List.of(), Optional.empty()), to, Listeners.ignoring());
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

    private void prackIfReliable(SipResponse response) {
        if (response.require().stream().noneMatch(t -> t.equalsIgnoreCase("100rel"))) {
            return;
        }
        OptionalLong rseq;
        try {
            rseq = response.rseq();
        } catch (RuntimeException e) {
            rseq = OptionalLong.empty();
        }
        if (rseq.isEmpty() || rseq.getAsLong() <= lastRseq) {
            return;
        }
        lastRseq = rseq.getAsLong();
        String rack = lastRseq + " " + invite.cseq().number() + " INVITE";
        SipRequest prack =
                ctx.inDialog(dialog, SipMethod.PRACK, 0, List.of(new Header("RAck", rack)), Optional.empty());
        ctx.layer.send(prack, ctx.destination(dialog), Listeners.ignoring());
    }

    private void sendAck() {
        if (ackWire == null) {
            SipRequest ack = ctx.inDialog(dialog, SipMethod.ACK, invite.cseq().number(), List.of(), Optional.empty());
            ackWire = ack.toBytes();
            ackFlow = ctx.destination(dialog);
        }
        ctx.layer.sendStateless(ackFlow, ackWire);
    }

    /** A 2xx retransmission after the INVITE transaction ended: ACK it again. */
    @Override
    public void onStraySuccess(SipResponse response) {
        if (ackWire != null) {
            ctx.layer.sendStateless(ackFlow, ackWire);
        }
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
        ctx.layer.send(bye, ctx.destination(dialog), new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.isFinal()) {
                    ended();
                }
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                ended();
            }

            @Override
            public void onTransportError(ClientTransaction tx) {
                ended();
            }
        });
    }

    private void ended() {
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
        lane.execute(() -> inDialog(SipMethod.INFO, Optional.of(body)));
    }

    @Override
    public void sendUpdate(Body offer) {
        lane.execute(() -> inDialog(SipMethod.UPDATE, Optional.of(offer)));
    }

    private void inDialog(SipMethod method, Optional<Body> body) {
        if (dialog == null || ended) {
            return;
        }
        ctx.layer.send(
                ctx.inDialog(dialog, method, 0, new ArrayList<>(), body),
                ctx.destination(dialog),
                new ClientTransaction.Listener() {
                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse response) {
                        if (response.isFinal()) {
                            listener.onRequestAnswered(UacCall.this, method, ReceivedMessage.of(response));
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) {
                        listener.onRequestAnswered(
                                UacCall.this, method, local(tx.request(), SipStatus.REQUEST_TIMEOUT));
                    }

                    @Override
                    public void onTransportError(ClientTransaction tx) {
                        listener.onRequestAnswered(
                                UacCall.this, method, local(tx.request(), SipStatus.SERVICE_UNAVAILABLE));
                    }
                });
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (!dialog.acceptRemoteCseq(req.cseq().number())) {
            tx.respond(Replies.of(req, SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order")));
            return;
        }
        SipMethod method = req.method();
        if (method.equals(SipMethod.BYE)) {
            tx.respond(Replies.of(req, SipStatus.OK));
            dialog.terminate();
            boolean wasLive = !ended;
            end();
            if (wasLive) {
                listener.onBye(this, ReceivedMessage.of(req));
            }
        } else if (method.equals(SipMethod.INFO)) {
            tx.respond(Replies.of(req, SipStatus.OK));
            listener.onInfo(this, ReceivedMessage.of(req));
        } else if (method.equals(SipMethod.UPDATE) || method.equals(SipMethod.INVITE)) {
            dialog.refreshTarget(contactOf(req, null));
            Optional<Body> answer = listener.onOffer(this, ReceivedMessage.of(req));
            SipMessageBuilder b = Replies.builder(req, SipStatus.OK)
                    .header("Contact", ctx.contact(tx.arrival().transport(), secure));
            answer.ifPresent(x -> b.body(x.contentType(), x.bytes()));
            tx.respond(b.buildResponse());
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req));
        } else {
            tx.respond(Capabilities.methodNotAllowed(req));
        }
    }
}
