package org.pstngw.isup.call;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hashed timing wheel (Varghese and Lauck, "Hashed and hierarchical timing wheels", scheme 6), the clock of {@link
 * WheelScheduler}, driven by whoever calls {@link #advance(long)} with the time, so that it is tested on a manual
 * clock.
 *
 * <pre>
 *   slots (a power of two), each a doubly linked list of timers
 *   timer due at time d  --> tick  t = ceil((d - start) / tickLength), slot t mod slots
 *   advance(now)         --> for every tick t up to floor((now - start) / tickLength):
 *                            new timers into their slots, cancelled ones unlinked,
 *                            then the timers of slot t due at tick t run (those due rounds later stay)
 * </pre>
 *
 * A timer never runs before its time and at most one tick after it (plus the caller's lateness). Scheduling and
 * cancelling are O(1) and may be called from any thread: they only add to lock-free queues, which {@link #advance}
 * drains; the slots are touched by the advancing thread alone. A timer's task runs on that thread and is expected to
 * hand an event to its state machine's executor, nothing more.
 */
final class TimingWheel {

    private static final Logger LOG = LoggerFactory.getLogger(TimingWheel.class);

    private final long startNanos;
    private final long tickNanos;
    private final Slot[] slots;
    private final int mask;
    private final Queue<Timer> added = new ConcurrentLinkedQueue<>();
    private final Queue<Timer> cancelled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    /** The next tick to process; touched by the advancing thread only. */
    private long tick;

    TimingWheel(long startNanos, Duration tickLength, int slotCount) {
        if (tickLength.isNegative() || tickLength.isZero()) {
            throw new IllegalArgumentException("tick length must be positive: " + tickLength);
        }
        if (slotCount < 1 || Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slot count must be a power of two: " + slotCount);
        }
        this.startNanos = startNanos;
        this.tickNanos = tickLength.toNanos();
        this.slots = new Slot[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = new Slot();
        }
        this.mask = slotCount - 1;
    }

    /** Runs {@code task} once at or after {@code deadlineNanos} (on the time line {@link #advance} is given). */
    Scheduler.Cancellable schedule(long deadlineNanos, Runnable task) {
        Timer timer = new Timer(this, deadlineNanos, task);
        pending.incrementAndGet();
        added.add(timer);
        return timer;
    }

    /** Timers scheduled that have neither run nor been cancelled. */
    int pending() {
        return pending.get();
    }

    /** Timers linked into the slots now (a test's view: cancelled ones stay linked until the next tick). */
    int linked() {
        int n = 0;
        for (Slot slot : slots) {
            for (Timer t = slot.head; t != null; t = t.next) {
                n++;
            }
        }
        return n;
    }

    /** When the tick that {@link #advance} has to process next is due. */
    long nextTickNanos() {
        return startNanos + tick * tickNanos;
    }

    /** Processes every tick that has passed by {@code nowNanos}, running the timers due; one thread only. */
    void advance(long nowNanos) {
        long last = Math.floorDiv(nowNanos - startNanos, tickNanos);
        while (tick <= last) {
            transferAdded();
            unlinkCancelled();
            expire(slots[(int) (tick & mask)]);
            tick++;
        }
    }

    private void transferAdded() {
        for (Timer t = added.poll(); t != null; t = added.poll()) {
            if (t.state != Timer.WAITING) {
                continue;
            }
            long due = -Math.floorDiv(-(t.deadlineNanos - startNanos), tickNanos);
            t.tick = Math.max(due, tick);
            slots[(int) (t.tick & mask)].append(t);
        }
    }

    private void unlinkCancelled() {
        for (Timer t = cancelled.poll(); t != null; t = cancelled.poll()) {
            if (t.slot != null) {
                t.slot.remove(t);
            }
        }
    }

    private void expire(Slot slot) {
        Timer t = slot.head;
        while (t != null) {
            Timer next = t.next;
            if (t.tick <= tick) {
                slot.remove(t);
                if (Timer.STATE.compareAndSet(t, Timer.WAITING, Timer.EXPIRED)) {
                    pending.decrementAndGet();
                    try {
                        t.task.run();
                    } catch (RuntimeException e) {
                        LOG.error("timer task failed", e);
                    }
                }
            }
            t = next;
        }
    }

    /** A scheduled task: waiting until it runs or is cancelled, whichever comes first. */
    private static final class Timer implements Scheduler.Cancellable {
        static final int WAITING = 0;
        static final int CANCELLED = 1;
        static final int EXPIRED = 2;
        static final AtomicIntegerFieldUpdater<Timer> STATE =
                AtomicIntegerFieldUpdater.newUpdater(Timer.class, "state");

        final TimingWheel wheel;
        final long deadlineNanos;
        final Runnable task;
        volatile int state = WAITING;
        // the advancing thread's: which tick, which slot, neighbours there
        long tick;
        Slot slot;
        Timer prev;
        Timer next;

        Timer(TimingWheel wheel, long deadlineNanos, Runnable task) {
            this.wheel = wheel;
            this.deadlineNanos = deadlineNanos;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
                wheel.pending.decrementAndGet();
                wheel.cancelled.add(this);
            }
        }
    }

    /** The timers of one slot, in the order they were put there. */
    private static final class Slot {
        Timer head;
        Timer tail;

        void append(Timer t) {
            t.slot = this;
            t.prev = tail;
            t.next = null;
            if (tail == null) {
                head = t;
            } else {
                tail.next = t;
            }
            tail = t;
        }

        void remove(Timer t) {
            if (t.prev == null) {
                head = t.next;
            } else {
                t.prev.next = t.next;
            }
            if (t.next == null) {
                tail = t.prev;
            } else {
                t.next.prev = t.prev;
            }
            t.slot = null;
            t.prev = null;
            t.next = null;
        }
    }
}
