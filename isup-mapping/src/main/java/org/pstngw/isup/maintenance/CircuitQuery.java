package org.pstngw.isup.maintenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.pstngw.isup.call.IsupTimer;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.call.Scheduler;
import org.pstngw.isup.call.SerialExecutor;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit group queries we send (CQM and CQR, Q.763 Tables 41 and 24; T28, Q.764 Annex A):
 *
 * <pre>
 *   query(cic, count) --> CQM for count circuits (range count - 1, 0..31), T28 started
 *   CQR with the same CIC and range --> T28 stopped; one report per circuit to the caller
 *   T28 expiry --> maintenance alerted (NO_QUERY_RESPONSE); the caller told there was no answer
 *   destination lost --> T28 stopped; the caller told the exchange is unreachable (no CQR can come)
 *   query while the destination is unreachable --> no CQM; unreachable at once
 * </pre>
 *
 * A query for the circuits of one still pending joins it (one CQM, one answer for both). The reports are handed to the
 * caller as they are; call control does not correct its own states from them. Not implemented, deliberately for now:
 * aligning our states with the CQR automatically (sending BLO, UBL or RSC where the two sides disagree), as some
 * versions of Q.764 and national variants tabulate; what to do about a disagreement is left to the operator or the
 * management code that asked. Runs on the call control's executor; if that executor
 * is shut down while T28 runs, the caller's stage fails instead of waiting forever.
 */
public final class CircuitQuery {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitQuery.class);

    private final MaintenanceContext context;
    private final List<Pending> pending = new ArrayList<>();
    private boolean reachable = true;

    private static final class Pending {
        final int cic;
        final int count;
        final CompletableFuture<QueryResult> result = new CompletableFuture<>();
        Scheduler.Cancellable t28 = () -> {};

        Pending(int cic, int count) {
            this.cic = cic;
            this.count = count;
        }
    }

    public CircuitQuery(MaintenanceContext context) {
        this.context = context;
    }

    /** Sends CQM for {@code count} (1..32) circuits from {@code firstCic}; the stage completes with the answer. */
    public CompletionStage<QueryResult> query(int firstCic, int count) {
        if (count < 1 || count > Ranges.MAX_CIRCUITS) {
            throw new IllegalArgumentException("a CQM covers 1.." + Ranges.MAX_CIRCUITS + " circuits, not " + count);
        }
        if (!reachable) {
            return CompletableFuture.completedFuture(new QueryResult.Unreachable(firstCic, count));
        }
        for (Pending p : pending) {
            if (p.cic == firstCic && p.count == count) {
                return p.result;
            }
        }
        Pending p = new Pending(firstCic, count);
        pending.add(p);
        context.send(IsupMessages.range(IsupMessageType.CQM, firstCic, count - 1));
        p.t28 = context.scheduler()
                .schedule(
                        context.timers().get(IsupTimer.T28),
                        () -> context.executor().execute(new SerialExecutor.Abandonable() {
                            @Override
                            public void run() {
                                expired(p);
                            }

                            @Override
                            public void abandoned(RejectedExecutionException cause) {
                                p.result.completeExceptionally(cause);
                            }
                        }));
        return p.result;
    }

    /**
     * Whether the other exchange can be reached; when it is lost, every pending query ends at once as {@link
     * QueryResult.Unreachable} (its T28 stopped, no alert), and queries asked until it is back end so too.
     */
    public void destination(boolean canSend) {
        reachable = canSend;
        if (canSend || pending.isEmpty()) {
            return;
        }
        List<Pending> lost = List.copyOf(pending);
        pending.clear();
        for (Pending p : lost) {
            p.t28.cancel();
            LOG.info("CIC {}: CQM of {} circuits unanswered, the destination is unreachable", p.cic, p.count);
            p.result.complete(new QueryResult.Unreachable(p.cic, p.count));
        }
    }

    /** Queries awaiting their CQR. */
    public int pending() {
        return pending.size();
    }

    /** CQR received: the pending query of the same CIC and range gets its reports. */
    public void answered(IsupMessage cqr) {
        RangeAndStatus rs = cqr.rangeAndStatus().orElse(null);
        byte[] states = cqr.parameters()
                .get(ParameterCode.CIRCUIT_STATE_INDICATOR)
                .map(IsupParameter::value)
                .orElse(null);
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (rs == null || p.cic != cqr.cic() || p.count != rs.range() + 1) {
                continue;
            }
            if (states == null || states.length < p.count) {
                LOG.info("CIC {}: CQR with {} circuit states for {} circuits: discarded", cqr.cic(), states, p.count);
                return;
            }
            it.remove();
            p.t28.cancel();
            List<CircuitReport> reports = new ArrayList<>(p.count);
            for (int k = 0; k < p.count; k++) {
                reports.add(new CircuitReport(p.cic + k, states[k] & 0xFF));
            }
            p.result.complete(new QueryResult.Answered(p.cic, reports));
            return;
        }
        LOG.info("CIC {}: CQR {} matches no query of ours: discarded", cqr.cic(), rs);
    }

    private void expired(Pending p) {
        if (pending.remove(p)) {
            LOG.warn("CIC {}: no CQR for our CQM of {} circuits within T28", p.cic, p.count);
            context.alert(p.cic, MaintenanceAlert.NO_QUERY_RESPONSE);
            p.result.complete(new QueryResult.NoAnswer(p.cic, p.count));
        }
    }
}
