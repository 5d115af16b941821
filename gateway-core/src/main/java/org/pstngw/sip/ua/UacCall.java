package org.pstngw.sip.ua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transaction.SipAdapter;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transaction.interim.SipResponse;
import org.pstngw.sip.transport.Flow;
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
        this.callId = SipAdapter.callId(invite);
        this.localTag = SipAdapter.fromTag(invite);
        this.lane = ctx.lane(callId);
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
    public void onResponse(ClientTransaction tx, SipResponse response) {
        int status = SipAdapter.status(response);
        String toTag = SipAdapter.toTag(response);
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
                listener.onProvisional(this, SipAdapter.view(response));
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
            SipAdapter.contact(response).ifPresent(dialog::refreshTarget);
            sendAck();
            if (first) {
                if (cancelWanted) {
                    sendBye(List.of());
                } else {
                    listener.onAnswered(this, SipAdapter.view(response));
                }
            }
        } else {
            finalSeen = true;
            end();
            listener.onRejected(this, status, SipAdapter.view(response));
        }
    }

    /** A 2xx from another fork after the call was answered (13.2.2.4): ACK it, then BYE that dialog. */
    private void releaseFork(SipResponse response, String toTag) {
        Dialog fork = Dialog.asUac(
                new DialogId(callId, localTag, toTag),
                SipAdapter.fromNameAddr(invite),
                SipAdapter.toNameAddr(response),
                SipAdapter.contact(response).orElse(SipAdapter.requestUri(invite)),
                SipAdapter.recordRoutes(response),
                SipAdapter.cseq(invite),
                false,
                false);
        Flow to = ctx.destination(fork);
        ctx.layer.sendStateless(
                to, SipAdapter.encode(ctx.inDialog(fork, "ACK", SipAdapter.cseq(invite), List.of(), Optional.empty())));
        ctx.layer.send(ctx.inDialog(fork, "BYE", 0, List.of(), Optional.empty()), to, Listeners.ignoring());
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
        dialog = Dialog.asUac(
                new DialogId(callId, localTag, toTag),
                SipAdapter.fromNameAddr(invite),
                SipAdapter.toNameAddr(response),
                SipAdapter.contact(response).orElse(SipAdapter.requestUri(invite)),
                SipAdapter.recordRoutes(response),
                SipAdapter.cseq(invite),
                false,
                early);
        ctx.dialogs.put(dialog.id(), this);
    }

    private void prackIfReliable(SipResponse response) {
        if (!SipAdapter.optionTags(response, "Require").contains("100rel")) {
            return;
        }
        Optional<Long> rseq = SipAdapter.rseq(response);
        if (rseq.isEmpty() || rseq.get() <= lastRseq) {
            return;
        }
        lastRseq = rseq.get();
        String rack = rseq.get() + " " + SipAdapter.cseq(invite) + " INVITE";
        SipRequest prack = ctx.inDialog(dialog, "PRACK", 0, List.of(new Header("RAck", rack)), Optional.empty());
        ctx.layer.send(prack, ctx.destination(dialog), Listeners.ignoring());
    }

    private void sendAck() {
        if (ackWire == null) {
            SipRequest ack = ctx.inDialog(dialog, "ACK", SipAdapter.cseq(invite), List.of(), Optional.empty());
            ackWire = SipAdapter.encode(ack);
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
        if ("INVITE".equals(SipAdapter.method(tx.request())) && !finalSeen) {
            finalSeen = true;
            end();
            listener.onRejected(this, 408, SipAdapter.view(SipAdapter.response(invite, 408, "Request Timeout", null)));
        }
    }

    @Override
    public void onTransportError(ClientTransaction tx) {
        if ("INVITE".equals(SipAdapter.method(tx.request())) && !finalSeen) {
            finalSeen = true;
            end();
            listener.onRejected(
                    this, 503, SipAdapter.view(SipAdapter.response(invite, 503, "Service Unavailable", null)));
        }
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
        SipRequest cancel = SipAdapter.cancelFor(invite);
        ctx.layer.send(cancel, flow, Listeners.ignoring());
    }

    private void sendBye(List<Header> headers) {
        SipRequest bye = ctx.inDialog(dialog, "BYE", 0, headers, Optional.empty());
        dialog.terminate();
        ctx.layer.send(bye, ctx.destination(dialog), new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (SipAdapter.status(response) >= 200) {
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
        lane.execute(() -> inDialog("INFO", Optional.of(body)));
    }

    @Override
    public void sendUpdate(Body offer) {
        lane.execute(() -> inDialog("UPDATE", Optional.of(offer)));
    }

    private void inDialog(String method, Optional<Body> body) {
        if (dialog == null || ended) {
            return;
        }
        ctx.layer.send(
                ctx.inDialog(dialog, method, 0, new ArrayList<>(), body),
                ctx.destination(dialog),
                new ClientTransaction.Listener() {
                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse response) {
                        if (SipAdapter.status(response) >= 200) {
                            listener.onRequestAnswered(UacCall.this, method, SipAdapter.view(response));
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) {
                        local(tx, method, 408, "Request Timeout");
                    }

                    @Override
                    public void onTransportError(ClientTransaction tx) {
                        local(tx, method, 503, "Service Unavailable");
                    }
                });
    }

    private void local(ClientTransaction tx, String method, int status, String reason) {
        listener.onRequestAnswered(
                this, method, SipAdapter.view(SipAdapter.response(tx.request(), status, reason, null)));
    }

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (!dialog.acceptRemoteCseq(SipAdapter.cseq(req))) {
            tx.respond(SipAdapter.response(req, 500, "CSeq Out of Order", null));
            return;
        }
        switch (SipAdapter.method(req)) {
            case "BYE" -> {
                tx.respond(SipAdapter.response(req, 200, "OK", null));
                dialog.terminate();
                boolean wasLive = !ended;
                end();
                if (wasLive) {
                    listener.onBye(this, SipAdapter.view(req));
                }
            }
            case "INFO" -> {
                tx.respond(SipAdapter.response(req, 200, "OK", null));
                listener.onInfo(this, SipAdapter.view(req));
            }
            case "UPDATE", "INVITE" -> {
                SipAdapter.contact(req).ifPresent(dialog::refreshTarget);
                Optional<Body> answer = listener.onOffer(this, SipAdapter.view(req));
                tx.respond(SipAdapter.withHeaders(
                        SipAdapter.response(req, 200, "OK", null),
                        List.of(new Header("Contact", ctx.contact(tx.arrival().transport()))),
                        answer));
            }
            case "OPTIONS" -> tx.respond(Capabilities.optionsAnswer(req, ctx));
            default ->
                tx.respond(SipAdapter.withHeaders(
                        SipAdapter.response(req, 405, "Method Not Allowed", null),
                        List.of(new Header("Allow", UaContext.ALLOW)),
                        Optional.empty()));
        }
    }
}
