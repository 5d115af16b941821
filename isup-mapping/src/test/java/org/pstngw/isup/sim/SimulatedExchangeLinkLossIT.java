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
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.isup.link.SendResult;
import org.pstngw.sipi.isup.IsupMessageType;

/** The exchange's association and its ISUP going away and coming back, as our link sees it, over real M3UA/TCP. */
@Timeout(60)
@ExtendWith(CleanShutdown.class)
class SimulatedExchangeLinkLossIT {

    private static final int UPT = 0x34;

    @TempDir
    Path dir;

    @Test
    void exchangeDropsAndRestoresItsAssociationAndTheFirstPduAfterResumeGoesThrough() throws Exception {
        LinkProbe gw = new LinkProbe();
        try (LinkAndExchange pair = new LinkAndExchange(dir, 4, Rules.answerAll())) {
            gw.on(pair);
            pair.start();
            assertThat(gw.nextState()).isEqualTo(DestinationState.AVAILABLE);

            pair.exchange().dropAssociation();
            assertThat(gw.nextState()).isEqualTo(DestinationState.UNAVAILABLE);
            byte[] iam = IsupBytes.iam(1, "9000");
            IsupPdu pdu = new IsupPdu(LinkAndExchange.GATEWAY_PC, LinkAndExchange.EXCHANGE_PC, 1, 2, iam);
            assertThat(pair.link().transmit(pdu))
                    .extracting(r -> ((SendResult.Refused) r).reason())
                    .isEqualTo(SendResult.Reason.DESTINATION_UNAVAILABLE);

            pair.exchange().restoreAssociation();
            assertThat(gw.nextState()).isEqualTo(DestinationState.AVAILABLE);
            gw.send(iam);
            gw.next(IsupMessageType.ACM, 1);
            assertThat(pair.exchange().received(IsupMessageType.IAM)).isEqualTo(1);
        }
    }

    @Test
    void unavailableUserPartIsTestedEveryT4UntilItAnswersThenCallsGoThrough() throws Exception {
        LinkProbe gw = new LinkProbe();
        UnaryOperator<M3uaSettings.Builder> t4 = b -> b.userPartTestInterval(Duration.ofMillis(300));
        try (LinkAndExchange pair = new LinkAndExchange(dir, 4, Rules.answerAll(), t4, UnaryOperator.identity())) {
            gw.on(pair);
            pair.start();
            assertThat(gw.nextState()).isEqualTo(DestinationState.AVAILABLE);
            EventLog events = pair.exchange().events();

            pair.exchange().userPartUnavailable();
            assertThat(gw.nextState()).isEqualTo(DestinationState.UNAVAILABLE);
            SimEvent first = events.await(
                            e -> e.kind() == SimEvent.Kind.RECEIVED && e.type().code() == UPT, Duration.ofSeconds(10))
                    .orElseThrow();
            SimEvent again = events.await(
                            first.seq(),
                            e -> e.kind() == SimEvent.Kind.RECEIVED && e.type().code() == UPT,
                            Duration.ofSeconds(10))
                    .orElseThrow();
            assertThat(again.seq()).isGreaterThan(first.seq());
            assertThat(pair.link().state(LinkAndExchange.EXCHANGE_PC)).isEqualTo(DestinationState.UNAVAILABLE);

            pair.exchange().userPartAvailable();
            assertThat(gw.nextState()).as("the next UPT is answered with UPA").isEqualTo(DestinationState.AVAILABLE);
            gw.send(IsupBytes.iam(2, "9000"));
            gw.next(IsupMessageType.ACM, 2);
            gw.next(IsupMessageType.ANM, 2);
        }
    }
}
