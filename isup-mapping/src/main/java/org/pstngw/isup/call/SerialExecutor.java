package org.pstngw.isup.call;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a delegate executor: the one place a call control's state is
 * touched. Any thread may submit; a task submitted while another runs is queued behind it, never run inside it, so a
 * listener calling back into call control never re-enters a transition. With {@code Runnable::run} as the delegate
 * the first submitter drains the queue on its own thread (tests on a manual clock stay single-threaded and exact).
 *
 * <p>When the delegate rejects the work (it was shut down), the queued tasks are dropped; those that are {@link
 * Abandonable} are told, so that a caller waiting on a result hears of it instead of waiting forever.
 */
public final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    /** Tasks run per turn on the delegate before yielding it to others. */
    private static final int BATCH = 256;

    private final Executor delegate;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile Thread running;

    /** A task that wants to know when it will never run (its executor was shut down). */
    public interface Abandonable extends Runnable {
        void abandoned(RejectedExecutionException cause);
    }

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /** True on the thread now running this executor's tasks. */
    public boolean inExecutor() {
        return running == Thread.currentThread();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                LOG.warn("executor rejected call control work ({} tasks dropped): {}", tasks.size(), e.toString());
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    if (task instanceof Abandonable a) {
                        try {
                            a.abandoned(e);
                        } catch (RuntimeException failure) {
                            LOG.error("abandoned task failed", failure);
                        }
                    }
                }
            }
        }
    }

    private void drain() {
        running = Thread.currentThread();
        try {
            for (int n = 0; n < BATCH; n++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("call control task failed", e);
                }
            }
        } finally {
            running = null;
            scheduled.set(false);
        }
        if (!tasks.isEmpty()) {
            schedule();
        }
    }
}
