package org.pstngw.isup.circuit;

import java.util.List;

/**
 * A range of CICs towards one destination point code, carried on timeslots of one TDM span: circuit i (CIC
 * {@code firstCic + i}) is {@code timeslots.get(i)}, so a group can skip an E1's signalling timeslot 16.
 *
 * @param name the group's configured name
 * @param dpc the adjacent exchange's point code
 * @param firstCic the first CIC of the range
 * @param span the name of the TDM span carrying the circuits
 * @param timeslots the timeslot of each circuit, in CIC order
 * @param direction which calls the group takes
 */
public record CircuitGroup(
        String name, int dpc, int firstCic, String span, List<Integer> timeslots, Direction direction) {

    /** Largest ITU-T CIC (12 bits). */
    public static final int MAX_ITU_CIC = 4095;

    /** Largest ANSI T1.113 CIC (14 bits). */
    public static final int MAX_ANSI_CIC = 16383;

    /** Which calls a group takes. */
    public enum Direction {
        /** Outgoing and incoming calls (both-way circuits). */
        BOTH,
        /** Incoming calls only: no circuit is hunted for an outgoing call. */
        INCOMING,
        /** Outgoing calls only: an IAM received is refused. */
        OUTGOING;

        public boolean allowsOutgoing() {
            return this != INCOMING;
        }

        public boolean allowsIncoming() {
            return this != OUTGOING;
        }
    }

    public CircuitGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("circuit group needs a name");
        }
        timeslots = List.copyOf(timeslots);
        if (timeslots.isEmpty() || firstCic < 0 || firstCic + timeslots.size() - 1 > MAX_ANSI_CIC) {
            throw new IllegalArgumentException(
                    "group " + name + ": CICs " + firstCic + "+" + timeslots.size() + " outside 0.." + MAX_ANSI_CIC);
        }
        if (span == null || span.isBlank() || timeslots.stream().anyMatch(ts -> ts < 0)) {
            throw new IllegalArgumentException("group " + name + ": needs a span name and timeslots >= 0");
        }
        if (direction == null) {
            throw new IllegalArgumentException("group " + name + ": needs a direction");
        }
    }

    /** A both-way group on consecutive timeslots from {@code firstTimeslot} (tests, simple setups). */
    public static CircuitGroup contiguous(
            String name, int dpc, int firstCic, int count, String span, int firstTimeslot) {
        List<Integer> ts = java.util.stream.IntStream.range(firstTimeslot, firstTimeslot + count)
                .boxed()
                .toList();
        return new CircuitGroup(name, dpc, firstCic, span, ts, Direction.BOTH);
    }

    public int count() {
        return timeslots.size();
    }

    public boolean contains(int cic) {
        return cic >= firstCic && cic < firstCic + timeslots.size();
    }

    /** The timeslot of {@code cic} on {@link #span()}. */
    public int timeslotOf(int cic) {
        if (!contains(cic)) {
            throw new IllegalArgumentException("CIC " + cic + " not in group " + name);
        }
        return timeslots.get(cic - firstCic);
    }

    public int lastCic() {
        return firstCic + timeslots.size() - 1;
    }
}
