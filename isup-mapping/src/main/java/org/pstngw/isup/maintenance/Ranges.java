package org.pstngw.isup.maintenance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits circuits into the ranges group messages can carry: Q.763 3.43 / Q.764 2.8.3, 2.9.3.2: a GRS, CGB or CGU
 * affects 2 to 32 circuits (range 1..31; range 0 is reserved in these messages). A single circuit left over is
 * merged so that every range has at least two circuits; a lone circuit (count 1) stays alone and the caller uses
 * the circuit message (RSC, BLO) instead.
 */
final class Ranges {

    /** Most circuits one group message may affect. */
    static final int MAX_CIRCUITS = 32;

    /** One group message's circuits: {@code count} from {@code firstCic}. */
    record Range(int firstCic, int count) {
        /** The range field value: circuits affected minus one. */
        int rangeField() {
            return count - 1;
        }

        boolean contains(int cic) {
            return cic >= firstCic && cic < firstCic + count;
        }
    }

    private Ranges() {}

    static List<Range> split(int firstCic, int count) {
        List<Range> out = new ArrayList<>();
        int cic = firstCic;
        int left = count;
        while (left > 0) {
            int n = Math.min(MAX_CIRCUITS, left);
            if (left - n == 1) {
                n--;
            }
            out.add(new Range(cic, n));
            cic += n;
            left -= n;
        }
        return out;
    }

    /** The range field of a received group message is valid (Q.764: 1..31, else the message is discarded). */
    static boolean validGroupRange(int rangeField) {
        return rangeField >= 1 && rangeField <= MAX_CIRCUITS - 1;
    }
}
