package org.pstngw.conf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** An immutable set of timeslot numbers, written as ranges such as {@code 1-15,17-31}. */
public final class Timeslots {
    private final BitSet bits;

    private Timeslots(BitSet bits) {
        this.bits = (BitSet) bits.clone();
    }

    public static Timeslots of(BitSet bits) {
        return new Timeslots(bits);
    }

    /** Timeslots {@code from..to} inclusive. */
    public static Timeslots range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return new Timeslots(b);
    }

    /**
     * Parses {@code 1-15,17-31} style text.
     *
     * @throws IllegalArgumentException naming the defect
     */
    public static Timeslots parse(String text) {
        BitSet b = new BitSet();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty timeslot list");
        }
        for (String part : trimmed.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            int from;
            int to;
            try {
                if (dash < 0) {
                    from = Integer.parseInt(p);
                    to = from;
                } else {
                    from = Integer.parseInt(p.substring(0, dash).strip());
                    to = Integer.parseInt(p.substring(dash + 1).strip());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a timeslot or range like 1-15", e);
            }
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("'" + p + "' is not an ascending range");
            }
            if (b.get(from, to + 1).cardinality() > 0) {
                throw new IllegalArgumentException("'" + p + "' overlaps an earlier range");
            }
            b.set(from, to + 1);
        }
        return new Timeslots(b);
    }

    public boolean contains(int timeslot) {
        return timeslot >= 0 && bits.get(timeslot);
    }

    public int size() {
        return bits.cardinality();
    }

    public int first() {
        return bits.nextSetBit(0);
    }

    public int last() {
        return bits.length() - 1;
    }

    /** The timeslots in ascending order. */
    public List<Integer> list() {
        List<Integer> out = new ArrayList<>(bits.cardinality());
        bits.stream().forEach(out::add);
        return List.copyOf(out);
    }

    public Timeslots without(int timeslot) {
        BitSet b = (BitSet) bits.clone();
        b.clear(timeslot);
        return new Timeslots(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timeslots t && t.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int i = bits.nextSetBit(0);
        while (i >= 0) {
            int end = bits.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = bits.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
