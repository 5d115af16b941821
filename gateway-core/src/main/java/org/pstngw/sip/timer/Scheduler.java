package org.pstngw.sip.timer;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Schedules timer expiries as events. The expiry never runs on the timer's own thread: when the delay has passed the
 * event is handed to the executor that owns the state machine (a call's serial executor or its event loop), so the
 * machine is touched by one thread at a time and needs no locks.
 */
public interface Scheduler {

    /** The clock this scheduler measures delays with. */
    Clock clock();

    /**
     * Delivers {@code event} on {@code owner} once {@code delay} has passed.
     *
     * @param delay how long from now; zero or negative means as soon as possible
     * @param owner the executor that owns the state machine receiving the event
     * @param event the expiry event, typically a method reference like {@code () -> fsm.fire(TIMER_E)}
     * @return a handle to cancel the expiry
     */
    Timeout schedule(Duration delay, Executor owner, Runnable event);
}
