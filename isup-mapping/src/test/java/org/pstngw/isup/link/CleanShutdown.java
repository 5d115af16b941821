package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks that an integration test class leaves nothing behind: after all its tests, every non-daemon thread started
 * meanwhile has ended (jSS7's scheduler, M3UA and sctp threads) and every port {@link FreePorts} handed out is free
 * again. Bounded waits; the failure lists the threads or ports.
 */
public final class CleanShutdown implements BeforeAllCallback, AfterAllCallback {

    private static final long WAIT_MILLIS = 15_000;
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(CleanShutdown.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        FreePorts.takeHandedOut();
        context.getStore(NS).put("threads", liveNonDaemonThreadIds());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Set<Long> before = (Set<Long>) context.getStore(NS).get("threads");
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        List<Thread> leaked = leaked(before);
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            leaked = leaked(before);
        }
        assertThat(leaked.stream().map(Thread::getName).toList())
                .as("non-daemon threads left running by " + context.getDisplayName())
                .isEmpty();
        List<Integer> ports = FreePorts.takeHandedOut();
        List<Integer> bound = ports.stream().filter(p -> !FreePorts.isFree(p)).toList();
        while (!bound.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            bound = bound.stream().filter(p -> !FreePorts.isFree(p)).toList();
        }
        assertThat(bound)
                .as("ports still bound after " + context.getDisplayName())
                .isEmpty();
    }

    private static Set<Long> liveNonDaemonThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::threadId)
                .collect(Collectors.toSet());
    }

    private static List<Thread> leaked(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && !before.contains(t.threadId()))
                .filter(t -> !t.getName().startsWith("junit-"))
                .toList();
    }
}
