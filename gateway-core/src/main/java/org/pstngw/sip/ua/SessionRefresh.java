package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogState;
import org.pstngw.sip.message.Contact;
import org.pstngw.sip.message.SipMessage;
import org.pstngw.sip.message.SipMessageBuilder;
import org.pstngw.sip.message.SipMethod;
import org.pstngw.sip.message.SipRequest;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.message.SipResponses;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.message.Uri;
import org.pstngw.sip.transaction.ClientTransaction;
import org.pstngw.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Target refresh and offer/answer inside a dialog, the same for both ends of a call: re-INVITE (RFC 3261 14) and UPDATE
 * (RFC 3311), received and sent.
 *
 * <ul>
 *   <li>Received: a re-INVITE while our own INVITE is in progress gets 491, one while theirs is still in progress 500
 *       with Retry-After 0-10 s (14.2); an offer while ours is unanswered gets 491, while theirs is unanswered 500 with
 *       Retry-After (RFC 3311 5.2). The
 *       application accepts (200 with its body, Contact, the request's Contact becoming the remote target, 12.2.2) or
 *       rejects (e.g. 488); a re-INVITE's 2xx is retransmitted until its ACK (13.3.1.4).
 *   <li>Sent: refused locally with 491 under the same rules (and a re-INVITE before the dialog is confirmed and
 *       the initial INVITE ACKed); a 2xx's Contact becomes the remote target (12.2.1.2); a re-INVITE's 2xx is ACKed,
 *       and so is each retransmission of it.
 * </ul>
 *
 * The owning call tells it when the initial INVITE leaves an offer open ({@link #localOffer}, {@link #remoteOffer}) and
 * when that INVITE transaction is done ({@link #initialInviteDone}). Runs on the call's lane.
 */
final class SessionRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresh.class);

    /** The call this refresh logic belongs to. */
    interface Owner {
        /** The dialog, or null before there is one. */
        Dialog dialog();

        /** True once the call is over. */
        boolean ended();

        /** Whether our Contact must be a sips URI (12.1.1). */
        boolean secure();

        /** Asks the application for its reply to an offer. */
        OfferReply offer(IncomingMessage request);

        /** Reports the final outcome of a request we sent (received or synthesised). */
        void answered(SipMethod method, IncomingMessage response);
    }

    private final UaContext ctx;
    private final Executor lane;
    private final Owner owner;
    private final boolean initialIsOurs;
    private boolean localOfferPending;
    private boolean remoteOfferPending;
    private boolean initialInviteInProgress = true;
    private boolean inviteSent;
    private SuccessRetransmitter retransmitter;
    private long ackCseq = -1;
    private SipRequest ack;

    /**
     * @param initialIsOurs true for the UAC end (we sent the initial INVITE), false for the UAS end
     */
    SessionRefresh(UaContext ctx, Executor lane, Owner owner, boolean initialIsOurs) {
        this.ctx = ctx;
        this.lane = lane;
        this.owner = owner;
        this.initialIsOurs = initialIsOurs;
    }

    /** An offer we made (in the initial INVITE) is awaiting its answer, or got it. */
    void localOffer(boolean pending) {
        localOfferPending = pending;
    }

    /** An offer we received (in the initial INVITE) is awaiting our answer, or got it. */
    void remoteOffer(boolean pending) {
        remoteOfferPending = pending;
    }

    /** The initial INVITE transaction is over (its 2xx ACKed, or a non-2xx final). */
    void initialInviteDone() {
        initialInviteInProgress = false;
    }

    /** A re-INVITE or UPDATE received in the dialog (its CSeq already checked). */
    void received(ServerTransaction tx) {
        SipRequest req = tx.request();
        boolean invite = req.isInvite();
        boolean offer = invite || req.bodyLength() > 0;
        if (invite && (inviteSent || (initialInviteInProgress && initialIsOurs))) {
            tx.respond(ctx.replies.of(req, SipStatus.REQUEST_PENDING));
            return;
        }
        if (invite && initialInviteInProgress) {
            tx.respond(retryLater(req));
            return;
        }
        if (offer && localOfferPending) {
            tx.respond(ctx.replies.of(req, SipStatus.REQUEST_PENDING));
            return;
        }
        if (offer && remoteOfferPending) {
            tx.respond(retryLater(req));
            return;
        }
        OfferReply reply = owner.offer(ReceivedMessage.of(req));
        switch (reply) {
            case OfferReply.Reject r -> {
                SipMessageBuilder b = ctx.replies.builder(req, r.status());
                r.headers().forEach(h -> b.header(h.name(), h.value()));
                tx.respond(b.buildResponse());
            }
            case OfferReply.Accept a -> {
                owner.dialog().refreshTarget(contactOf(req));
                SipMessageBuilder b = ctx.replies
                        .builder(req, SipStatus.OK)
                        .header("Contact", ctx.contact(tx.arrival().transport(), owner.secure()))
                        .header("Allow", UaContext.ALLOW);
                ctx.supported().ifPresent(v -> b.header("Supported", v));
                a.body().ifPresent(x -> b.body(x.contentType(), x.bytes()));
                SipResponse ok = b.buildResponse();
                tx.respond(ok);
                if (invite) {
                    if (retransmitter != null) {
                        retransmitter.stop();
                    }
                    retransmitter = new SuccessRetransmitter(
                            ctx, lane, tx, ok, req.cseq().number(), () -> {
                                LOG.info(
                                        "no ACK for the 2xx to re-INVITE {} within 64*T1",
                                        req.cseq().number());
                            });
                    tx.listener(new ServerTransaction.Listener() {
                        @Override
                        public void onAck(ServerTransaction t, SipRequest a) {
                            ack(a);
                        }
                    });
                }
            }
        }
    }

    /** 500 with Retry-After of 0-10 s (14.2, RFC 3311 5.2). */
    private SipResponse retryLater(SipRequest req) {
        return ctx.replies
                .builder(req, SipStatus.SERVER_INTERNAL_ERROR)
                .header(
                        "Retry-After",
                        Integer.toString(ThreadLocalRandom.current().nextInt(11)))
                .buildResponse();
    }

    /** An ACK in the dialog: true when it acknowledges the 2xx to a re-INVITE we answered. */
    boolean ack(SipRequest ack) {
        return retransmitter != null && retransmitter.acked(ack.cseq().number());
    }

    /** A 2xx that matched no transaction: true when it is a retransmission of the 2xx to our re-INVITE (re-ACKed). */
    boolean straySuccess(SipResponse response) {
        if (ack != null && response.cseq().number() == ackCseq) {
            ctx.sendStateless(owner.dialog(), ack);
            return true;
        }
        return false;
    }

    /** Sends an UPDATE or re-INVITE with {@code offer}. */
    void send(SipMethod method, Optional<Body> offer) {
        Dialog dialog = owner.dialog();
        if (dialog == null || owner.ended() || dialog.state() == DialogState.TERMINATED) {
            LOG.info("{} not sent: no dialog", method);
            return;
        }
        boolean invite = method.equals(SipMethod.INVITE);
        String refusal = null;
        if (invite && (inviteSent || initialInviteInProgress || dialog.state() != DialogState.CONFIRMED)) {
            refusal = "an INVITE transaction is in progress";
        } else if (offer.isPresent() && (localOfferPending || remoteOfferPending)) {
            refusal = "an offer is outstanding";
        }
        SipRequest request = ctx.inDialog(dialog, method, 0, List.of(), offer);
        if (refusal != null) {
            LOG.info("{} refused locally: {}", method, refusal);
            owner.answered(
                    method, local(request, SipStatus.REQUEST_PENDING.withReason("Request Pending (" + refusal + ")")));
            return;
        }
        localOfferPending = offer.isPresent();
        inviteSent = invite;
        ctx.send(
                dialog,
                request,
                new ClientTransaction.Listener() {
                    private boolean done;

                    @Override
                    public void onResponse(ClientTransaction tx, SipResponse response) {
                        if (response.isProvisional()) {
                            return;
                        }
                        boolean first = !done;
                        done = true;
                        if (first && response.statusCode() < 300) {
                            dialog.refreshTarget(contactOf(response));
                        }
                        if (invite && response.statusCode() < 300) {
                            acknowledge(dialog, request, response);
                        }
                        if (!first) {
                            return;
                        }
                        finished(invite);
                        owner.answered(method, ReceivedMessage.of(response));
                    }

                    @Override
                    public void onTimeout(ClientTransaction tx) {
                        failed(SipStatus.REQUEST_TIMEOUT);
                    }

                    @Override
                    public void onTransportError(ClientTransaction tx) {
                        failed(SipStatus.SERVICE_UNAVAILABLE);
                    }

                    private void failed(SipStatus status) {
                        if (!done) {
                            done = true;
                            finished(invite);
                            owner.answered(method, local(request, status));
                        }
                    }
                },
                () -> {
                    finished(invite);
                    owner.answered(method, local(request, SipStatus.SERVICE_UNAVAILABLE));
                });
    }

    private void finished(boolean invite) {
        localOfferPending = false;
        if (invite) {
            inviteSent = false;
        }
    }

    /** The ACK of a 2xx to our re-INVITE (13.2.2.4): same CSeq number, a new branch; kept for retransmissions. */
    private void acknowledge(Dialog dialog, SipRequest reinvite, SipResponse ok) {
        if (ack == null || ackCseq != reinvite.cseq().number()) {
            ackCseq = reinvite.cseq().number();
            ack = ctx.inDialog(dialog, SipMethod.ACK, ackCseq, List.of(), Optional.empty());
        }
        ctx.sendStateless(dialog, ack);
    }

    /** The call ended: no more 2xx retransmissions. */
    void stop() {
        if (retransmitter != null) {
            retransmitter.stop();
        }
    }

    /** The first Contact URI of {@code m}, or null (none, or unreadable). */
    static Uri contactOf(SipMessage m) {
        try {
            for (Contact c : m.contacts()) {
                if (c instanceof Contact.Address a) {
                    return a.address().uri();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable Contact: {}", e.getMessage());
        }
        return null;
    }

    /** A response synthesised locally for {@code request} (8.1.3.1: 408 timeout, 503 transport error; 491 refusal). */
    static IncomingMessage local(SipRequest request, SipStatus status) {
        return ReceivedMessage.of(SipResponses.create(request, status, null));
    }
}
