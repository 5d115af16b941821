package org.pstngw.isup.call;

/**
 * The Q.764 Annex A timers call control runs (values in {@link IsupTimers}). The call timers are events of a
 * circuit's state machine ({@link CallEvent#expiryOf}); T12-T15, T18-T23 and T28 belong to the maintenance
 * procedures. T4 (the user part test) is the link's ({@code link.M3uaSettings#userPartTestInterval}).
 */
public enum IsupTimer {
    /** T1 (15-60 s): REL sent, waiting for RLC; on expiry REL is repeated. */
    T1,
    /** T2 (3 min): the controlling exchange is in a user-initiated suspend, waiting for RES (user). */
    T2,
    /** T5 (5-15 min): initial REL sent; on expiry RSC is sent, maintenance alerted, T1 stopped, T17 started. */
    T5,
    /** T6 (Q.118): the controlling exchange received SUS (network), waiting for RES (network) or REL. */
    T6,
    /** T7 (20-30 s): the latest address message sent, waiting for ACM or CON. */
    T7,
    /** T8 (10-15 s): IAM with continuity check required (or performed on a previous circuit) received, waiting COT. */
    T8,
    /** T9 (Q.118): ACM received at the controlling exchange, waiting for ANM. */
    T9,
    /** T12 (15-60 s): BLO sent, waiting for BLA; on expiry BLO is repeated. */
    T12,
    /** T13 (5-15 min): initial BLO sent; on expiry BLO is repeated, maintenance alerted, T12 stopped. */
    T13,
    /** T14 (15-60 s): UBL sent, waiting for UBA. */
    T14,
    /** T15 (5-15 min): initial UBL sent; on expiry UBL is repeated, maintenance alerted, T14 stopped. */
    T15,
    /** T16 (15-60 s): RSC sent (not after T5), waiting for RLC; on expiry RSC is repeated. */
    T16,
    /** T17 (5-15 min): initial RSC sent; on expiry RSC is repeated, maintenance alerted, T16 stopped. */
    T17,
    /** T18 (15-60 s): CGB sent, waiting for CGBA. */
    T18,
    /** T19 (5-15 min): initial CGB sent; on expiry CGB is repeated, maintenance alerted, T18 stopped. */
    T19,
    /** T20 (15-60 s): CGU sent, waiting for CGUA. */
    T20,
    /** T21 (5-15 min): initial CGU sent; on expiry CGU is repeated, maintenance alerted, T20 stopped. */
    T21,
    /** T22 (15-60 s): GRS sent, waiting for GRA. */
    T22,
    /** T23 (5-15 min): initial GRS sent; on expiry GRS is repeated, maintenance alerted, T22 stopped. */
    T23,
    /** T24 (&lt; 2 s): check tone sent, waiting for it to come back. */
    T24,
    /** T25 (1-10 s): initial continuity check failure detected; on expiry CCR is sent and the test repeated. */
    T25,
    /** T26 (1-3 min): second or later continuity check failure; on expiry CCR is sent and the test repeated. */
    T26,
    /** T27 (4 min): continuity check failure indication received, waiting for CCR; on expiry RSC is sent. */
    T27,
    /** T28 (10 s): CQM sent, waiting for CQR; on expiry maintenance is alerted. */
    T28,
    /** T35 (15-20 s): latest digit received before the number is complete, waiting for more (SAM). */
    T35,
    /** T36 (10-15 s): CCR received, waiting for COT or REL; on expiry the circuit is reset (RSC). */
    T36
}
