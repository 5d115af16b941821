package org.pstngw.conf;

/**
 * A group of ISUP circuits carried on one TDM span: circuit i (0-based) has CIC {@code firstCic + i} and is the
 * i-th voice timeslot of the span counting from {@code firstTimeslot}.
 *
 * @param name group name, used by routing
 * @param span name of the TDM span carrying the circuits
 * @param firstCic CIC of the first circuit
 * @param firstTimeslot timeslot (E1) or channel (T1) of the first circuit
 * @param count number of circuits
 * @param hunting how an idle circuit is chosen for an outgoing call
 * @param direction which calls the group takes
 */
public record CircuitGroupConfig(
        String name, String span, int firstCic, int firstTimeslot, int count, Hunting hunting, Direction direction) {

    /**
     * Circuit selection for outgoing calls. ODD and EVEN take that parity first (lowest first), then the other one
     * (highest first); CONTROLLED_FIRST takes the CICs this side controls on dual seizure first (Q.764 2.9.1.3).
     */
    public enum Hunting {
        SEQUENTIAL_UP,
        SEQUENTIAL_DOWN,
        ROUND_ROBIN,
        LEAST_RECENTLY_USED,
        ODD,
        EVEN,
        CONTROLLED_FIRST
    }

    /** Call direction allowed on the group. */
    public enum Direction {
        BOTH,
        INCOMING,
        OUTGOING
    }
}
