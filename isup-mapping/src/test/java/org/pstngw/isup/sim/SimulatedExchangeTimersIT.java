package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;

/** The exchange's own circuit timers and its answer to what it cannot recognise, over real M3UA/TCP. */
@Timeout(60)
@ExtendWith(CleanShutdown.class)
class SimulatedExchangeTimersIT {

    @TempDir
    Path dir;

    @Test
    void t7ReleasesAnOriginatedCallWithoutAcmAndAcmStopsIt() throws Exception {
        LinkProbe gw = new LinkProbe();
        try (LinkAndExchange pair = new LinkAndExchange(
                dir,
                4,
                Rules.answerAll(),
                UnaryOperator.identity(),
                s -> s.withAddressCompleteTimeout(Duration.ofMillis(300)))) {
            gw.on(pair);
            pair.start();
            SimulatedExchange exchange = pair.exchange();

            exchange.sendIam(1, "123", "456");
            gw.next(IsupMessageType.IAM, 1);
            assertThat(gw.nextRelCause(1)).as("T7: recovery on timer expiry").isEqualTo(102);
            assertThat(exchange.events()
                            .await(
                                    e -> e.kind() == SimEvent.Kind.TIMEOUT
                                            && e.detail().equals("T7"),
                                    Duration.ZERO))
                    .isPresent();
            gw.send(IsupBytes.rlc(1));
            assertThat(exchange.events().awaitReceived(0, IsupMessageType.RLC, 1, Duration.ofSeconds(10)))
                    .isPresent();
            assertThat(exchange.phase(1)).isEqualTo(CallPhase.IDLE);

            exchange.sendIam(2, "123", "456");
            gw.next(IsupMessageType.IAM, 2);
            gw.send(IsupMessages.acm(2, new BackwardCallIndicators(0x1416)));
            gw.nothingWithin(Duration.ofMillis(700));
            assertThat(exchange.phase(2)).isEqualTo(CallPhase.OUTGOING_ALERTING);
            gw.send(IsupMessages.anm(2));
            gw.nothingWithin(Duration.ofMillis(100));
            assertThat(exchange.phase(2)).isEqualTo(CallPhase.OUTGOING_ANSWERED);
            gw.send(IsupBytes.rel(2, 16));
            gw.next(IsupMessageType.RLC, 2);
        }
    }

    @Test
    void anUnrecognisedMessageIsAnsweredWithConfusion() throws Exception {
        LinkProbe gw = new LinkProbe();
        try (LinkAndExchange pair = new LinkAndExchange(dir, 4, Rules.answerAll())) {
            gw.on(pair);
            pair.start();
            gw.send(new byte[] {3, 0, (byte) 0xF0, 0});
            assertThat(gw.next(IsupMessageType.CFN, 3)
                            .causeIndicators()
                            .orElseThrow()
                            .cause()
                            .code())
                    .isEqualTo(97);
            assertThat(pair.exchange().received(0xF0)).isEqualTo(1);
        }
    }
}
