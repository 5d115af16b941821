package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.M3uaIsupLink;
import org.pstngw.isup.link.SendResult;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * Our side of the wire in tests against the simulated exchange, without call control: sends ISUP encoded by sip-i (or
 * raw payloads) over the link of a {@link LinkAndExchange} and takes what the exchange sends back, decoded by sip-i.
 * Waits are bounded (20 s for something expected).
 */
public final class LinkProbe implements IsupLink.Listener {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<IsupPdu> pdus = new LinkedBlockingQueue<>();
    private final BlockingQueue<DestinationState> states = new LinkedBlockingQueue<>();
    private M3uaIsupLink link;

    /** Attaches to the pair as its listener; call before {@link LinkAndExchange#start()}. */
    public LinkProbe on(LinkAndExchange p) {
        return on(p.link());
    }

    /** Attaches to a link (PC {@link LinkAndExchange#GATEWAY_PC} towards {@link LinkAndExchange#EXCHANGE_PC}). */
    public LinkProbe on(M3uaIsupLink l) {
        this.link = l;
        l.setListener(this);
        return this;
    }

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

    /** Sends the message (ITU encoding) and asserts the link took it. */
    public void send(IsupMessage message) {
        send(IsupCodec.encode(message, IsupVariant.ITU).orElseThrow());
    }

    /** Sends a raw payload (CIC first) and asserts the link took it. */
    public void send(byte[] payload) {
        IsupPdu pdu = new IsupPdu(
                LinkAndExchange.GATEWAY_PC,
                LinkAndExchange.EXCHANGE_PC,
                IsupPdu.slsForCic(payload[0] & 0xFF),
                LinkAndExchange.NI,
                payload);
        assertThat(link.transmit(pdu)).as("link takes %s", pdu).isEqualTo(SendResult.SENT);
    }

    /** The next message from the exchange, decoded by sip-i. */
    public IsupMessage next() throws InterruptedException {
        IsupPdu pdu = pdus.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(pdu).as("a PDU from the exchange within %d s", WAIT_SECONDS).isNotNull();
        assertThat(pdu.opc()).isEqualTo(LinkAndExchange.EXCHANGE_PC);
        DecodeResult r = IsupCodec.decode(pdu.payload(), IsupVariant.ITU);
        assertThat(r).as("sip-i decodes jSS7's %s", pdu.payloadHex()).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    /** The next message, asserted to be of the type on the CIC. */
    public IsupMessage next(IsupMessageType type, int cic) throws InterruptedException {
        IsupMessage m = next();
        assertThat(m.type()).as("message type of %s", m).isEqualTo(type);
        assertThat(m.cic()).as("CIC of %s", m).isEqualTo(cic);
        return m;
    }

    /** The cause value of the next message, asserted to be REL on the CIC. */
    public int nextRelCause(int cic) throws InterruptedException {
        IsupMessage rel = next(IsupMessageType.REL, cic);
        return rel.causeIndicators().orElseThrow().cause().code();
    }

    /** Asserts that the exchange sends nothing for a while (for "and nothing else" checks). */
    public void nothingWithin(Duration quiet) throws InterruptedException {
        IsupPdu pdu = pdus.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(pdu).as("nothing from the exchange within %s", quiet).isNull();
    }

    /** The next destination state change the link reported for the exchange. */
    public DestinationState nextState() throws InterruptedException {
        DestinationState s = states.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("a destination state change within %d s", WAIT_SECONDS).isNotNull();
        return s;
    }

    /** Forgets whatever arrived. */
    public void clear() {
        pdus.clear();
        states.clear();
    }
}
