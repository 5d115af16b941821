package org.pstngw.isup.link;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.pstngw.sipi.isup.IsupVariant;
import org.restcomm.protocols.ss7.mtp.Mtp3EndCongestionPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3PausePrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3ResumePrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3StatusCause;
import org.restcomm.protocols.ss7.mtp.Mtp3StatusPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3TransferPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPart;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPartListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IsupLink} on jSS7's M3UA: MTP-TRANSFER of the configured SI to and from the listener, MTP-PAUSE, -RESUME and
 * -STATUS mapped to {@link DestinationState}.
 *
 * <p>State changes run on the link's control thread, in order: a RESUME is reported as {@link
 * DestinationState#AVAILABLE} only once jSS7 routes DATA to the destination (probed, see {@link M3uaNode#routable()}),
 * so the first PDU call control sends on recovery (its GRS) is not refused; user part unavailability starts the UPT/T4
 * test of {@link UserPartTest}. PDUs are delivered on jSS7's M3UA delivery threads.
 */
public final class M3uaIsupLink implements IsupLink, Mtp3UserPartListener {

    private static final Logger LOG = LoggerFactory.getLogger(M3uaIsupLink.class);
    private static final long FIRST_PROBE_MILLIS = 2;
    private static final long MAX_PROBE_MILLIS = 500;
    private static final Listener NO_LISTENER = new Listener() {
        @Override
        public void onPdu(IsupPdu pdu) {
            LOG.debug("no listener: dropped {}", pdu);
        }

        @Override
        public void onDestinationState(int dpc, DestinationState state) {
            LOG.debug("no listener: DPC {} {}", dpc, state);
        }
    };

    private final M3uaSettings settings;
    private final Map<Integer, DestinationState> states = new ConcurrentHashMap<>();
    private final LongAdder sentCount = new LongAdder();
    private final Map<SendResult.Reason, LongAdder> refusedCount = new EnumMap<>(SendResult.Reason.class);
    /** DPCs resumed by jSS7 but not yet routable; control thread only. */
    private final Set<Integer> resuming = new HashSet<>();

    private volatile Listener listener = NO_LISTENER;
    private volatile M3uaNode node;
    private volatile ScheduledExecutorService control;
    private volatile UserPartTest userPartTest;
    private volatile CountDownLatch available = new CountDownLatch(1);
    private volatile int lastCic;

