package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;

@Timeout(60)
class SimulatedExchangeLinkLossIT {

    @TempDir
    Path dir;

    @Test
    void exchangeDropsAndRestoresItsAssociation() throws Exception {
        BlockingQueue<DestinationState> states = new LinkedBlockingQueue<>();
        BlockingQueue<IsupPdu> pdus = new LinkedBlockingQueue<>();
        try (LinkAndExchange pair = new LinkAndExchange(dir, 4, Rules.answerAll())
                .listener(new IsupLink.Listener() {
                    @Override
                    public void onPdu(IsupPdu pdu) {
                        pdus.add(pdu);
                    }

                    @Override
                    public void onDestinationState(int dpc, DestinationState state) {
                        if (dpc == LinkAndExchange.EXCHANGE_PC) {
                            states.add(state);
                        }
                    }
                })
                .start()) {
            assertThat(states.poll(20, TimeUnit.SECONDS)).isEqualTo(DestinationState.AVAILABLE);

            pair.exchange().dropAssociation();
            assertThat(states.poll(20, TimeUnit.SECONDS)).isEqualTo(DestinationState.UNAVAILABLE);
            byte[] iam = IsupBytes.iam(1, "9000");
            IsupPdu pdu = new IsupPdu(LinkAndExchange.GATEWAY_PC, LinkAndExchange.EXCHANGE_PC, 1, 2, iam);
            assertThat(pair.link().send(pdu)).isFalse();

            pair.exchange().restoreAssociation();
            assertThat(states.poll(20, TimeUnit.SECONDS)).isEqualTo(DestinationState.AVAILABLE);
            // jSS7 may report RESUME a moment before its AS routing accepts DATA: bounded settle.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean sent = pair.link().send(pdu);
            while (!sent && System.nanoTime() < end) {
                Thread.sleep(50);
                sent = pair.link().send(pdu);
            }
            assertThat(sent).isTrue();
            IsupPdu acm = pdus.poll(20, TimeUnit.SECONDS);
            assertThat(acm).isNotNull();
            assertThat(acm.messageType()).isEqualTo(0x06);
            assertThat(pair.exchange().received(0x01)).isEqualTo(1);
        }
    }
}
