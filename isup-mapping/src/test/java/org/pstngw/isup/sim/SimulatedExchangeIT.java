package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupVariant;

@Timeout(60)
class SimulatedExchangeIT {

    @TempDir
    static Path dir;

    private static final BlockingQueue<IsupPdu> PDUS = new LinkedBlockingQueue<>();
    private static LinkAndExchange pair;

    @BeforeAll
    static void start() throws InterruptedException {
        Rules rules = Rules.answerAll()
                .on("1", Behaviour.BUSY)
                .on("2", Behaviour.UNALLOCATED)
                .on("3", Behaviour.CONGESTION)
                .on("4", new Behaviour.RingForever())
                .on("5", new Behaviour.AnswerAfter(200))
                .on("6", new Behaviour.ReleaseAfter(200));
        pair = new LinkAndExchange(dir, 32, rules)
                .listener(new IsupLink.Listener() {
                    @Override
                    public void onPdu(IsupPdu pdu) {
                        PDUS.add(pdu);
                    }

                    @Override
                    public void onDestinationState(int dpc, DestinationState state) {}
                })
                .start();
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @BeforeEach
    void drain() {
        PDUS.clear();
    }

    private static void send(byte[] payload) {
        assertThat(pair.link()
                        .send(new IsupPdu(
                                LinkAndExchange.GATEWAY_PC,
                                LinkAndExchange.EXCHANGE_PC,
                                payload[0] & 0x0F,
                                LinkAndExchange.NI,
                                payload)))
                .isTrue();
    }

    private static IsupMessage next() throws InterruptedException {
        IsupPdu pdu = PDUS.poll(20, TimeUnit.SECONDS);
        assertThat(pdu).as("PDU from the exchange").isNotNull();
        assertThat(pdu.opc()).isEqualTo(LinkAndExchange.EXCHANGE_PC);
        DecodeResult r = IsupCodec.decode(pdu.payload(), IsupVariant.ITU);
        assertThat(r).as("sip-i decodes jSS7's %s", pdu.payloadHex()).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    private static int nextRelCause(int cic) throws InterruptedException {
        IsupPdu pdu = PDUS.poll(20, TimeUnit.SECONDS);
        assertThat(pdu).isNotNull();
        assertThat(pdu.messageType()).isEqualTo(0x0c);
        assertThat(pdu.cic()).isEqualTo(cic);
        DecodeResult r = IsupCodec.decode(pdu.payload(), IsupVariant.ITU);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(((DecodeResult.Decoded) r).message()).isInstanceOf(IsupMessage.Rel.class);
        return IsupBytes.relCause(pdu.payload());
    }

    @Test
    void answersAtOnceThenReleaseGetsRlc() throws Exception {
        send(IsupBytes.iam(1, "9001"));
        assertThat(next())
                .isInstanceOf(IsupMessage.Acm.class)
                .extracting(IsupMessage::cic)
                .isEqualTo(1);
        assertThat(next()).isInstanceOf(IsupMessage.Anm.class);
        send(IsupBytes.rel(1, 16));
        assertThat(next())
                .isInstanceOf(IsupMessage.Rlc.class)
                .extracting(IsupMessage::cic)
                .isEqualTo(1);
    }

    @Test
    void rejectsWithTheRuleCause() throws Exception {
        send(IsupBytes.iam(2, "1234"));
        assertThat(nextRelCause(2)).isEqualTo(17);
        send(IsupBytes.rlc(2));
        send(IsupBytes.iam(3, "2345"));
        assertThat(nextRelCause(3)).isEqualTo(1);
        send(IsupBytes.rlc(3));
        send(IsupBytes.iam(4, "3456"));
        assertThat(nextRelCause(4)).isEqualTo(42);
        send(IsupBytes.rlc(4));
    }

    @Test
    void ringsForeverAndAnswersLaterAndReleasesLater() throws Exception {
        send(IsupBytes.iam(5, "4000"));
        assertThat(next()).isInstanceOf(IsupMessage.Acm.class);
        assertThat(PDUS.poll(500, TimeUnit.MILLISECONDS)).isNull();
        send(IsupBytes.rel(5, 16));
        assertThat(next()).isInstanceOf(IsupMessage.Rlc.class);

        send(IsupBytes.iam(6, "5000"));
        assertThat(next()).isInstanceOf(IsupMessage.Acm.class);
        assertThat(next()).isInstanceOf(IsupMessage.Anm.class);
        send(IsupBytes.rel(6, 16));
        assertThat(next()).isInstanceOf(IsupMessage.Rlc.class);

        send(IsupBytes.iam(7, "6000"));
        assertThat(next()).isInstanceOf(IsupMessage.Acm.class);
        assertThat(next()).isInstanceOf(IsupMessage.Anm.class);
        assertThat(nextRelCause(7)).isEqualTo(16);
        send(IsupBytes.rlc(7));
    }

    @Test
    void maintenanceIsAcknowledged() throws Exception {
        send(IsupBytes.simple(0x13, 8));
        assertThat(next()).isInstanceOf(IsupMessage.Bla.class);
        send(IsupBytes.simple(0x14, 8));
        assertThat(next()).isInstanceOf(IsupMessage.Uba.class);
        send(IsupBytes.simple(0x12, 9));
        assertThat(next()).isInstanceOf(IsupMessage.Rlc.class);
    }

    @Test
    void originatesCallsAndMaintenance() throws Exception {
        pair.exchange().sendIam(10, "2125551234", "4420712345678");
        IsupMessage iam = next();
        assertThat(iam).isInstanceOf(IsupMessage.Iam.class);
        assertThat(iam.cic()).isEqualTo(10);
        pair.exchange().sendRel(10, 16);
        assertThat(next()).isInstanceOf(IsupMessage.Rel.class);
        pair.exchange().sendSimple(0x13, 11);
        assertThat(next()).isInstanceOf(IsupMessage.Blo.class);
        pair.exchange().sendGrs(12, 3);
        assertThat(next()).isInstanceOf(IsupMessage.Grs.class);
        assertThat(pair.exchange().sent(0x01)).isGreaterThanOrEqualTo(1);
    }
}
