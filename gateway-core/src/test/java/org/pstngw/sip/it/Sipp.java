package org.pstngw.sip.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs SIPp (package sip-tester) with a bounded time, and reads its final statistics screen. */
final class Sipp {
    private Sipp() {}

    private static final class LoggerHolder {
        static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sipp.class);
    }

    record Result(int exitCode, int successful, int failed, String screen) {}

    /** Fails (not skips) when sipp is missing: CI installs it. */
    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":", -1)) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        fail("sipp not found on PATH: install it with `apt-get install -y sip-tester` (CI installs it)");
        return null;
    }

    /** A port free on 127.0.0.1 for both UDP and TCP right now. */
    static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    LoggerHolder.LOG.debug("port {} taken for UDP", port);
                }
            }
        }
        throw new IOException("no free port");
    }

    /**
     * Waits until something has bound {@code port} on 127.0.0.1 (UDP, or TCP listening), up to 30 s (a loaded
     * machine can be slow to start sipp); fails at once, with sipp's output, if sipp has exited instead.
     */
    static void awaitBound(Process sipp, Path dir, int port, boolean tcp) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (tcp) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return;
                } catch (IOException notYet) {
                    LoggerHolder.LOG.trace("port {} not listening yet", port);
                }
            } else {
                try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    LoggerHolder.LOG.trace("port {} still free", port);
                } catch (IOException bound) {
                    return;
                }
            }
            if (!sipp.isAlive()) {
                fail("sipp exited with " + sipp.exitValue() + " before binding port " + port + "; output:\n"
                        + read(dir.resolve("stdout.log")));
            }
            Thread.sleep(20);
        }
        fail("sipp did not bind port " + port + " within 30 s; output:\n" + read(dir.resolve("stdout.log")));
    }

    /** A sipp process and the local port it was started on. */
    record Started(Process process, int port) {}

    /**
     * Starts sipp on a port that {@link #freePort()} found, waits until it has bound it, and starts it again on
     * another port (up to 5 times) when something else took the port in between (sipp exits with "Address already in
     * use": other processes on a shared machine open ports too).
     *
     * @param args sipp's arguments for a given local port
     * @param tcp whether sipp listens on TCP (else its UDP socket is awaited)
     */
    static Started startBound(Path dir, IntFunction<List<String>> args, boolean tcp)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Process sipp = start(dir, args.apply(port));
            if (awaitBoundOrTaken(sipp, dir, port, tcp) || attempt == 5) {
                return new Started(sipp, port);
            }
            LoggerHolder.LOG.info("sipp could not bind port {} (taken meanwhile); another port", port);
        }
    }

    /**
     * Runs a sipp client to its end on a port that {@link #freePort()} found, again on another port (up to 5 times)
     * when something else took the port before sipp bound it.
     */
    static Result runOnFreePort(Path dir, IntFunction<List<String>> args, long seconds)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Result r = await(start(dir, args.apply(port)), dir, seconds);
            if (r.exitCode() == 0
                    || attempt == 5
                    || !read(dir.resolve("stdout.log")).contains("Address already in use")) {
                return r;
            }
            LoggerHolder.LOG.info("sipp could not bind port {} (taken meanwhile); another port", port);
        }
    }

    /** True once bound; false when sipp exited because the port was taken; fails on any other exit or time-out. */
    private static boolean awaitBoundOrTaken(Process sipp, Path dir, int port, boolean tcp)
            throws IOException, InterruptedException {
        try {
            awaitBound(sipp, dir, port, tcp);
            return true;
        } catch (AssertionError e) {
            if (!sipp.isAlive() && read(dir.resolve("stdout.log")).contains("Address already in use")) {
                return false;
            }
            throw e;
        }
    }

    /** Starts sipp with {@code args}; its screen goes to a file in {@code dir}. */
    static Process start(Path dir, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.addAll(args);
        cmd.addAll(List.of(
                "-nostdin",
                "-trace_screen",
                "-screen_file",
                dir.resolve("screen.log").toString()));
        return new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
    }

    /** Waits up to {@code seconds} for sipp to end; kills it and fails on time-out. */
    static Result await(Process sipp, Path dir, long seconds) throws IOException, InterruptedException {
        if (!sipp.waitFor(seconds, TimeUnit.SECONDS)) {
            sipp.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("sipp did not finish within " + seconds + " s; output:\n" + read(dir.resolve("stdout.log")));
        }
        String screen = read(dir.resolve("screen.log"));
        return new Result(sipp.exitValue(), count(screen, "Successful call"), count(screen, "Failed call"), screen);
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** The cumulative column of a statistics row ("Successful call   |  0  |  50"). */
    private static int count(String screen, String row) {
        Matcher m = Pattern.compile(Pattern.quote(row) + "\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)")
                .matcher(screen);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(2));
        }
        return last;
    }
}
