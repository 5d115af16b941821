package org.pstngw.isup.call;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Timer values. There is one definition of the defaults: conf's {@code ss7.isup-timers} settings (Q.764 Annex A
 * ranges, checked when the configuration loads); {@link #defaults()} reads them, {@link #from} maps a loaded
 * configuration.
 */
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

    /** conf's defaults (the values an empty configuration file gives). */
    public static IsupTimers defaults() {
        return from(org.pstngw.conf.IsupTimers.defaults());
    }

    /** The values of a loaded configuration. */
    public static IsupTimers from(org.pstngw.conf.IsupTimers c) {
        EnumMap<IsupTimer, Duration> m = new EnumMap<>(IsupTimer.class);
        m.put(IsupTimer.T1, c.t1());
        m.put(IsupTimer.T2, c.t2());
        m.put(IsupTimer.T5, c.t5());
        m.put(IsupTimer.T6, c.t6());
        m.put(IsupTimer.T7, c.t7());
        m.put(IsupTimer.T8, c.t8());
        m.put(IsupTimer.T9, c.t9());
        m.put(IsupTimer.T12, c.t12());
        m.put(IsupTimer.T13, c.t13());
        m.put(IsupTimer.T14, c.t14());
        m.put(IsupTimer.T15, c.t15());
        m.put(IsupTimer.T16, c.t16());
        m.put(IsupTimer.T17, c.t17());
        m.put(IsupTimer.T18, c.t18());
        m.put(IsupTimer.T19, c.t19());
        m.put(IsupTimer.T20, c.t20());
        m.put(IsupTimer.T21, c.t21());
        m.put(IsupTimer.T22, c.t22());
        m.put(IsupTimer.T23, c.t23());
        m.put(IsupTimer.T24, c.t24());
        m.put(IsupTimer.T25, c.t25());
        m.put(IsupTimer.T26, c.t26());
        m.put(IsupTimer.T27, c.t27());
        m.put(IsupTimer.T28, c.t28());
        m.put(IsupTimer.T35, c.t35());
        m.put(IsupTimer.T36, c.t36());
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
