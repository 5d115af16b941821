package org.pstngw.tdm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/** UDP ports on 127.0.0.1 that the kernel handed out just now (bound and released): free when the test uses them. */
public final class FreePorts {
    private FreePorts() {}

    public static int[] udp(int n) {
        int[] ports = new int[n];
        List<DatagramChannel> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                DatagramChannel ch =
                        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held.add(ch);
                ports[i] = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (DatagramChannel ch : held) {
                try {
                    ch.close();
                } catch (IOException e) {
                    // released anyway
                }
            }
        }
        return ports;
    }
}
