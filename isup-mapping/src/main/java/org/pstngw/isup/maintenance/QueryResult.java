package org.pstngw.isup.maintenance;

import java.util.List;

/** What became of a circuit group query of ours (CQM): the other exchange's CQR, or no answer within T28. */
public sealed interface QueryResult {

    /** The first circuit queried. */
    int firstCic();

    /** The CQR: one report per circuit queried, in CIC order. */
    record Answered(int firstCic, List<CircuitReport> circuits) implements QueryResult {
        public Answered {
            circuits = List.copyOf(circuits);
        }
    }

    /** No CQR within T28 (maintenance was alerted). */
    record NoAnswer(int firstCic, int count) implements QueryResult {}

    /**
     * The other exchange became unreachable (MTP-PAUSE, user part unavailable) before its CQR came, or was unreachable
     * when the query was asked: no CQR can come, so the query ends at once instead of waiting out T28. The link loss is
     * reported on its own; a query again once the destination is back (after the recovery group reset) answers.
     */
    record Unreachable(int firstCic, int count) implements QueryResult {}
}
