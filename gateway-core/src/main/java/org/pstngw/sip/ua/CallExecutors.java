package org.pstngw.sip.ua;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of single-thread lanes. Every message, timer event and application request of one call (one Call-ID)
 * runs on the same lane, so a call's transactions and dialog are touched by one thread at a time and hold no locks;
 * calls spread over the lanes by Call-ID hash. A task that throws (a bug in call logic or in the application's
 * callback) is logged and the lane goes on with its next task: one call's failure never stops the others sharing its
 * thread.
 *
 * <p>A lane's queue is not bounded for the stack's own tasks (a timer event or transport completion must never be
 * lost), but {@link #busy} tells the inbound edge when a lane's backlog has reached its limit, so that new requests
 * are refused there (503 with Retry-After) instead of queued without end.
 */
public final class CallExecutors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutors.class);

    /** The backlog (queued tasks) of a lane at which new requests for it are refused. */
    public static final int DEFAULT_MAX_BACKLOG = 2_000;

    private final ThreadPoolExecutor[] lanes;
    private final Executor[] guarded;
    private final int maxBacklog;

    public CallExecutors(int count) {
        this(count, DEFAULT_MAX_BACKLOG);
    }

    /**
     * @param count lanes (threads)
     * @param maxBacklog queued tasks of one lane from which on {@link #busy} is true
     */
    public CallExecutors(int count, int maxBacklog) {
        if (count < 1) {
            throw new IllegalArgumentException("lane count must be at least 1: " + count);
        }
        if (maxBacklog < 1) {
            throw new IllegalArgumentException("lane backlog limit must be at least 1: " + maxBacklog);
        }
        this.maxBacklog = maxBacklog;
        lanes = new ThreadPoolExecutor[count];
        guarded = new Executor[count];
        for (int i = 0; i < count; i++) {
            int n = i;
            ThreadPoolExecutor lane =
                    new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "sip-call-" + n);
                        t.setDaemon(true);
                        return t;
                    });
            lanes[i] = lane;
            guarded[i] = task -> lane.execute(() -> run(task));
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("a call task failed; the lane goes on", e);
        }
    }

    /** The lane of {@code callId}. */
    public Executor forCall(String callId) {
        return guarded[lane(callId)];
    }

    /** Whether the lane of {@code callId} has {@code maxBacklog} tasks or more waiting: refuse new work for it. */
    public boolean busy(String callId) {
        return lanes[lane(callId)].getQueue().size() >= maxBacklog;
    }

    private int lane(String callId) {
        return Math.floorMod(callId.hashCode(), lanes.length);
    }

    @Override
    public void close() {
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
