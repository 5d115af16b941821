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

    /** Circuit selection for outgoing calls. */
    public enum Hunting {
        SEQUENTIAL_UP,
        SEQUENTIAL_DOWN,
        ROUND_ROBIN,
        LEAST_RECENTLY_USED,
        ODD,
        EVEN
    }

    /** Call direction allowed on the group. */
    public enum Direction {
        BOTH,
        INCOMING,
        OUTGOING
    }
}
