package org.pstngw.sip.ua;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.pstngw.sip.dialog.Dialog;
import org.pstngw.sip.dialog.DialogState;
import org.pstngw.sip.message.Contact;
import org.pstngw.sip.message.HeaderNames;
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
 * Offer/answer (RFC 3264 with RFC 3261 13.2.1, RFC 3262 5, RFC 3311) and target refresh inside a dialog, the same for
 * both ends of a call: which side's offer waits for its answer ({@link Offer}, across the INVITE, reliable provisionals
 * and their PRACKs, the 2xx and its ACK, UPDATE and re-INVITE), and which INVITE transaction is in progress ({@link
 * Invite}, 14.1: at most one, in either direction, until its ACK).
 *
 * <ul>
 *   <li>Received: a re-INVITE while our INVITE is in progress gets 491, one while theirs is (the initial one until its
 *       ACK, a re-INVITE until its ACK) 500 with Retry-After 0-10 s (14.2); an offer while ours is unanswered gets 491,
 *       while theirs is unanswered 500 with Retry-After (RFC 3311 5.2). The application accepts (200 with its body and
 *       our Contact, the request's Contact becoming the remote target, 12.2.2) or rejects (e.g. 488, the session stays
 *       as it was); a re-INVITE's 2xx is retransmitted until its ACK (13.3.1.4). A re-INVITE without offer asks for
 *       ours: its 2xx carries the application's offer, and the answer in the ACK goes to the application.
 *   <li>Sent: refused locally with 491 under the same rules (a re-INVITE also before the dialog is confirmed); a 2xx's
 *       Contact becomes the remote target (12.2.1.2); a re-INVITE's 2xx is ACKed, and so is each retransmission of it.
 *       A 481 or 408 (or no response) ends the dialog (12.2.1.2).
 * </ul>
 *
 * Runs on the call's lane.
 */
