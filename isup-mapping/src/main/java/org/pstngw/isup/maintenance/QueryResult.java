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
}
