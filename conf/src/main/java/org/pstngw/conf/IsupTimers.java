package org.pstngw.conf;

import java.time.Duration;

/**
 * ISUP timers, Q.764 Annex A (ranges checked at load; defaults and ranges in {@code IsupTimerSettings}).
 *
 * @param t1 waiting for RLC after sending REL (15-60 s)
 * @param t2 controlling exchange waiting for RES (user) after SUS (user) (3 min)
 * @param t4 user part test (UPT) interval while the remote ISUP is unavailable (5-15 min)
 * @param t5 initial REL sent to RSC and maintenance alert (5-15 min)
 * @param t6 controlling exchange waiting for RES (network) after SUS (network), Q.118
 * @param t7 waiting for ACM/CON after the latest address message (20-30 s)
 * @param t8 waiting for COT after IAM with continuity check (10-15 s)
 * @param t9 waiting for ANM after ACM (Q.118)
 * @param t12 waiting for BLA after BLO (15-60 s)
 * @param t13 initial BLO to maintenance alert (5-15 min)
 * @param t14 waiting for UBA after UBL (15-60 s)
 * @param t15 initial UBL to maintenance alert (5-15 min)
 * @param t16 waiting for RLC after sending RSC (15-60 s)
 * @param t17 initial RSC to maintenance alert (5-15 min)
 * @param t18 waiting for CGBA after CGB (15-60 s)
 * @param t19 initial CGB to maintenance alert (5-15 min)
 * @param t20 waiting for CGUA after CGU (15-60 s)
 * @param t21 initial CGU to maintenance alert (5-15 min)
 * @param t22 waiting for GRA after GRS (15-60 s)
 * @param t23 initial GRS to maintenance alert (5-15 min)
 * @param t24 waiting for the check tone to come back (less than 2 s)
 * @param t25 first continuity failure to CCR (1-10 s)
 * @param t26 later continuity failure to CCR (1-3 min)
 * @param t27 waiting for CCR after a continuity failure indication (4 min)
 * @param t28 waiting for CQR after sending CQM (10 s)
 * @param t35 overlap receiving: waiting for more digits (15-20 s)
 * @param t36 waiting for COT or REL after receiving CCR (10-15 s)
 */
public record IsupTimers(
        Duration t1,
        Duration t2,
        Duration t4,
        Duration t5,
        Duration t6,
        Duration t7,
        Duration t8,
        Duration t9,
        Duration t12,
        Duration t13,
        Duration t14,
        Duration t15,
        Duration t16,
        Duration t17,
        Duration t18,
        Duration t19,
        Duration t20,
        Duration t21,
        Duration t22,
        Duration t23,
        Duration t24,
        Duration t25,
        Duration t26,
        Duration t27,
        Duration t28,
        Duration t35,
        Duration t36) {

    /** The defaults: what an empty {@code ss7.isup-timers} section gives. */
    public static IsupTimers defaults() {
        return IsupTimerSettings.defaults();
    }
}
