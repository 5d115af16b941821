package org.pstngw.conf;

import static org.pstngw.conf.ValueKinds.duration;

import java.time.Duration;
import java.util.List;

/**
 * ISUP timer settings with the Q.764 (12/1999) Annex A ranges: the one definition of their defaults. Annex A gives
 * ranges, not defaults; the default is the lower end of each range unless noted, so that a failure is detected as
 * early as the standard allows. T6 and T9 are "covered in Q.118": the ranges here are the ones Q.118 allows.
 */
final class IsupTimerSettings {
    static final Setting<Duration> T1 = seconds("t1", 15, 60, 15, "waiting for RLC after REL; REL repeated (15-60 s)");
    static final Setting<Duration> T2 =
            seconds("t2", 60, 300, 180, "controlling exchange waiting for RES (user) after SUS (user) (3 min)");
    static final Setting<Duration> T4 = seconds(
            "t4",
            300,
            900,
            300,
            "remote ISUP unavailable (MTP-STATUS): user part test (UPT) repeated until it answers (5-15 min)");
    static final Setting<Duration> T5 =
            seconds("t5", 300, 900, 300, "initial REL to RSC and maintenance alert (5-15 min)");
    static final Setting<Duration> T6 =
            seconds("t6", 10, 120, 30, "controlling exchange waiting for RES (network) after SUS (network) (Q.118)");
    static final Setting<Duration> T7 =
            seconds("t7", 20, 30, 20, "waiting for ACM/CON after the latest address (20-30 s)");
    static final Setting<Duration> T8 =
            seconds("t8", 10, 15, 10, "waiting for COT after IAM with continuity check (10-15 s)");
    static final Setting<Duration> T9 = seconds("t9", 90, 180, 90, "waiting for ANM after ACM (Q.118: 90-180 s)");
    static final Setting<Duration> T12 =
            seconds("t12", 15, 60, 15, "waiting for BLA after BLO; BLO repeated (15-60 s)");
    static final Setting<Duration> T13 =
            seconds("t13", 300, 900, 300, "initial BLO to maintenance alert; BLO repeated (5-15 min)");
    static final Setting<Duration> T14 =
            seconds("t14", 15, 60, 15, "waiting for UBA after UBL; UBL repeated (15-60 s)");
    static final Setting<Duration> T15 =
            seconds("t15", 300, 900, 300, "initial UBL to maintenance alert; UBL repeated (5-15 min)");
    static final Setting<Duration> T16 =
            seconds("t16", 15, 60, 15, "waiting for RLC after RSC; RSC repeated (15-60 s)");
    static final Setting<Duration> T17 =
            seconds("t17", 300, 900, 300, "initial RSC to maintenance alert; RSC repeated (5-15 min)");
    static final Setting<Duration> T18 =
            seconds("t18", 15, 60, 15, "waiting for CGBA after CGB; CGB repeated (15-60 s)");
    static final Setting<Duration> T19 =
            seconds("t19", 300, 900, 300, "initial CGB to maintenance alert; CGB repeated (5-15 min)");
    static final Setting<Duration> T20 =
            seconds("t20", 15, 60, 15, "waiting for CGUA after CGU; CGU repeated (15-60 s)");
    static final Setting<Duration> T21 =
            seconds("t21", 300, 900, 300, "initial CGU to maintenance alert; CGU repeated (5-15 min)");
    static final Setting<Duration> T22 =
            seconds("t22", 15, 60, 15, "waiting for GRA after GRS; GRS repeated (15-60 s)");
    static final Setting<Duration> T23 =
            seconds("t23", 300, 900, 300, "initial GRS to maintenance alert; GRS repeated (5-15 min)");
    static final Setting<Duration> T24 = Setting.of(
            "t24",
            duration(Duration.ofMillis(100), Duration.ofMillis(1999), "ms"),
            Duration.ofMillis(1000),
            "ms",
            "waiting for the check tone to come back (less than 2 s)");
    static final Setting<Duration> T25 =
            seconds("t25", 1, 10, 5, "after the first continuity failure, to CCR and a repeated test (1-10 s)");
    static final Setting<Duration> T26 =
            seconds("t26", 60, 180, 120, "after a later continuity failure, to CCR and a repeated test (1-3 min)");
    static final Setting<Duration> T27 =
            seconds("t27", 180, 300, 240, "waiting for CCR after a continuity failure indication; then RSC (4 min)");
    static final Setting<Duration> T28 =
            seconds("t28", 10, 30, 10, "waiting for CQR after CQM; then maintenance alert (10 s)");
    static final Setting<Duration> T35 =
            seconds("t35", 15, 20, 15, "overlap receiving: waiting for more digits (SAM); then REL 28 (15-20 s)");
    static final Setting<Duration> T36 =
            seconds("t36", 10, 15, 10, "waiting for COT or REL after CCR received; then RSC (10-15 s)");

    static final List<Setting<Duration>> TIMERS = List.of(
            T1, T2, T4, T5, T6, T7, T8, T9, T12, T13, T14, T15, T16, T17, T18, T19, T20, T21, T22, T23, T24, T25, T26,
            T27, T28, T35, T36);

    static final List<Setting<?>> ALL = List.copyOf(TIMERS);

    private IsupTimerSettings() {}

    private static Setting<Duration> seconds(String key, int minS, int maxS, int defS, String description) {
        return Setting.of(
                key,
                duration(Duration.ofSeconds(minS), Duration.ofSeconds(maxS), "s"),
                Duration.ofSeconds(defS),
                "s",
                description);
    }

    static IsupTimers read(NodeReader r) {
        IsupTimers t = new IsupTimers(
                r.get(T1),
                r.get(T2),
                r.get(T4),
                r.get(T5),
                r.get(T6),
                r.get(T7),
                r.get(T8),
                r.get(T9),
                r.get(T12),
                r.get(T13),
                r.get(T14),
                r.get(T15),
                r.get(T16),
                r.get(T17),
                r.get(T18),
                r.get(T19),
                r.get(T20),
                r.get(T21),
                r.get(T22),
                r.get(T23),
                r.get(T24),
                r.get(T25),
                r.get(T26),
                r.get(T27),
                r.get(T28),
                r.get(T35),
                r.get(T36));
        r.finish();
        return t;
    }

    static IsupTimers defaults() {
        Duration[] d = TIMERS.stream().map(Setting::defaultValue).toArray(Duration[]::new);
        return new IsupTimers(
                d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15],
                d[16], d[17], d[18], d[19], d[20], d[21], d[22], d[23], d[24], d[25], d[26]);
    }
}
