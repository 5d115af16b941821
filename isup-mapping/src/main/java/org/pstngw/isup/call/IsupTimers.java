package org.pstngw.isup.call;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Timer values, defaulting to Q.764 Annex A (the mid or upper value of each range); override per deployment. */
public record IsupTimers(Map<IsupTimer, Duration> values) {

    public IsupTimers {
        EnumMap<IsupTimer, Duration> copy = new EnumMap<>(IsupTimer.class);
        copy.putAll(values);
        for (IsupTimer t : IsupTimer.values()) {
            Duration d = copy.get(t);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timer " + t + " needs a positive value, got " + d);
            }
        }
        values = Map.copyOf(copy);
    }

    /** Q.764 Annex A values: T1 15 s (4-15), T2 3 min, T5 5 min (5-15), T6 per Q.118 (here 60 s), T7 30 s (20-30),
     *  T8 15 s (10-15), T9 90 s (90-180), T16 15 s (15-60), T17 5 min (5-15), T35 15 s (15-20). */
    public static IsupTimers q764Defaults() {
        EnumMap<IsupTimer, Duration> m = new EnumMap<>(IsupTimer.class);
        m.put(IsupTimer.T1, Duration.ofSeconds(15));
        m.put(IsupTimer.T2, Duration.ofMinutes(3));
        m.put(IsupTimer.T5, Duration.ofMinutes(5));
        m.put(IsupTimer.T6, Duration.ofSeconds(60));
        m.put(IsupTimer.T7, Duration.ofSeconds(30));
        m.put(IsupTimer.T8, Duration.ofSeconds(15));
        m.put(IsupTimer.T9, Duration.ofSeconds(90));
        m.put(IsupTimer.T16, Duration.ofSeconds(15));
        m.put(IsupTimer.T17, Duration.ofMinutes(5));
        m.put(IsupTimer.T35, Duration.ofSeconds(15));
        return new IsupTimers(m);
    }

    public Duration get(IsupTimer timer) {
        return values.get(timer);
    }

    /** A copy with one value changed. */
    public IsupTimers with(IsupTimer timer, Duration value) {
        EnumMap<IsupTimer, Duration> m = new EnumMap<>(values);
        m.put(timer, value);
        return new IsupTimers(m);
    }
}
