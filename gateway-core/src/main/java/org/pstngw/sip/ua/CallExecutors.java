package org.pstngw.sip.ua;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of single-thread lanes. Every message, timer event and application request of one call (one Call-ID)
 * runs on the same lane, so a call's transactions and dialog are touched by one thread at a time and hold no locks;
 * calls spread over the lanes by Call-ID hash. A task that throws (a bug in call logic or in the application's
 * callback) is logged and the lane goes on with its next task: one call's failure never stops the others sharing its
 * thread.
 */
public final class CallExecutors implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallExecutors.class);

    private final ExecutorService[] lanes;
    private final Executor[] guarded;

    public CallExecutors(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("lane count must be at least 1: " + count);
        }
        lanes = new ExecutorService[count];
        guarded = new Executor[count];
        for (int i = 0; i < count; i++) {
            int n = i;
            ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
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
        return guarded[Math.floorMod(callId.hashCode(), lanes.length)];
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
