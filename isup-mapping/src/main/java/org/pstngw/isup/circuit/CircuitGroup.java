package org.pstngw.isup.circuit;

/**
 * A range of CICs towards one destination point code, carried on consecutive timeslots of one TDM span.
 *
 * @param name the group's configured name
 * @param dpc the adjacent exchange's point code
 * @param firstCic the first CIC of the range
 * @param count the number of circuits
 * @param span the TDM span carrying them
 * @param firstTimeslot the timeslot of {@code firstCic}
 */
public record CircuitGroup(String name, int dpc, int firstCic, int count, int span, int firstTimeslot) {

    /** Largest ITU-T CIC (12 bits). */
    public static final int MAX_CIC = 4095;

    public CircuitGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("circuit group needs a name");
        }
        if (count < 1 || firstCic < 0 || firstCic + count - 1 > MAX_CIC) {
            throw new IllegalArgumentException(
                    "group " + name + ": CICs " + firstCic + "+" + count + " outside 0.." + MAX_CIC);
        }
        if (firstTimeslot < 0 || span < 0) {
            throw new IllegalArgumentException("group " + name + ": span and timeslot must be >= 0");
        }
    }

    public boolean contains(int cic) {
        return cic >= firstCic && cic < firstCic + count;
    }

    /** The timeslot of {@code cic} on {@link #span()}. */
    public int timeslotOf(int cic) {
        if (!contains(cic)) {
            throw new IllegalArgumentException("CIC " + cic + " not in group " + name);
        }
        return firstTimeslot + (cic - firstCic);
    }

    public int lastCic() {
        return firstCic + count - 1;
    }
}
