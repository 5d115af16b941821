package org.pstngw.conf;

import java.time.Duration;

/**
 * ISUP timers, Q.764 Annex A (ranges checked at load).
 *
 * @param t1 waiting for RLC after sending REL (15-60 s)
 * @param t2 waiting for RES (network) after a user suspend (3 min)
 * @param t5 initial REL sent to waiting for RLC (5-15 min)
 * @param t6 waiting for RES (network) after SUS (network), Q.118
 * @param t7 waiting for ACM/ANM/CON after IAM (20-30 s)
 * @param t8 waiting for COT after IAM with continuity check (10-15 s)
 * @param t9 waiting for ANM after ACM (90-180 s, Q.118)
 * @param t16 waiting for RLC after sending RSC (15-60 s)
 * @param t17 initial RSC to waiting for RLC (5-15 min)
 */
public record IsupTimers(
        Duration t1,
        Duration t2,
        Duration t5,
        Duration t6,
        Duration t7,
        Duration t8,
        Duration t9,
        Duration t16,
        Duration t17) {}