final class SessionRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresh.class);

    /** Whose offer waits for its answer; RFC 3264 allows one at a time. */
    enum Offer {
        /** No offer outstanding: the next body either side sends is an offer. */
        NONE,
        /** We made an offer: the next body from the far end is its answer. */
        LOCAL,
        /** The far end made an offer: the next body we send is our answer. */
        REMOTE;

        /** The state after a body (offer or answer) went out. */
        Offer afterSent() {
            return this == REMOTE ? NONE : LOCAL;
        }

        /** The state after a body (offer or answer) came in. */
        Offer afterReceived() {
            return this == LOCAL ? NONE : REMOTE;
        }
    }

    /** Which INVITE transaction of the dialog is in progress (14.1, until its ACK for a 2xx). */
    enum Invite {
        NONE,
        OURS,
        THEIRS
    }

    private final UaContext ctx;
    private final Executor lane;
    private final DialogOwner owner;
    private Offer offer = Offer.NONE;
    private Invite invite;
    private SuccessRetransmitter retransmitter;
    private long ackCseq = -1;
    private SipRequest ack;

    /**
     * @param initialIsOurs true for the UAC end (we sent the initial INVITE), false for the UAS end
     */
    SessionRefresh(UaContext ctx, Executor lane, DialogOwner owner, boolean initialIsOurs) {
        this.ctx = ctx;
        this.lane = lane;
        this.owner = owner;
        this.invite = initialIsOurs ? Invite.OURS : Invite.THEIRS;
    }

    Offer offer() {
        return offer;
    }

    /** A message we sent carried a body: an offer, or the answer to theirs. */
    void bodySent() {
        offer = offer.afterSent();
    }

    /** A message we received carried a body: an offer, or the answer to ours. */
    void bodyReceived() {
        offer = offer.afterReceived();
    }

    /**
     * The final response to the initial INVITE, or the ACK of its 2xx, came without the answer our offer needed (the
     * far end broke 13.2.1): no offer is outstanding any more, so the session can go on with new offers.
     */
    void offerSettled() {
        offer = Offer.NONE;
    }

    /** The initial INVITE transaction is over (its 2xx ACKed, or a non-2xx final). */
    void initialInviteDone() {
        invite = Invite.NONE;
    }

    /** A re-INVITE or UPDATE received in the dialog (its CSeq already checked). */
    void received(ServerTransaction tx) {
        SipRequest req = tx.request();
        boolean reinvite = req.isInvite();
        boolean body = req.bodyLength() > 0;
        if (reinvite && invite == Invite.OURS) {
            tx.respond(ctx.replies.of(req, SipStatus.REQUEST_PENDING));
            return;
        }
        if (reinvite && invite == Invite.THEIRS) {
            tx.respond(retryLater(req));
            return;
        }
        if ((body || reinvite) && offer == Offer.LOCAL) {
            tx.respond(ctx.replies.of(req, SipStatus.REQUEST_PENDING));
            return;
        }
        if ((body || reinvite) && offer == Offer.REMOTE) {
            tx.respond(retryLater(req));
            return;
        }
        Optional<OfferReply> asked = ctx.ask("onOffer", req.callId(), () -> owner.offer(ReceivedMessage.of(req)));
        if (asked.isEmpty()) {
            tx.respond(ctx.replies.of(req, SipStatus.SERVER_INTERNAL_ERROR));
            return;
        }
        switch (asked.get()) {
            case OfferReply.Reject r -> {
                SipMessageBuilder b = ctx.replies.builder(req, r.status());
                r.headers().forEach(h -> b.header(h.name(), h.value()));
                tx.respond(b.buildResponse());
            }
            case OfferReply.Accept a -> accept(tx, a.body());
        }
    }

    private void accept(ServerTransaction tx, Optional<Body> body) {
        SipRequest req = tx.request();
        boolean reinvite = req.isInvite();
        if (req.bodyLength() > 0) {
            offer = offer.afterReceived();
        }
        if (body.isPresent()) {
            offer = offer.afterSent();
        } else if (offer == Offer.REMOTE || reinvite) {
            LOG.warn("call {}: 200 to {} without the body offer/answer needs", req.callId(), req.method());
            offer = Offer.NONE;
        }
        owner.dialog().refreshTarget(contactOf(req));
        SipMessageBuilder b = ctx.replies
                .builder(req, SipStatus.OK)
                .header(HeaderNames.CONTACT, ctx.contact(tx.arrival().transport(), owner.secure()))
                .header(HeaderNames.ALLOW, UaContext.ALLOW);
        ctx.supported().ifPresent(v -> b.header(HeaderNames.SUPPORTED, v));
        body.ifPresent(x -> b.body(x.contentType(), x.bytes()));
        SipResponse ok = b.buildResponse();
        tx.respond(ok);
        if (!reinvite) {
            return;
        }
        invite = Invite.THEIRS;
        if (retransmitter != null) {
            retransmitter.stop();
        }
        retransmitter = new SuccessRetransmitter(ctx, lane, tx, ok, req.cseq().number(), () -> {
            invite = Invite.NONE;
            owner.dialogFailed("no ACK for the 2xx to re-INVITE " + req.cseq().number() + " within 64*T1", true);
        });
        tx.listener(new ServerTransaction.Listener() {
            @Override
            public void onAck(ServerTransaction t, SipRequest a) {
                ack(a);
            }
        });
    }

    /** 500 with Retry-After of 0-10 s (14.2, RFC 3311 5.2). */
    private SipResponse retryLater(SipRequest req) {
        return ctx.replies
                .builder(req, SipStatus.SERVER_INTERNAL_ERROR)
                .header(
                        Names.RETRY_AFTER,
                        Integer.toString(ThreadLocalRandom.current().nextInt(11)))
                .buildResponse();
    }

    /**
     * An ACK in the dialog: true when it acknowledges the 2xx to a re-INVITE we answered. When that 2xx carried our
     * offer, the ACK's body is the answer and goes to the application.
     */
    boolean ack(SipRequest received) {
        if (retransmitter == null || !retransmitter.acked(received.cseq().number())) {
            return false;
        }
        if (invite == Invite.THEIRS) {
            invite = Invite.NONE;
            if (offer == Offer.LOCAL) {
                offer = Offer.NONE;
                if (received.bodyLength() > 0) {
                    owner.answer(ReceivedMessage.of(received));
                } else {
                    LOG.warn("call {}: the ACK carries no answer to our offer", received.callId());
                }
            }
        }
        return true;
    }

    /** A 2xx that matched no transaction: true when it is a retransmission of the 2xx to our re-INVITE (re-ACKed). */
    boolean straySuccess(SipResponse response) {
        if (ack != null && response.cseq().number() == ackCseq) {
            ctx.sendStateless(owner.dialog(), ack);
            return true;
        }
        return false;
    }

    /** Sends an UPDATE or re-INVITE with {@code body} (an offer), or an UPDATE without body (a target refresh). */
    void send(SipMethod method, Optional<Body> body) {
        Dialog dialog = owner.dialog();
        if (dialog == null || owner.ended() || dialog.state() == DialogState.TERMINATED) {
            LOG.info("{} not sent: no dialog", method);
            return;
        }
        boolean reinvite = method.equals(SipMethod.INVITE);
        String refusal = null;
        if (reinvite && (invite != Invite.NONE || dialog.state() != DialogState.CONFIRMED)) {
            refusal = "an INVITE transaction is in progress";
        } else if ((body.isPresent() || reinvite) && offer != Offer.NONE) {
            refusal = "an offer is outstanding";
        }
        SipRequest request = ctx.inDialog(dialog, method, 0, List.of(), body);
        if (refusal != null) {
            LOG.info("{} refused locally: {}", method, refusal);
            owner.answered(
                    method, local(request, SipStatus.REQUEST_PENDING.withReason("Request Pending (" + refusal + ")")));
            return;
        }
        if (body.isPresent()) {
            offer = Offer.LOCAL;
        }
        if (reinvite) {
            invite = Invite.OURS;
        }
        ctx.send(dialog, request, new Outcome(dialog, request, body.isPresent()), () -> {
            finished(reinvite, body.isPresent());
            owner.answered(method, local(request, SipStatus.SERVICE_UNAVAILABLE));
        });
    }

    /** What our UPDATE or re-INVITE gets back. */
    private final class Outcome implements ClientTransaction.Listener {
        private final Dialog dialog;
        private final SipRequest request;
        private final boolean offered;
        private boolean done;

        Outcome(Dialog dialog, SipRequest request, boolean offered) {
            this.dialog = dialog;
            this.request = request;
            this.offered = offered;
        }

        @Override
        public void onResponse(ClientTransaction tx, SipResponse response) {
            if (response.isProvisional()) {
                return;
            }
            boolean reinvite = request.isInvite();
            boolean success = response.statusCode() < 300;
            boolean first = !done;
            done = true;
            if (first && success) {
                dialog.refreshTarget(contactOf(response));
            }
            if (reinvite && success) {
                acknowledge(dialog, request);
            }
            if (!first) {
                return;
            }
            finished(reinvite, offered);
            owner.answered(request.method(), ReceivedMessage.of(response));
            InDialog.checkDialog(owner, request.method(), response.statusCode());
        }

        @Override
        public void onTimeout(ClientTransaction tx) {
            if (!done) {
                done = true;
                finished(request.isInvite(), offered);
                owner.answered(request.method(), local(request, SipStatus.REQUEST_TIMEOUT));
                InDialog.checkDialog(owner, request.method(), SipStatus.REQUEST_TIMEOUT.code());
            }
        }

        @Override
        public void onTransportError(ClientTransaction tx) {
            if (!done) {
                done = true;
                finished(request.isInvite(), offered);
                owner.answered(request.method(), local(request, SipStatus.SERVICE_UNAVAILABLE));
            }
        }
    }

    /** Our request got its final outcome: its offer is answered or rejected either way, its INVITE is done. */
    private void finished(boolean reinvite, boolean offered) {
        if (offered && offer == Offer.LOCAL) {
            offer = Offer.NONE;
        }
        if (reinvite && invite == Invite.OURS) {
            invite = Invite.NONE;
        }
    }

    /** The ACK of a 2xx to our re-INVITE (13.2.2.4): same CSeq number, a new branch; kept for retransmissions. */
    private void acknowledge(Dialog dialog, SipRequest reinvite) {
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
