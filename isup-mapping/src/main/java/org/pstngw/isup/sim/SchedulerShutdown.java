package org.pstngw.isup.sim;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadPoolExecutor;
import org.restcomm.protocols.ss7.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops jSS7's {@link Scheduler} completely. Its {@code stop()} ends the CPU thread but leaves the worker pool's
 * non-daemon threads waiting forever (jSS7 8.0.0-168), which keeps a test or benchmark JVM from exiting; the pool is
 * reached by reflection, shut down and each worker woken.
 */
final class SchedulerShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerShutdown.class);

    private SchedulerShutdown() {}

    static void stop(Scheduler scheduler) {
        Object cpuThread = field(scheduler, "cpuThread");
        scheduler.stop();
        if (cpuThread != null && field(cpuThread, "eservice") instanceof ThreadPoolExecutor pool) {
            int workers = pool.getPoolSize();
            pool.shutdownNow();
            // jSS7's queue swallows the interrupt in take(): wake each worker with a no-op so it sees STOP and ends.
            for (int i = 0; i < workers; i++) {
                if (!pool.getQueue().offer(() -> {})) {
                    break;
                }
            }
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
