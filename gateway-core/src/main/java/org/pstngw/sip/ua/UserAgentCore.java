package org.pstngw.sip.ua;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.transaction.MergedRequests;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transaction.SipAdapter;
import org.pstngw.sip.transaction.TransactionKey;
import org.pstngw.sip.transaction.TransactionLayer;
import org.pstngw.sip.transaction.interim.SipRequest;
import org.pstngw.sip.transaction.interim.SipResponse;
import org.pstngw.sip.transport.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The UA core as transaction user (8.2, 12.2.2): routes each new request to its dialog or to a new call, applies the
 * checks of 8.2 (merged requests 482, Require 420, unknown methods 405, no dialog 481), answers OPTIONS, and matches
 * CANCEL and ACK. Runs on the request's Call-ID lane.
 */
final class UserAgentCore implements TransactionLayer.User {
    private static final Logger LOG = LoggerFactory.getLogger(UserAgentCore.class);

    private final UaContext ctx;
    private final Map<TransactionKey, UasCall> pendingInvites = new ConcurrentHashMap<>();
    private final Map<Executor, MergedRequests> merged = new ConcurrentHashMap<>();

    UserAgentCore(UaContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        String callId = SipAdapter.callId(req);
        MDC.put("callId", callId);
        try {
            dispatch(tx, req, callId);
        } finally {
            MDC.remove("callId");
        }
    }

    private void dispatch(ServerTransaction tx, SipRequest req, String callId) {
        String method = SipAdapter.method(req);
        if (!Capabilities.METHODS.contains(method)) {
            tx.respond(SipAdapter.withHeaders(
                    SipAdapter.response(req, 405, "Method Not Allowed", null),
                    List.of(new Header("Allow", UaContext.ALLOW)),
                    Optional.empty()));
            return;
        }
        List<String> unsupported = Capabilities.unsupported(req);
        if (!unsupported.isEmpty()) {
            tx.respond(SipAdapter.withHeaders(
                    SipAdapter.response(req, 420, "Bad Extension", null),
                    List.of(new Header("Unsupported", String.join(", ", unsupported))),
                    Optional.empty()));
            return;
        }
        String toTag = SipAdapter.toTag(req);
        if (toTag != null) {
            UaContext.Call call = ctx.dialogs.get(DialogId.ofReceivedRequest(callId, toTag, SipAdapter.fromTag(req)));
            if (call == null) {
                tx.respond(SipAdapter.response(req, 481, "Call/Transaction Does Not Exist", null));
            } else {
                call.onInDialogRequest(tx);
            }
            return;
        }
        MergedRequests detector = merged.computeIfAbsent(
                tx.lane(),
                l -> new MergedRequests(
                        ctx.layer.scheduler().clock(), ctx.layer.timers().timeout64T1(), 10_000));
        if (detector.isMerged(SipAdapter.fromTag(req), callId, SipAdapter.cseq(req), method, tx.key())) {
            tx.respond(SipAdapter.response(req, 482, "Loop Detected", null));
            return;
        }
        switch (method) {
            case "INVITE" -> {
                if (ctx.listener == null) {
                    tx.respond(SipAdapter.response(req, 480, "Temporarily Unavailable", null));
                    return;
                }
                UasCall call = new UasCall(ctx, tx);
                pendingInvites.put(tx.key(), call);
                forgetWhenAnswered(tx, call);
                call.begin();
            }
            case "OPTIONS" -> tx.respond(Capabilities.optionsAnswer(req, ctx));
            default -> tx.respond(SipAdapter.response(req, 481, "Call/Transaction Does Not Exist", null));
        }
    }

    /** Keeps the call findable by CANCEL while it is unanswered; checks every 64*T1 (the INVITE may ring long). */
    private void forgetWhenAnswered(ServerTransaction tx, UasCall call) {
        var _ = ctx.layer.scheduler().schedule(ctx.layer.timers().timeout64T1(), tx.lane(), () -> {
            if (call.phase() == UasCall.Phase.PROCEEDING) {
                forgetWhenAnswered(tx, call);
            } else {
                pendingInvites.remove(tx.key());
            }
        });
    }

    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
        UasCall call = invite == null ? null : pendingInvites.remove(invite.key());
        if (call == null) {
            cancel.respond(SipAdapter.response(cancel.request(), 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        cancel.respond(SipAdapter.response(cancel.request(), 200, "OK", null));
        call.cancelled(cancel.request());
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        String toTag = SipAdapter.toTag(ack);
        if (toTag == null) {
            return;
        }
        UaContext.Call call =
                ctx.dialogs.get(DialogId.ofReceivedRequest(SipAdapter.callId(ack), toTag, SipAdapter.fromTag(ack)));
        if (call != null) {
            call.onAck(ack);
        } else {
            LOG.debug("ACK for no dialog from {}", flow);
        }
    }

    @Override
    public void onStrayResponse(SipResponse response, Flow flow) {
        int status = SipAdapter.status(response);
        String toTag = SipAdapter.toTag(response);
        if (status < 200 || status >= 300 || toTag == null || !"INVITE".equals(SipAdapter.cseqMethod(response))) {
            return;
        }
        UaContext.Call call = ctx.dialogs.get(
                DialogId.ofReceivedResponse(SipAdapter.callId(response), SipAdapter.fromTag(response), toTag));
        if (call != null) {
            call.onStraySuccess(response);
        }
    }
}
