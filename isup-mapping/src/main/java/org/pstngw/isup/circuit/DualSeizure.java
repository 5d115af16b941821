package org.pstngw.isup.circuit;

/**
 * The one rule for which exchange controls a circuit on dual seizure (Q.764 2.9.1.4): "the exchange with the higher
 * signalling point code shall control all even-numbered circuits (CIC) and the other exchange the odd-numbered
 * circuits" ({@link Control#AUTO}); a bilateral agreement may fix it otherwise (the other values). The controlling
 * exchange completes its call and ignores the other's IAM; the non-controlling one backs off and re-attempts.
 *
 * @param control the configured rule
 * @param ownPc our signalling point code
 * @param remotePc the adjacent exchange's point code
 */
public record DualSeizure(Control control, int ownPc, int remotePc) {

    /** Which CICs this side controls. */
    public enum Control {
        /** Q.764 2.9.1.4: the higher point code controls the even CICs, the lower one the odd CICs. */
        AUTO,
        /** We control the even CICs. */
        EVEN,
        /** We control the odd CICs. */
        ODD,
        /** We control every CIC (the other side agreed to back off everywhere). */
        ALL,
        /** We control no CIC. */
        NONE
    }

    public DualSeizure {
        if (control == null) {
            throw new IllegalArgumentException("dual seizure needs a control rule");
        }
    }

    /** The Q.764 default between two point codes. */
    public static DualSeizure byPointCodes(int ownPc, int remotePc) {
        return new DualSeizure(Control.AUTO, ownPc, remotePc);
    }

    /** True when we win a dual seizure on {@code cic}. */
    public boolean controls(int cic) {
        boolean even = (cic & 1) == 0;
        return switch (control) {
            case AUTO -> ownPc > remotePc ? even : !even;
            case EVEN -> even;
            case ODD -> !even;
            case ALL -> true;
            case NONE -> false;
        };
    }
}
