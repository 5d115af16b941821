package org.pstngw.sip.ua;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.pstngw.sip.message.SipResponse;
import org.pstngw.sip.timer.Timeout;
import org.pstngw.sip.transaction.ServerTransaction;

/**
 * The UAS core's 2xx retransmission, RFC 3261 13.3.1.4: the 2xx goes out again at T1, 2*T1, ... capped at T2 until the
 * ACK arrives; over a reliable transport it is not repeated (the transport does not lose it) but the 64*T1 wait for the
 * ACK still runs. Without ACK after 64*T1 the session is ended ({@code onNoAck}).
 */
final class SuccessRetransmitter {
    private final UaContext ctx;
    private final Executor lane;
    private final ServerTransaction tx;
    private final SipResponse ok;
    private final long cseq;
    private final Runnable onNoAck;
    private final boolean retransmit;
    private Duration interval;
    private Timeout timer = Timeout.NONE;
    private final Timeout giveUp;
    private boolean done;

    SuccessRetransmitter(
            UaContext ctx, Executor lane, ServerTransaction tx, SipResponse ok, long cseq, Runnable onNoAck) {
        this.ctx = ctx;
        this.lane = lane;
        this.tx = tx;
        this.ok = ok;
        this.cseq = cseq;
        this.onNoAck = onNoAck;
        this.retransmit = !tx.arrival().transport().reliable();
        this.interval = ctx.layer.timers().t1();
        this.giveUp = ctx.layer.scheduler().schedule(ctx.layer.timers().timeout64T1(), lane, this::noAck);
        if (retransmit) {
            schedule();
        }
    }

    private void noAck() {
        if (!done) {
            done = true;
            timer.cancel();
            onNoAck.run();
        }
    }

    private void schedule() {
        timer = ctx.layer.scheduler().schedule(interval, lane, this::fire);
    }

    private void fire() {
        if (done) {
            return;
        }
        if (!tx.terminated()) {
            tx.respond(ok);
        } else {
            ctx.layer.sendStateless(tx.responseFlow(), ok.toBytes()); // where the first 2xx went
        }
        interval = ctx.layer.timers().backoffCapped(interval);
        schedule();
    }

    /**
     * An ACK with CSeq {@code ackCseq} arrived.
     *
     * @return true if it acknowledges this 2xx (the first time or again)
     */
    boolean acked(long ackCseq) {
        if (ackCseq != cseq) {
            return false;
        }
        stop();
        return true;
    }

    void stop() {
        done = true;
        timer.cancel();
        giveUp.cancel();
    }
}
