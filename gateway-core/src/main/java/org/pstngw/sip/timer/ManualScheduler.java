package org.pstngw.sip.timer;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * A virtual-time scheduler for tests: time stands still until {@link #advance(Duration)} moves it, and every expiry
 * that falls due is delivered, in order of due time (then of scheduling), on its owner's executor. Events scheduled by
 * a delivered event within the advanced span are delivered in the same call. Not thread-safe: drive it from one thread.
 */
public final class ManualScheduler implements Scheduler {

    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public Clock clock() {
        return () -> now;
    }

    /** Virtual nanoseconds since this scheduler was created. */
    public long nanoTime() {
        return now;
    }

    @Override
    public Timeout schedule(Duration delay, Executor owner, Runnable event) {
        Pending p = new Pending(now + Math.max(0, delay.toNanos()), sequence++, owner, event);
        queue.add(p);
        return () -> {
            boolean wasPending = !p.cancelled && !p.fired;
            p.cancelled = true;
            return wasPending && queue.remove(p);
        };
    }

    /** Moves virtual time forward by {@code span}, delivering every event that falls due on the way. */
    public void advance(Duration span) {
        long target = now + span.toNanos();
        Pending next;
        while ((next = queue.peek()) != null && next.due <= target) {
            queue.poll();
            now = Math.max(now, next.due);
            next.fired = true;
            next.owner.execute(next.event);
        }
        now = target;
    }

    /** The number of events scheduled and neither delivered nor cancelled. */
    public int pending() {
        return queue.size();
    }

    private static final class Pending implements Comparable<Pending> {
        final long due;
        final long seq;
        final Executor owner;
        final Runnable event;
        boolean cancelled;
        boolean fired;

        Pending(long due, long seq, Executor owner, Runnable event) {
            this.due = due;
            this.seq = seq;
            this.owner = owner;
            this.event = event;
        }

        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
