package org.pstngw.isup.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free loopback TCP ports for M3UA tests (jSS7's server association needs the client's port in advance). Every port
 * handed out is remembered until {@link #takeHandedOut()}, so {@link CleanShutdown} can check none is left bound.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    public static int next() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            HANDED_OUT.add(s.getLocalPort());
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose successor is free too (a client binds association {@code i} to {@code port + i}). */
    public static int nextPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = next();
            if (port < 65535 && isFree(port + 1)) {
                HANDED_OUT.add(port + 1);
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports on 127.0.0.1");
    }

    /** The ports handed out since the last call, forgetting them. */
    static List<Integer> takeHandedOut() {
        List<Integer> ports = List.copyOf(HANDED_OUT);
        HANDED_OUT.removeAll(ports);
        return ports;
    }

    /**
     * Whether no live socket holds the local port: on Linux from /proc/net/tcp and tcp6 (a closed connection in
     * TIME-WAIT does not count: the kernel keeps it, no code of ours does), elsewhere by binding 127.0.0.1 with address
     * reuse.
     */
    static boolean isFree(int port) {
        Path v4 = Path.of("/proc/net/tcp");
        if (Files.isReadable(v4)) {
            return !heldIn(v4, port) && !heldIn(Path.of("/proc/net/tcp6"), port);
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A socket on the local port in a state other than TIME-WAIT (06) in a /proc/net/tcp table. */
    private static boolean heldIn(Path table, int port) {
        if (!Files.isReadable(table)) {
            return false;
        }
        String local = String.format(":%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(local) && !f[3].equals("06")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
