package org.pstngw.isup.sim;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.pstngw.isup.link.FreePorts;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.M3uaIsupLink;
import org.pstngw.isup.link.M3uaSettings;

/**
 * Test fixture: our {@link M3uaIsupLink} (AS client, PC {@link #GATEWAY_PC}) and a {@link SimulatedExchange} (SGW
 * server, PC {@link #EXCHANGE_PC}, CICs 1..{@code circuits}) over M3UA/TCP on loopback, on free ports. Set the
 * listener before {@link #start()}; close tears both down.
 */
public final class LinkAndExchange implements AutoCloseable {

    public static final int GATEWAY_PC = 1;
    public static final int EXCHANGE_PC = 2;
    public static final int NI = 2;

    private final M3uaIsupLink link;
    private final SimulatedExchange exchange;

    public LinkAndExchange(Path dir, int circuits, Rules rules) {
        this(dir, circuits, rules, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /**
     * @param link changes to our link's settings (T4, NI ...)
     * @param tuning changes to the exchange's settings (T8, T35 ...)
     */
    public LinkAndExchange(
            Path dir,
            int circuits,
            Rules rules,
            UnaryOperator<M3uaSettings.Builder> link,
            UnaryOperator<ExchangeSettings> tuning) {
        int serverPort = FreePorts.next();
        int clientPort = FreePorts.next();
        M3uaSettings sim = M3uaSettings.loopback(
                "sim",
                M3uaSettings.Role.SGW_SERVER,
                serverPort,
                clientPort,
                EXCHANGE_PC,
                GATEWAY_PC,
                dir.resolve("sim"));
        exchange = new SimulatedExchange(tuning.apply(new ExchangeSettings(sim, 1, circuits, rules)));
        this.link = new M3uaIsupLink(link.apply(M3uaSettings.loopback(
                        "gw",
                        M3uaSettings.Role.AS_CLIENT,
                        clientPort,
                        serverPort,
                        GATEWAY_PC,
                        EXCHANGE_PC,
                        dir.resolve("gw"))
                        .toBuilder())
                .build());
    }

    public M3uaIsupLink link() {
        return link;
    }

    public SimulatedExchange exchange() {
        return exchange;
    }

    public LinkAndExchange listener(IsupLink.Listener listener) {
        link.setListener(listener);
        return this;
    }

    /** Starts both and waits until the exchange's point code is available (routable) to the link. */
    public LinkAndExchange start() throws InterruptedException {
        exchange.start();
        link.start();
        if (!link.awaitAvailable(20, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("M3UA did not become active within 20 s");
        }
        return this;
    }

    @Override
    public void close() {
        link.stop();
        exchange.stop();
    }
}
