package org.pstngw.isup.sim;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.restcomm.protocols.ss7.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps jSS7's {@link Scheduler} (8.0.0-168) from leaking threads. Its {@code stop()} only tells the CPU thread to
 * end; the worker pool's threads stay parked in jSS7's own queue ({@code ConcurrentLinkedList}), which swallows
 * interrupts and can lose a wake-up for good (a waiter registered but not yet waiting misses the notify, and later
 * offers notify nobody). So, by reflection, and only here:
 *
 * <ul>
 *   <li>{@link #daemonWorkers}: before start, the pool gets a factory of named daemon threads, so a worker that still
 *       cannot be woken never keeps a JVM from exiting;
 *   <li>{@link #stop}: the pool is shut down, one no-op per worker is queued, every parked waiter is notified directly,
 *       until the pool has terminated (bounded); then the CPU thread is interrupted out of any wait.
 * </ul>
 */
final class SchedulerShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerShutdown.class);
    private static final long WAIT_MILLIS = 5_000;
    private static final Runnable NO_OP = () -> {};

    private SchedulerShutdown() {}

    /** Gives the scheduler's worker pool daemon threads named after the exchange; call before start. */
    static void daemonWorkers(Scheduler scheduler, String name) {
        if (pool(scheduler) instanceof ThreadPoolExecutor pool) {
            AtomicInteger n = new AtomicInteger();
            pool.setThreadFactory(r -> Thread.ofPlatform()
                    .daemon()
                    .name("jss7-scheduler-" + name + "-" + n.incrementAndGet())
                    .unstarted(r));
        }
    }

    static void stop(Scheduler scheduler) {
        Object cpuThread = field(scheduler, "cpuThread");
        scheduler.stop();
        if (pool(scheduler) instanceof ThreadPoolExecutor pool) {
            pool.shutdownNow();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            try {
                while (!pool.isTerminated() && System.nanoTime() < deadline) {
                    // after shutdownNow no worker is added: a no-op each lets every worker see STOP and end
                    for (int i = 0; i < Math.max(1, pool.getPoolSize()); i++) {
                        pool.getQueue().offer(NO_OP);
                    }
                    wakeWaiters(pool.getQueue());
                    pool.awaitTermination(50, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!pool.isTerminated()) {
                LOG.warn("jSS7 scheduler pool did not terminate: {} workers left", pool.getPoolSize());
            }
        }
        if (cpuThread instanceof Thread t) {
            t.interrupt();
            try {
                t.join(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Object pool(Scheduler scheduler) {
        Object cpuThread = field(scheduler, "cpuThread");
        return cpuThread == null ? null : field(cpuThread, "eservice");
    }

    /** Notifies every waiter registered in jSS7's queue (its list of notifiers, head to tail). */
    private static void wakeWaiters(Object queue) {
        Object head = field(queue, "notifierHead");
        Object tail = field(queue, "notifierTail");
        Object n = head == null ? null : field(head, "next");
        for (int guard = 0; n != null && n != tail && guard < 10_000; guard++) {
            Object lock = field(n, "lock");
            if (lock != null) {
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
            n = field(n, "next");
        }
    }

    private static Object field(Object owner, String name) {
        try {
            Field f = owner.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot reach jSS7 scheduler field {}: {}", name, e.toString());
            return null;
        }
    }
}
