package org.pstngw.sip.ua;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of single-thread lanes. Every message, timer event and application request of one call (one Call-ID)
 * runs on the same lane, so a call's transactions and dialog are touched by one thread at a time and hold no locks;
 * calls spread over the lanes by Call-ID hash.
 */
public final class CallExecutors implements AutoCloseable {
    private final ExecutorService[] lanes;

    public CallExecutors(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("lane count must be at least 1: " + count);
        }
        lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            int n = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sip-call-" + n);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The lane of {@code callId}. */
    public ExecutorService forCall(String callId) {
        return lanes[Math.floorMod(callId.hashCode(), lanes.length)];
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
