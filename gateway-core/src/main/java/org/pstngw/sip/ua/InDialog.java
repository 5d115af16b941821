package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogState;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both ends of a call do in its dialog (RFC 3261 12.2), shared by the UAC and the UAS side:
 *
 * <ul>
 *   <li>Received requests: a CSeq below the remote sequence number gets 500 (12.2.2); BYE gets 200 and ends the
 *       dialog; INFO (RFC 6086) gets 200 and goes to the application, unless it names an Info-Package, which this UA
 *       never agreed to receive (469 with an empty Recv-Info); re-INVITE and UPDATE go to {@link SessionRefresh};
 *       PRACK to the owner; OPTIONS is answered; any other method gets 405.
 *   <li>Sent requests: INFO, UPDATE, re-INVITE, and BYE. A 481 or 408 to one of them, or no response at all, ends the
 *       dialog (12.2.1.2).
 * </ul>
 *
 * Runs on the call's lane.
 */
final class InDialog {
    private static final Logger LOG = LoggerFactory.getLogger(InDialog.class);

    private final UaContext ctx;
    private final DialogOwner owner;
    private final SessionRefresh refresh;

    /**
     * @param initialIsOurs true for the UAC end (we sent the initial INVITE), false for the UAS end
     */
    InDialog(UaContext ctx, Executor lane, DialogOwner owner, boolean initialIsOurs) {
        this.ctx = ctx;
        this.owner = owner;
        this.refresh = new SessionRefresh(ctx, lane, owner, initialIsOurs);
    }

    SessionRefresh refresh() {
        return refresh;
    }

    /** A request in the dialog (UserAgentCore matched its dialog id). */
    void onRequest(ServerTransaction tx) {
        SipRequest req = tx.request();
        SipMethod method = req.method();
        Dialog dialog = owner.dialog();
        if (dialog == null || (dialog.state() == DialogState.TERMINATED && !method.equals(SipMethod.BYE))) {
            tx.respond(ctx.replies.of(req, SipStatus.CALL_DOES_NOT_EXIST));
            return;
        }
        if (!dialog.acceptRemoteCseq(req.cseq().number())) {
            tx.respond(ctx.replies.of(req, SipStatus.SERVER_INTERNAL_ERROR.withReason("CSeq Out of Order")));
            return;
        }
        if (method.equals(SipMethod.BYE)) {
            tx.respond(ctx.replies.of(req, SipStatus.OK));
            dialog.terminate();
            refresh.stop();
            owner.byeReceived(req);
        } else if (method.equals(SipMethod.INFO)) {
            info(tx);
        } else if (method.equals(SipMethod.PRACK)) {
            owner.prack(tx);
        } else if (method.equals(SipMethod.UPDATE) || method.equals(SipMethod.INVITE)) {
            refresh.received(tx);
        } else if (method.equals(SipMethod.OPTIONS)) {
            tx.respond(Capabilities.optionsAnswer(req, ctx));
        } else {
            tx.respond(Capabilities.methodNotAllowed(req, ctx));
        }
    }

    /** RFC 6086 4.2.2: an INFO for an Info Package we did not say we receive gets 469 with our (empty) Recv-Info. */
    private void info(ServerTransaction tx) {
        SipRequest req = tx.request();
        if (req.hasHeader(Names.INFO_PACKAGE)) {
            tx.respond(ctx.replies
                    .builder(req, SipStatus.valueOf(469).withReason("Bad Info Package"))
                    .header(Names.RECV_INFO, "")
                    .buildResponse());
            return;
        }
        tx.respond(ctx.replies.of(req, SipStatus.OK));
        owner.info(req);
    }

    /** Sends an INFO with {@code body}; its outcome goes to {@link DialogOwner#answered}. */
    void sendInfo(Body body) {
        Dialog dialog = owner.dialog();
        if (dialog == null || owner.ended() || dialog.state() == DialogState.TERMINATED) {
            LOG.info("INFO not sent on {}: no dialog", owner.callId());
            return;
        }
        SipRequest info = ctx.inDialog(dialog, SipMethod.INFO, 0, List.of(), Optional.of(body));
        ctx.send(
                dialog,
                info,
                reporting(info),
                () -> owner.answered(SipMethod.INFO, SessionRefresh.local(info, SipStatus.SERVICE_UNAVAILABLE)));
    }

    /** Sends an UPDATE with {@code offer}. */
    void sendUpdate(Body offer) {
        refresh.send(SipMethod.UPDATE, Optional.of(offer));
    }

    /** Sends a re-INVITE with {@code offer}. */
    void sendReinvite(Body offer) {
        refresh.send(SipMethod.INVITE, Optional.of(offer));
    }

    /**
     * Ends the dialog with a BYE carrying {@code headers}; {@code done} runs once, when the BYE has its final response,
     * timed out, failed, or could not be routed.
     */
    void sendBye(List<Header> headers, Runnable done) {
        Dialog dialog = owner.dialog();
        SipRequest bye = ctx.inDialog(dialog, SipMethod.BYE, 0, headers, Optional.empty());
        dialog.terminate();
        refresh.stop();
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public void run() {
                if (!ran) {
                    ran = true;
                    done.run();
                }
            }
        };
        ctx.send(
                dialog,
                bye,
                new ClientTransaction.Listener() {
                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse response) {
                        if (response.isFinal()) {
                            once.run();
                        }
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) {
                        once.run();
                    }

                    @Override
                    public void onTransportError(ClientTransaction tx) {
                        once.run();
                    }
                },
                once);
    }

    /** Reports the final response (or a local 408/503) of {@code request}, ending the dialog on 481 or 408. */
    private ClientTransaction.Listener reporting(SipRequest request) {
        SipMethod method = request.method();
        return new ClientTransaction.Listener() {
            @Override
            public void onResponse(ClientTransaction tx, SipResponse response) {
                if (response.isFinal()) {
                    owner.answered(method, ReceivedMessage.of(response));
                    checkDialog(owner, method, response.statusCode());
                }
            }

            @Override
            public void onTimeout(ClientTransaction tx) {
                owner.answered(method, SessionRefresh.local(request, SipStatus.REQUEST_TIMEOUT));
                checkDialog(owner, method, SipStatus.REQUEST_TIMEOUT.code());
            }

            @Override
            public void onTransportError(ClientTransaction tx) {
                owner.answered(method, SessionRefresh.local(request, SipStatus.SERVICE_UNAVAILABLE));
            }
        };
    }

    /**
     * 12.2.1.2: a 481 to a request in the dialog means the far end has no such dialog (it ends here, without BYE); a
     * 408, received or local, that it cannot be reached (it ends, with a BYE in case it still holds the dialog).
     */
    static void checkDialog(DialogOwner owner, SipMethod method, int status) {
        if (owner.ended()) {
            return;
        }
        if (status == SipStatus.CALL_DOES_NOT_EXIST.code()) {
            owner.dialogFailed(method + " answered 481: the far end has no such dialog", false);
        } else if (status == SipStatus.REQUEST_TIMEOUT.code()) {
            owner.dialogFailed(method + " timed out (408)", true);
        }
    }
}
