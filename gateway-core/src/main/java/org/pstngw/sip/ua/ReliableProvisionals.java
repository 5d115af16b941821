package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongFunction;
import org.pstngw.sip.message.RAck;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UAS side of RFC 3262 for one INVITE: RSeq numbering from a random start (3), one reliable provisional outstanding
 * at a time (later ones wait for the PRACK of the previous), each retransmitted at T1, 2*T1, ... until its PRACK, and
 * given up after 64*T1. Runs on the call's lane.
 */
final class ReliableProvisionals {
    private static final Logger LOG = LoggerFactory.getLogger(ReliableProvisionals.class);

    private final UaContext ctx;
    private final Executor lane;
    private final ServerTransaction inviteTx;
    private final long inviteCseq;
    private final Runnable onNoPrack;
    private final ArrayDeque<LongFunction<SipResponse>> waiting = new ArrayDeque<>();
    private long rseq = 1L + ThreadLocalRandom.current().nextInt(1 << 20);
    private Pending unacked;

    /**
     * @param onNoPrack what to do when a reliable provisional is not PRACKed within 64*T1 (reject the INVITE)
     */
    ReliableProvisionals(
            UaContext ctx, Executor lane, ServerTransaction inviteTx, long inviteCseq, Runnable onNoPrack) {
        this.ctx = ctx;
        this.lane = lane;
        this.inviteTx = inviteTx;
        this.inviteCseq = inviteCseq;
        this.onNoPrack = onNoPrack;
    }

    /** Sends the provisional {@code build} makes for the next RSeq now, or once the outstanding one is PRACKed. */
    void send(LongFunction<SipResponse> build) {
        if (unacked != null) {
            waiting.add(build);
            return;
        }
        long n = rseq++;
        SipResponse r = build.apply(n);
        unacked = new Pending(n, r);
        inviteTx.respond(r);
        unacked.schedule(ctx.layer.timers().t1());
    }

    /**
     * A PRACK arrived.
     *
     * @return true when its RAck acknowledges the outstanding provisional (then the next waiting one goes out)
     */
    boolean prack(Optional<RAck> rack) {
        if (unacked == null
                || rack.isEmpty()
                || rack.get().rseq() != unacked.rseq
                || rack.get().cseq() != inviteCseq) {
            return false;
        }
        unacked.cancel();
        unacked = null;
        LongFunction<SipResponse> next = waiting.poll();
        if (next != null) {
            send(next);
        }
        return true;
    }

    /** The INVITE got its final response: stop retransmitting, forget what waits. */
    void stop() {
        if (unacked != null) {
            unacked.cancel();
            unacked = null;
        }
        waiting.clear();
    }

    /** A reliable provisional awaiting its PRACK. */
    private final class Pending {
        final long rseq;
        final SipResponse response;
        final Timeout giveUp;
        Duration interval;
        Timeout timer = Timeout.NONE;

        Pending(long rseq, SipResponse response) {
            this.rseq = rseq;
            this.response = response;
            this.giveUp = ctx.layer.scheduler().schedule(ctx.layer.timers().timeout64T1(), lane, this::noPrack);
        }

        void cancel() {
            timer.cancel();
            giveUp.cancel();
        }

        private void noPrack() {
            if (unacked != this) {
                return;
            }
            LOG.info("reliable provisional {} not PRACKed within 64*T1", rseq);
            timer.cancel();
            unacked = null;
            waiting.clear();
            onNoPrack.run();
        }

        void schedule(Duration next) {
            interval = next;
            timer = ctx.layer.scheduler().schedule(next, lane, this::fire);
        }

        void fire() {
            if (unacked != this) {
                return;
            }
            inviteTx.respond(response);
            schedule(interval.multipliedBy(2));
        }
    }
}
