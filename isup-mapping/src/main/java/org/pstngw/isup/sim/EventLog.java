package org.pstngw.isup.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.pstngw.sipi.isup.IsupMessageType;

/**
 * The simulated exchange's recent events, bounded, for tests to wait on without sleeping: {@link #await} returns as
 * soon as a matching event is logged (or was already, after the given mark), bounded by a timeout.
 */
public final class EventLog {

    private final int capacity;
    private final ArrayDeque<SimEvent> events = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private long seq;

    /** @param capacity events kept (the oldest are dropped); 0 keeps none */
    public EventLog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0");
        }
        this.capacity = capacity;
    }

    void add(SimEvent.Kind kind, IsupMessageType type, int cic, int cause, String detail) {
        lock.lock();
        try {
            seq++;
            if (capacity > 0) {
                if (events.size() == capacity) {
                    events.removeFirst();
                }
                events.addLast(new SimEvent(seq, kind, type, cic, cause, detail));
            }
            added.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The sequence number of the latest event: pass it to {@link #await(long, Predicate, Duration)} to wait for later ones. */
    public long mark() {
        lock.lock();
        try {
            return seq;
        } finally {
            lock.unlock();
        }
    }

    /** The first retained event after {@code mark} that matches, waiting up to {@code timeout} for it. */
    public Optional<SimEvent> await(long mark, Predicate<SimEvent> match, Duration timeout)
            throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (SimEvent e : events) {
                    if (e.seq() > mark && match.test(e)) {
                        return Optional.of(e);
                    }
                }
                if (left <= 0) {
                    return Optional.empty();
                }
                left = added.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first retained event that matches, waiting up to {@code timeout}. */
    public Optional<SimEvent> await(Predicate<SimEvent> match, Duration timeout) throws InterruptedException {
        return await(0, match, timeout);
    }

    /** Waits for the exchange to receive a message of this type on this CIC (after {@code mark}). */
    public Optional<SimEvent> awaitReceived(long mark, IsupMessageType type, int cic, Duration timeout)
            throws InterruptedException {
        return await(mark, e -> e.is(SimEvent.Kind.RECEIVED, type, cic), timeout);
    }

    /** Waits for the exchange to send a message of this type on this CIC (after {@code mark}). */
    public Optional<SimEvent> awaitSent(long mark, IsupMessageType type, int cic, Duration timeout)
            throws InterruptedException {
        return await(mark, e -> e.is(SimEvent.Kind.SENT, type, cic), timeout);
    }

    /** The retained events, oldest first. */
    public List<SimEvent> snapshot() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }
}