    public M3uaIsupLink(M3uaSettings settings) {
        this.settings = settings;
        for (SendResult.Reason r : SendResult.Reason.values()) {
            refusedCount.put(r, new LongAdder());
        }
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    @Override
    public int ownPointCode() {
        return settings.opc();
    }

    @Override
    public int networkIndicator() {
        return settings.networkIndicator();
    }

    public M3uaSettings settings() {
        return settings;
    }

    @Override
    public synchronized void start() {
        if (node != null) {
            return;
        }
        available = new CountDownLatch(1);
        ScheduledExecutorService c = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("m3ua-" + settings.name()).factory());
        control = c;
        userPartTest = new UserPartTest(c, settings.userPartTestInterval(), this::sendUserPartTest);
        M3uaNode n = new M3uaNode(settings);
        try {
            n.create();
            n.userPart().addMtp3UserPartListener(this);
            n.startAsp();
        } catch (Exception e) {
            c.shutdownNow();
            n.destroy();
            throw new IllegalStateException("M3UA link " + settings.name() + " failed to start", e);
        }
        node = n;
        try {
            if (!available.await(settings.activeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "M3UA link {}: DPC {} not available after {}; calls are refused until it resumes",
                        settings.name(),
                        settings.dpc(),
                        settings.activeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the DPC is available (routable); for tests and orderly start-up. */
    public boolean awaitAvailable(long timeout, TimeUnit unit) throws InterruptedException {
        return available.await(timeout, unit);
    }

    @Override
    public synchronized void stop() {
        M3uaNode n = node;
        node = null;
        if (n == null) {
            return;
        }
        Mtp3UserPart up = n.userPart();
        if (up != null) {
            up.removeMtp3UserPartListener(this);
        }
        ScheduledExecutorService c = control;
        c.shutdownNow();
        try {
            if (!c.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("M3UA link {}: control thread did not stop", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        n.destroy();
        for (Map.Entry<Integer, DestinationState> e : states.entrySet()) {
            if (e.getValue() != DestinationState.UNAVAILABLE) {
                changeState(e.getKey(), DestinationState.UNAVAILABLE);
            }
        }
    }

    /** The running M3UA node, null when stopped (tests in this package inject management messages through it). */
    M3uaNode node() {
        return node;
    }

    /** Drops every association (ASP stop): for tests of link loss. */
    public void dropAssociation() throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.stopAsp();
        }
    }

    /** Restores the associations after {@link #dropAssociation()}. */
    public void restoreAssociation() throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.startAsp();
        }
    }

    /** Drops the association to peer {@code index} only (one of several STPs lost). */
    public void dropAssociation(int index) throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.stopAsp(index);
        }
    }

    /** Restores the association to peer {@code index}. */
    public void restoreAssociation(int index) throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.startAsp(index);
        }
    }

    @Override
    public boolean send(IsupPdu pdu) {
        return transmit(pdu).sent();
    }

    @Override
    public SendResult transmit(IsupPdu pdu) {
        M3uaNode n = node;
        if (n == null) {
            return refused(SendResult.Reason.LINK_STOPPED, "link " + settings.name() + " stopped", pdu);
        }
        DestinationState s = state(pdu.dpc());
        if (!s.canSend()) {
            return refused(SendResult.Reason.DESTINATION_UNAVAILABLE, "DPC " + pdu.dpc() + " " + s, pdu);
        }
        // our own PDUs: the encoder leaves the spare bits 0, so the 14-bit reading is right for either variant
        lastCic = pdu.cic(IsupVariant.ANSI);
        return write(n, pdu);
    }

    /** PDUs handed to M3UA since the link was created. */
    public long sentCount() {
        return sentCount.sum();
    }

    /** PDUs refused for this reason since the link was created. */
    public long refusedCount(SendResult.Reason reason) {
        return refusedCount.get(reason).sum();
    }

    @Override
    public DestinationState state(int dpc) {
        return states.getOrDefault(dpc, DestinationState.UNAVAILABLE);
    }

    @Override
    public void onMtp3TransferMessage(Mtp3TransferPrimitive mtp) {
        if (mtp.getSi() != settings.serviceIndicator() || mtp.getDpc() != settings.opc()) {
            LOG.debug("ignored MTP transfer SI {} DPC {}", mtp.getSi(), mtp.getDpc());
            return;
        }
        byte[] data = mtp.getData();
        if (data == null || data.length < IsupPdu.MIN_PAYLOAD || data.length > IsupPdu.MAX_PAYLOAD) {
            LOG.warn("dropped malformed ISUP from OPC {}: {} octets", mtp.getOpc(), data == null ? 0 : data.length);
            return;
        }
        IsupPdu pdu = new IsupPdu(mtp.getOpc(), mtp.getDpc(), mtp.getSls(), mtp.getNi(), data);
        UserPartTest test = userPartTest;
        if (test != null && test.active()) {
            onControl(() -> heardFrom(pdu.opc()));
        }
        if (pdu.messageType() == UserPartTest.UPT) {
            M3uaNode n = node;
            if (n != null) {
                write(
                        n,
                        new IsupPdu(
                                settings.opc(),
                                pdu.opc(),
                                pdu.sls(),
                                pdu.networkIndicator(),
                                UserPartTest.answer(pdu)));
            }
            return;
        }
        if (pdu.messageType() == UserPartTest.UPA) {
            return;
        }
        try {
            listener.onPdu(pdu);
        } catch (RuntimeException e) {
            LOG.error("listener failed on {}", pdu, e);
        }
    }

    @Override
    public void onMtp3PauseMessage(Mtp3PausePrimitive pause) {
        int dpc = pause.getAffectedDpc();
        onControl(() -> {
            resuming.remove(dpc);
            userPartTest.stop(dpc);
            changeState(dpc, DestinationState.UNAVAILABLE);
        });
    }

    @Override
    public void onMtp3ResumeMessage(Mtp3ResumePrimitive resume) {
        int dpc = resume.getAffectedDpc();
        onControl(() -> {
            userPartTest.stop(dpc);
            resuming.add(dpc);
            probe(dpc, FIRST_PROBE_MILLIS);
        });
    }

    @Override
    public void onMtp3StatusMessage(Mtp3StatusPrimitive status) {
        int dpc = status.getAffectedDpc();
        Mtp3StatusCause cause = status.getCause();
        onControl(() -> {
            if (cause == Mtp3StatusCause.SignallingNetworkCongested) {
                if (state(dpc) == DestinationState.AVAILABLE) {
                    changeState(dpc, DestinationState.CONGESTED);
                }
                return;
            }
            LOG.warn("M3UA link {}: ISUP at DPC {} unavailable ({}): user part test", settings.name(), dpc, cause);
            changeState(dpc, DestinationState.UNAVAILABLE);
            userPartTest.start(dpc);
        });
    }

    @Override
    public void onMtp3EndCongestionMessage(Mtp3EndCongestionPrimitive end) {
        int dpc = end.getAffectedDpc();
        onControl(() -> {
            if (state(dpc) == DestinationState.CONGESTED) {
                changeState(dpc, DestinationState.AVAILABLE);
            }
        });
    }

    /** After RESUME: report AVAILABLE once jSS7 routes to the DPC, checking again with back-off until PAUSE. */
    private void probe(int dpc, long delayMillis) {
        if (!resuming.contains(dpc)) {
            return;
        }
        M3uaNode n = node;
        if (n != null && n.routable()) {
            resuming.remove(dpc);
            changeState(dpc, DestinationState.AVAILABLE);
            return;
        }
        long next = Math.min(delayMillis * 2, MAX_PROBE_MILLIS);
        control.schedule(() -> probe(dpc, next), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Traffic from a DPC under user part test: its ISUP is back (Q.764 2.13.2). */
    private void heardFrom(int dpc) {
        if (!userPartTest.stop(dpc)) {
            return;
        }
        LOG.info("M3UA link {}: ISUP at DPC {} answers again", settings.name(), dpc);
        resuming.add(dpc);
        probe(dpc, FIRST_PROBE_MILLIS);
    }

    private void sendUserPartTest(int dpc) {
        M3uaNode n = node;
        if (n != null) {
            LOG.info("M3UA link {}: user part test (UPT) to DPC {} on CIC {}", settings.name(), dpc, lastCic);
            write(
                    n,
                    new IsupPdu(
                            settings.opc(),
                            dpc,
                            IsupPdu.slsForCic(lastCic),
                            settings.networkIndicator(),
                            UserPartTest.message(UserPartTest.UPT, lastCic)));
        }
    }

    private SendResult write(M3uaNode n, IsupPdu pdu) {
        Mtp3UserPart up = n.userPart();
        if (up == null) {
            return refused(SendResult.Reason.LINK_STOPPED, "link " + settings.name() + " stopped", pdu);
        }
        Mtp3TransferPrimitive mtp = up.getMtp3TransferPrimitiveFactory()
                .createMtp3TransferPrimitive(
                        settings.serviceIndicator(),
                        pdu.networkIndicator(),
                        0,
                        pdu.opc(),
                        pdu.dpc(),
                        pdu.sls(),
                        pdu.payload());
        try {
            up.sendMessage(mtp);
            sentCount.increment();
            return SendResult.SENT;
        } catch (IOException e) {
            String text = String.valueOf(e.getMessage());
            SendResult.Reason reason =
                    text.contains("No AS found") ? SendResult.Reason.NO_ROUTE : SendResult.Reason.TRANSPORT_FAILED;
            return refused(reason, text, pdu);
        } catch (RuntimeException e) {
            return refused(SendResult.Reason.TRANSPORT_FAILED, e.toString(), pdu);
        }
    }

    private SendResult refused(SendResult.Reason reason, String detail, IsupPdu pdu) {
        refusedCount.get(reason).increment();
        if (reason == SendResult.Reason.NO_ROUTE || reason == SendResult.Reason.TRANSPORT_FAILED) {
            LOG.warn("M3UA link {}: {} not sent ({}): {}", settings.name(), pdu, reason, detail);
        } else {
            LOG.debug("M3UA link {}: {} not sent ({}): {}", settings.name(), pdu, reason, detail);
        }
        return new SendResult.Refused(reason, detail);
    }

    private void onControl(Runnable task) {
        ScheduledExecutorService c = control;
        if (c == null) {
            return;
        }
        try {
            c.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("M3UA link {} stopping: dropped a state event", settings.name());
        }
    }

    private void changeState(int dpc, DestinationState s) {
        DestinationState old = states.put(dpc, s);
        if (s == DestinationState.AVAILABLE && dpc == settings.dpc()) {
            available.countDown();
        }
        if (old == s) {
            return;
        }
        LOG.info("M3UA link {}: DPC {} {} -> {}", settings.name(), dpc, old, s);
        try {
            listener.onDestinationState(dpc, s);
        } catch (RuntimeException e) {
            LOG.error("listener failed on DPC {} {}", dpc, s, e);
        }
    }
}
