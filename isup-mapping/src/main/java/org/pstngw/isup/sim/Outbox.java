package org.pstngw.isup.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Hands the exchange's messages to M3UA in order. jSS7 drops a message it cannot route (its sender only prints the
 * "No AS found"), and its SGW can take ASP traffic a moment before its own AS is ACTIVE: so while the node cannot route
 * to the gateway, messages wait here (in order, bounded) instead of being lost; past the bound they are dropped and
 * reported. Runs on the exchange's thread.
 */
final class Outbox {

    private static final long RETRY_MILLIS = 5;

    /** One message on its way: {@code go} sends it, {@code drop} reports it lost. */
    interface Send {
        void go();

        void drop(String reason);
    }

    private final BooleanSupplier routable;
    private final ScheduledExecutorService loop;
    private final long patienceNanos;
    private final ArrayDeque<Send> held = new ArrayDeque<>();
    private long heldSince;

    /**
     * @param routable whether M3UA routes to the gateway now
     * @param loop the exchange's thread
     * @param patience how long messages wait for a route before they are dropped
     */
    Outbox(BooleanSupplier routable, ScheduledExecutorService loop, Duration patience) {
        this.routable = routable;
        this.loop = loop;
        this.patienceNanos = patience.toNanos();
    }

    void send(Send s) {
        if (held.isEmpty() && routable.getAsBoolean()) {
            s.go();
            return;
        }
        held.addLast(s);
        if (held.size() == 1) {
            heldSince = System.nanoTime();
            loop.schedule(this::flush, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        while (!held.isEmpty() && routable.getAsBoolean()) {
            held.pollFirst().go();
        }
        if (held.isEmpty()) {
            return;
        }
        if (System.nanoTime() - heldSince > patienceNanos) {
            while (!held.isEmpty()) {
                held.pollFirst().drop("no route to the gateway for " + Duration.ofNanos(patienceNanos));
            }
            return;
        }
        loop.schedule(this::flush, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
