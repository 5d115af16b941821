package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.duration;

import java.time.Duration;
import java.util.List;

/** ISUP timer settings with the Q.764 Annex A ranges. */
final class IsupTimerSettings {
    static final Setting<Duration> T1 = timer("t1", 15, 60, 15, "waiting for RLC after REL (15-60 s)");
    static final Setting<Duration> T2 = timer("t2", 60, 300, 180, "waiting for RES (network) after a user SUS (3 min)");
    static final Setting<Duration> T5 = timer("t5", 300, 900, 300, "initial REL to end of REL repetition (5-15 min)");
    static final Setting<Duration> T6 =
            timer("t6", 10, 120, 30, "waiting for RES (network) after SUS (network), Q.118");
    static final Setting<Duration> T7 = timer("t7", 20, 30, 20, "waiting for ACM/ANM/CON after IAM (20-30 s)");
    static final Setting<Duration> T8 = timer("t8", 10, 15, 10, "waiting for COT after IAM with continuity (10-15 s)");
    static final Setting<Duration> T9 = timer("t9", 90, 180, 90, "waiting for ANM after ACM (90-180 s, Q.118)");
    static final Setting<Duration> T16 = timer("t16", 15, 60, 15, "waiting for RLC after RSC (15-60 s)");
    static final Setting<Duration> T17 = timer("t17", 300, 900, 300, "initial RSC to end of RSC repetition (5-15 min)");

    static final List<Setting<?>> ALL = List.of(T1, T2, T5, T6, T7, T8, T9, T16, T17);

    private IsupTimerSettings() {}

    private static Setting<Duration> timer(String key, int minS, int maxS, int defS, String description) {
        return Setting.of(
                key,
                duration(Duration.ofSeconds(minS), Duration.ofSeconds(maxS), "s"),
                Duration.ofSeconds(defS),
                "s",
                description);
    }

    static IsupTimers read(NodeReader r) {
        IsupTimers t = new IsupTimers(
                r.get(T1), r.get(T2), r.get(T5), r.get(T6), r.get(T7), r.get(T8), r.get(T9), r.get(T16), r.get(T17));
        r.finish();
        return t;
    }
}
