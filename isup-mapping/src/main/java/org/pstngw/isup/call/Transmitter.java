package org.pstngw.isup.call;

import java.time.Duration;
import java.util.ArrayDeque;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.SendResult;
import org.pstngw.sipi.isup.EncodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands call control's messages to the link, in order, with the link's own point code and network indicator, and
 * makes sure none is lost without a trace. What the link refuses ({@link IsupLink#transmit}) is handled by why:
 *
 * <pre>
 *   SENT                                  done
 *   DESTINATION_UNAVAILABLE, LINK_STOPPED dropped and counted: the destination is down, so the calls are cleared
 *                                         and every circuit is reset (GRS) when it is back (Q.764 2.13, MTP-PAUSE);
 *                                         call control re-reads the destination's state in case it has not heard yet
 *   NO_ROUTE, TRANSPORT_FAILED,           held, with everything after it (one circuit's messages stay in order),
 *   UNSPECIFIED                           and retried with back-off ({@link #FIRST_RETRY} doubling up to
 *                                         {@link #MAX_RETRY}); after {@link #PATIENCE} the held messages are dropped,
 *                                         each reported as {@link MaintenanceAlert#MESSAGE_NOT_SENT}, and the
 *                                         procedures' own timers take over (T1 repeats a REL, T16 an RSC, T22 a GRS,
 *                                         T12-T20 the blocking messages, T7 releases a call whose IAM was lost)
 * </pre>
 *
 * Runs on the call control's executor.
 */
final class Transmitter {

    private static final Logger LOG = LoggerFactory.getLogger(Transmitter.class);

    static final Duration FIRST_RETRY = Duration.ofMillis(10);
    static final Duration MAX_RETRY = Duration.ofMillis(500);
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** Most messages held while the link refuses; beyond it new ones are dropped and reported at once. */
    static final int MAX_HELD = 65_536;

    private final IsupCallControl control;
    private final IsupLink link;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private Scheduler.Cancellable retry = () -> {};
    private Duration nextDelay = FIRST_RETRY;
    private Duration waited = Duration.ZERO;
    private long dropped;

    private record Held(IsupMessage message, IsupPdu pdu) {}

    Transmitter(IsupCallControl control, IsupLink link) {
        this.control = control;
        this.link = link;
    }

    /** Encodes and sends the message, or holds it behind earlier refused ones. */
    void send(IsupMessage message) {
        byte[] payload;
        switch (IsupCodec.encode(message, control.settings().variant())) {
            case EncodeResult.Encoded(byte[] bytes) -> payload = bytes;
            case EncodeResult.EncodeError e -> {
                LOG.warn("not sending {} on CIC {}: {}", message.type(), message.cic(), e);
                return;
            }
        }
        Held h = new Held(
                message,
                new IsupPdu(
                        link.ownPointCode(),
                        control.group().dpc(),
                        IsupPdu.slsForCic(message.cic()),
                        link.networkIndicator(),
                        payload));
        if (!held.isEmpty()) {
            hold(h);
            return;
        }
        SendResult r = link.transmit(h.pdu());
        if (r instanceof SendResult.Refused refused) {
            refused(h, refused);
        }
    }

    /** Messages waiting for the link to take them again. */
    int held() {
        return held.size();
    }

    /** Messages given up on since the control was built (refused while the destination was down, or held too long). */
    long dropped() {
        return dropped;
    }

    /** The destination is down: what is held is dropped, the reset on recovery covers it. */
    void destinationLost() {
        if (!held.isEmpty()) {
            LOG.info(
                    "DPC {} unreachable: {} held messages dropped",
                    control.group().dpc(),
                    held.size());
            dropped += held.size();
            held.clear();
        }
        stopRetrying();
    }

    private void refused(Held h, SendResult.Refused refused) {
        switch (refused.reason()) {
            case DESTINATION_UNAVAILABLE, LINK_STOPPED -> {
                dropped++;
                LOG.info(
                        "{} on CIC {} not sent ({}): cleared and reset with the destination",
                        h.message().type(),
                        h.message().cic(),
                        refused.reason());
                control.destinationRefused();
            }
            case NO_ROUTE, TRANSPORT_FAILED, UNSPECIFIED -> {
                LOG.info(
                        "{} on CIC {} refused ({}: {}): held and retried",
                        h.message().type(),
                        h.message().cic(),
                        refused.reason(),
                        refused.detail());
                hold(h);
                waited = Duration.ZERO;
                nextDelay = FIRST_RETRY;
                scheduleRetry();
            }
        }
    }

    private void hold(Held h) {
        if (held.size() >= MAX_HELD) {
            giveUp(h, "more than " + MAX_HELD + " messages held");
            return;
        }
        held.addLast(h);
    }

    private void scheduleRetry() {
        Duration delay = nextDelay;
        retry = control.scheduler().schedule(delay, () -> control.submit(() -> retry(delay)));
        nextDelay = nextDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextDelay.multipliedBy(2);
    }

    private void retry(Duration delay) {
        waited = waited.plus(delay);
        while (!held.isEmpty()) {
            SendResult r = link.transmit(held.peekFirst().pdu());
            if (r.sent()) {
                held.pollFirst();
                continue;
            }
            SendResult.Refused refused = (SendResult.Refused) r;
            if (refused.reason() == SendResult.Reason.DESTINATION_UNAVAILABLE
                    || refused.reason() == SendResult.Reason.LINK_STOPPED) {
                destinationLost();
                control.destinationRefused();
                return;
            }
            if (waited.compareTo(PATIENCE) >= 0) {
                for (Held h = held.pollFirst(); h != null; h = held.pollFirst()) {
                    giveUp(h, refused.reason() + " for " + waited.toMillis() + " ms: " + refused.detail());
                }
                return;
            }
            scheduleRetry();
            return;
        }
    }

    private void giveUp(Held h, String why) {
        dropped++;
        LOG.warn("{} on CIC {} not sent: {}", h.message().type(), h.message().cic(), why);
        control.outbox().add(new Outbox.Output.Alert(h.message().cic(), MaintenanceAlert.MESSAGE_NOT_SENT));
    }

    private void stopRetrying() {
        retry.cancel();
        retry = () -> {};
    }
}
