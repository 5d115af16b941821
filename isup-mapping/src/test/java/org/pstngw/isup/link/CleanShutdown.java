package org.pstngw.isup.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks that an integration test class leaves nothing behind: after all its tests, every non-daemon thread started
 * meanwhile has ended (jSS7's scheduler, M3UA and sctp threads) and every port {@link FreePorts} handed out is free
 * again. Bounded waits; a failure shows the threads' stacks or the sockets still on the ports.
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
        assertThat(leaked.stream().map(CleanShutdown::describe).toList())
                .as("non-daemon threads left running by " + context.getDisplayName())
                .isEmpty();
        deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        List<Integer> bound = FreePorts.takeHandedOut().stream()
                .filter(p -> !FreePorts.isFree(p))
                .toList();
        while (!bound.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            bound = bound.stream().filter(p -> !FreePorts.isFree(p)).toList();
        }
        assertThat(bound)
                .as("ports still bound after " + context.getDisplayName() + sockets(bound))
                .isEmpty();
    }

    /** The sockets on these ports as {@code ss} lists them, for the failure message. */
    private static String sockets(List<Integer> ports) {
        if (ports.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try {
            Process p =
                    new ProcessBuilder("ss", "-tane").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : out.split("\n")) {
                if (ports.stream().anyMatch(port -> line.contains(":" + port + " "))) {
                    sb.append("\n  ").append(line);
                }
            }
        } catch (IOException e) {
            sb.append("\n  (ss failed: ").append(e).append(')');
        }
        return sb.toString();
    }

    private static String describe(Thread t) {
        StringBuilder sb = new StringBuilder(t.getName());
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append("\n    at ").append(e);
        }
        return sb.toString();
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
