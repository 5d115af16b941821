package org.pstngw.sip.ua;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.DialogId;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.MergedRequests;
import org.pstngw.sip.transaction.ServerTransaction;
import org.pstngw.sip.transaction.TransactionLayer;
import org.pstngw.sip.transport.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The UA core as transaction user (8.2, 12.2.2): applies the checks of 8.2 ({@link RequestChecks}: 405, 416, 420, 415,
 * 406; then merged requests 482 and no dialog 481), routes each new request to its dialog or to a new call, answers
 * OPTIONS, and matches CANCEL and ACK. Runs on the request's Call-ID lane. A request whose handling fails (a bug, an
 * application callback that throws) is answered 500 when it has no final response yet: no request is left unanswered.
 */
final class UserAgentCore implements TransactionLayer.User {
    private static final Logger LOG = LoggerFactory.getLogger(UserAgentCore.class);

    private final UaContext ctx;
    private final Map<Executor, MergedRequests> merged = new ConcurrentHashMap<>();

    UserAgentCore(UaContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        MDC.put("callId", req.callId());
        try {
            dispatch(tx, req);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed in the UA core", req.method(), req.callId(), e);
            if (!tx.finalSent()) {
                tx.respond(ctx.replies.of(req, SipStatus.SERVER_INTERNAL_ERROR));
            }
        } finally {
            MDC.remove("callId");
        }
    }

    private void dispatch(ServerTransaction tx, SipRequest req) {
        SipMethod method = req.method();
        var rejection = RequestChecks.reject(req, ctx);
        if (rejection.isPresent()) {
            tx.respond(rejection.get());
            return;
        }
        String toTag = req.to().tag();
        if (toTag != null) {
            UaContext.Call call =
                    ctx.dialogs.get(DialogId.ofReceivedRequest(req.callId(), toTag, UasCall.remoteTag(req)));
            if (call == null) {
                tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            } else {
                call.onInDialogRequest(tx);
            }
            return;
        }
        MergedRequests detector = merged.computeIfAbsent(
                tx.lane(),
                l -> new MergedRequests(
                        ctx.layer.scheduler().clock(), ctx.layer.timers().timeout64T1(), 10_000));
        if (detector.isMerged(req.from().tag(), req.callId(), req.cseq().number(), method, tx.key())) {
            tx.respond(ctx.replies.of(req, SipStatus.LOOP_DETECTED));
            return;
        }
        if (method.equals(SipMethod.INVITE)) {
            if (ctx.listener == null) {
                tx.respond(ctx.replies.of(req, SipStatus.TEMPORARILY_UNAVAILABLE));
                return;
            }
            new UasCall(ctx, tx).begin();
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req, ctx));
        } else {
            tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
        }
    }

    /**
     * A CANCEL (9.2): 481 when it matches no INVITE transaction; else the INVITE's owner hears of it (an unanswered
     * INVITE gets 487) and the CANCEL gets 200 with the To tag of the INVITE's response, as 9.2 asks.
     */
    @Override
    public void onCancel(ServerTransaction cancel, ServerTransaction invite) {
        SipRequest req = cancel.request();
        if (invite == null) {
            cancel.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            return;
        }
        try {
            invite.listener().onCancel(invite, req);
        } catch (RuntimeException e) {
            LOG.error("CANCEL of {} failed in the UA core", req.callId(), e);
        }
        SipResponse last = invite.lastResponse();
        String toTag = last != null ? last.to().tag() : null;
        cancel.respond(ctx.replies.builder(req, SipStatus.OK, toTag).buildResponse());
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        String toTag = ack.to().tag();
        if (toTag == null) {
            return;
        }
        UaContext.Call call = ctx.dialogs.get(DialogId.ofReceivedRequest(ack.callId(), toTag, UasCall.remoteTag(ack)));
        if (call != null) {
            call.onAck(ack);
        } else {
            LOG.debug("ACK for no dialog from {}", flow);
        }
    }

    @Override
    public void onStrayResponse(SipResponse response, Flow flow) {
        String toTag = response.to().tag();
        String fromTag = response.from().tag();
        if (fromTag == null
                || response.statusCode() < 200
                || response.statusCode() >= 300
                || toTag == null
                || !response.cseq().method().equals(SipMethod.INVITE)) {
            return;
        }
        UaContext.Call call = ctx.dialogs.get(DialogId.ofReceivedResponse(response.callId(), fromTag, toTag));
        if (call != null) {
            call.onStraySuccess(response);
        }
    }
}
