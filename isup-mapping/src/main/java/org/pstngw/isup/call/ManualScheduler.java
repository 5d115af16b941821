package org.pstngw.isup.call;

import java.time.Duration;
import java.util.PriorityQueue;

/** A scheduler driven by hand: time moves only in {@link #advance(Duration)}, so timer tests are exact. */
public final class ManualScheduler implements Scheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(nowNanos + delay.toNanos(), sequence++, task);
        queue.add(entry);
        return () -> queue.remove(entry);
    }

    /** Moves time forward, running every task that falls due, in due order. */
    public void advance(Duration amount) {
        long target = nowNanos + amount.toNanos();
        while (!queue.isEmpty() && queue.peek().due <= target) {
            Entry next = queue.poll();
            nowNanos = next.due;
            next.task.run();
        }
        nowNanos = target;
    }

    /** Elapsed manual time. */
    public Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** Number of tasks still scheduled. */
    public int pending() {
        return queue.size();
    }

    private record Entry(long due, long seq, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int byDue = Long.compare(due, o.due);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }
}
