package org.pstngw.tdm.spi;

import java.util.HashSet;
import java.util.Set;

/**
 * The alarm state of one span and the events it gives: the frame thread sets alarms as its deframer or pseudowire
 * reports them; any thread reads the snapshot. Changing an alarm delivers {@link SpanEvent.AlarmRaised} or {@link
 * SpanEvent.AlarmCleared}, and {@link SpanEvent.InSync} when the last receive failure (LOS, LOF, AIS) clears.
 * Allocates only when an alarm changes: {@link #set} with an unchanged alarm and {@link #receiving()} (both every
 * block) allocate nothing.
 */
public final class SpanAlarms {
    private final String span;
    private volatile Set<Alarm> active;
    /** Derived from {@link #active} when it changes: {@link #receiving()} is asked every block, without iterating. */
    private volatile boolean receiving;

    private volatile SpanEventListener listener = SpanEventListener.NONE;

    public SpanAlarms(String span, Set<Alarm> initial) {
        this.span = span;
        this.active = Set.copyOf(initial);
        this.receiving = noReceiveFailure(active);
    }

    /** Alarms active now (an immutable snapshot). */
    public Set<Alarm> active() {
        return active;
    }

    public boolean isActive(Alarm alarm) {
        return active.contains(alarm);
    }

    /** Whether received traffic is valid: no LOS, LOF, AIS or driver-specific receive failure. */
    public boolean receiving() {
        return receiving;
    }

    private static boolean noReceiveFailure(Set<Alarm> alarms) {
        for (Alarm a : alarms) {
            if (a.receiveFailure()) {
                return false;
            }
        }
        return true;
    }

    public void listener(SpanEventListener newListener) {
        this.listener = newListener == null ? SpanEventListener.NONE : newListener;
    }

    public SpanEventListener listener() {
        return listener;
    }

    /** Frame thread: sets one alarm, delivering the events if it changed. */
    public void set(Alarm alarm, boolean on) {
        Set<Alarm> before = active;
        if (before.contains(alarm) == on) {
            return;
        }
        boolean wasReceiving = receiving();
        Set<Alarm> after = new HashSet<>(before);
        if (on) {
            after.add(alarm);
        } else {
            after.remove(alarm);
        }
        active = Set.copyOf(after);
        receiving = noReceiveFailure(after);
        SpanEventListener l = listener;
        SpanEvents.deliver(l, on ? new SpanEvent.AlarmRaised(span, alarm) : new SpanEvent.AlarmCleared(span, alarm));
        if (!wasReceiving && receiving()) {
            SpanEvents.deliver(l, new SpanEvent.InSync(span));
        }
    }

    /** Delivers another event to the listener (guarded like the alarm events). */
    public void deliver(SpanEvent event) {
        SpanEvents.deliver(listener, event);
    }
}
