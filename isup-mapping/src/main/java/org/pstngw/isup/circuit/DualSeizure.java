package org.pstngw.isup.circuit;

/**
 * Q.764 2.10.1.4: "the exchange with the higher signalling point code shall control all even-numbered circuits
 * (CIC) and the other exchange the odd-numbered circuits".
 */
public final class DualSeizure {

    private DualSeizure() {}

    /** True when the exchange {@code ownPc} controls {@code cic} against {@code remotePc}. */
    public static boolean controls(int ownPc, int remotePc, int cic) {
        boolean even = (cic & 1) == 0;
        return ownPc > remotePc ? even : !even;
    }
}
