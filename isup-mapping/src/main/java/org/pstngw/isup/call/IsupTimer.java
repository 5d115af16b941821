package org.pstngw.isup.call;

/** The Q.764 call-control timers the per-circuit state machine runs (values in {@link IsupTimers}). */
public enum IsupTimer {
    /** T1: REL sent, waiting for RLC; on expiry REL is repeated (Q.764 2.3.1 d)). */
    T1,
    /** T2: user-initiated suspend received, waiting for RES (Q.764 2.5.1). */
    T2,
    /** T5: initial REL sent; on expiry RSC is sent and maintenance alerted (Q.764 2.3.1 d)). */
    T5,
    /** T6: network-initiated suspend received, waiting for RES (Q.764 2.5.2). */
    T6,
    /** T7: IAM sent, waiting for ACM/CON/ANM (Q.764 2.1.4.7). */
    T7,
    /** T8: IAM with continuity check required received, waiting for COT (Q.764 2.1.8). */
    T8,
    /** T9: ACM received, waiting for answer (Q.764 2.1.4.7 / 2.1.7). */
    T9,
    /** T16: RSC sent, waiting for RLC (Q.764 2.9.3.1). */
    T16,
    /** T17: initial T16 expired; RSC repeated every T17 with maintenance alerted (Q.764 2.9.3.1). */
    T17,
    /** T35: incomplete address received, waiting for further digits (SAM) (Q.764 2.1.2.1). */
    T35
}
