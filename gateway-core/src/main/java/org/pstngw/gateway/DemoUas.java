package org.pstngw.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pstngw.sip.message.SipStatus;
import org.pstngw.sip.ua.Body;
import org.pstngw.sip.ua.CallListener;
import org.pstngw.sip.ua.IncomingMessage;
import org.pstngw.sip.ua.OfferReply;
import org.pstngw.sip.ua.ServerCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo UAS of {@code sip.uas-demo}, what the gateway runs until the interworking function exists: every INVITE gets
 * 180 Ringing at once and, after {@code answer-delay}, 200 OK with a G.711 SDP; re-INVITE/UPDATE offers are accepted
 * with the same SDP.
 */
final class DemoUas implements CallListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUas.class);

    private final Duration answerDelay;
    private final String host;
    private final ScheduledExecutorService ringing = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-uas-ringing");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param host the address written in the SDP
     */
    DemoUas(Duration answerDelay, String host) {
        this.answerDelay = answerDelay;
        this.host = host;
    }

    @Override
    public void onInvite(ServerCall call) {
        LOG.info("incoming call {}", call.callId());
        call.sendProvisional(SipStatus.RINGING, Optional.empty(), false);
        var _ = ringing.schedule(
                () -> call.accept(Optional.of(Body.sdp(sdp()))), answerDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public OfferReply onOffer(ServerCall call, IncomingMessage request) {
        return OfferReply.accept(Body.sdp(sdp()));
    }

    @Override
    public void onBye(ServerCall call, IncomingMessage bye) {
        LOG.info("call {} ended by BYE", call.callId());
    }

    String sdp() {
        return String.join(
                        "\r\n",
                        List.of(
                                "v=0",
                                "o=pstngw 1 1 IN IP4 " + host,
                                "s=pstngw",
                                "c=IN IP4 " + host,
                                "t=0 0",
                                "m=audio 40000 RTP/AVP 8 0 101",
                                "a=rtpmap:8 PCMA/8000",
                                "a=rtpmap:0 PCMU/8000",
                                "a=rtpmap:101 telephone-event/8000",
                                "a=sendrecv"))
                + "\r\n";
    }

    @Override
    public void close() {
        ringing.shutdownNow();
    }
}
