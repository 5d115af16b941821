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
 * given up after 64*T1. Every RSeq sent is remembered, so that a PRACK arriving after its provisional was stopped (by a
 * final response) or after a retransmitted PRACK still gets its 200. Its two timers (retransmit, give up) are events
 * on the call's lane, recognised by the RSeq they were started for. Runs on the call's lane.
 */
final class ReliableProvisionals {
    private static final Logger LOG = LoggerFactory.getLogger(ReliableProvisionals.class);

    /** What a PRACK acknowledges. */
    enum Prack {
        /** The outstanding reliable provisional: it is acknowledged now. */
        OUTSTANDING,
        /** One sent earlier and acknowledged or stopped already: answer 200, nothing changes. */
        EARLIER,
        /** None of ours (481). */
        UNKNOWN
    }

    private record Waiting(LongFunction<SipResponse> build, boolean body) {}

    private final UaContext ctx;
    private final Executor lane;
    private final ServerTransaction inviteTx;
    private final long inviteCseq;
    private final Runnable onNoPrack;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final long firstRseq = 1L + ThreadLocalRandom.current().nextInt(1 << 20);
    private long nextRseq = firstRseq;
    private long outstanding = -1;
    private boolean outstandingBody;
    private SipResponse outstandingResponse;
    private Duration interval;
    private Timeout retransmit = Timeout.NONE;
    private Timeout giveUp = Timeout.NONE;

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

    /**
     * Sends the provisional {@code build} makes for the next RSeq now, or once the outstanding one is PRACKed.
     *
     * @param body whether it carries a body (an offer or answer: the 2xx must wait for its PRACK, RFC 3262 3)
     */
    void send(LongFunction<SipResponse> build, boolean body) {
        if (outstanding >= 0) {
            waiting.add(new Waiting(build, body));
            return;
        }
        long n = nextRseq++;
        outstanding = n;
        outstandingBody = body;
        outstandingResponse = build.apply(n);
        inviteTx.respond(outstandingResponse);
        interval = ctx.layer.timers().t1();
        retransmit = ctx.layer.scheduler().schedule(interval, lane, () -> retransmit(n));
        giveUp = ctx.layer.scheduler().schedule(ctx.layer.timers().timeout64T1(), lane, () -> noPrack(n));
    }

    /** Whether a reliable provisional with a body still waits for its PRACK (or waits to be sent). */
    boolean bodyUnacknowledged() {
        return (outstanding >= 0 && outstandingBody) || waiting.stream().anyMatch(Waiting::body);
    }

    /** A PRACK arrived with {@code rack}. */
    Prack prack(Optional<RAck> rack) {
        if (rack.isEmpty() || rack.get().cseq() != inviteCseq) {
            return Prack.UNKNOWN;
        }
        long n = rack.get().rseq();
        if (n == outstanding) {
            clear();
            Waiting next = waiting.poll();
            if (next != null) {
                send(next.build(), next.body());
            }
            return Prack.OUTSTANDING;
        }
        return n >= firstRseq && n < nextRseq ? Prack.EARLIER : Prack.UNKNOWN;
    }

    /** The INVITE got its final response: stop retransmitting, forget what waits (sent RSeqs stay known). */
    void stop() {
        clear();
        waiting.clear();
    }

    private void clear() {
        retransmit.cancel();
        giveUp.cancel();
        outstanding = -1;
        outstandingBody = false;
        outstandingResponse = null;
    }

    private void retransmit(long rseq) {
        if (outstanding != rseq) {
            return;
        }
        inviteTx.respond(outstandingResponse);
        interval = interval.multipliedBy(2);
        retransmit = ctx.layer.scheduler().schedule(interval, lane, () -> retransmit(rseq));
    }

    private void noPrack(long rseq) {
        if (outstanding != rseq) {
            return;
        }
        LOG.info("reliable provisional {} not PRACKed within 64*T1", rseq);
        stop();
        onNoPrack.run();
    }
}
