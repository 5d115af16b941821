package org.pstngw.isup.link;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * {@link IsupLink} on jSS7's M3UA: MTP-TRANSFER of SI 5 to and from the listener, MTP-PAUSE/RESUME/STATUS mapped to
 * {@link DestinationState}. The listener runs on jSS7's M3UA delivery threads.
 */
public final class M3uaIsupLink implements IsupLink, Mtp3UserPartListener {

    private static final Logger LOG = LoggerFactory.getLogger(M3uaIsupLink.class);
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
    private volatile Listener listener = NO_LISTENER;
    private volatile M3uaNode node;
    private volatile CountDownLatch available = new CountDownLatch(1);

    public M3uaIsupLink(M3uaSettings settings) {
        this.settings = settings;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    @Override
    public int ownPointCode() {
        return settings.opc();
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
        M3uaNode n = new M3uaNode(settings);
        try {
            n.create();
            n.userPart().addMtp3UserPartListener(this);
            n.startAsp();
        } catch (Exception e) {
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

    /** Waits until the DPC is available; for tests and orderly start-up. */
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
        n.destroy();
        for (Map.Entry<Integer, DestinationState> e : states.entrySet()) {
            if (e.getValue() != DestinationState.UNAVAILABLE) {
                changeState(e.getKey(), DestinationState.UNAVAILABLE);
            }
        }
    }

    /** Drops the association (ASP stop): for tests of link loss. */
    public void dropAssociation() throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.stopAsp();
        }
    }

    /** Restores the association after {@link #dropAssociation()}. */
    public void restoreAssociation() throws Exception {
        M3uaNode n = node;
        if (n != null) {
            n.startAsp();
        }
    }

    @Override
    public boolean send(IsupPdu pdu) {
        M3uaNode n = node;
        if (n == null) {
            LOG.warn("M3UA link {} stopped: not sent {}", settings.name(), pdu);
            return false;
        }
        if (!state(pdu.dpc()).canSend()) {
            LOG.warn("DPC {} unavailable: not sent {}", pdu.dpc(), pdu);
            return false;
        }
        Mtp3UserPart up = n.userPart();
        Mtp3TransferPrimitive mtp = up.getMtp3TransferPrimitiveFactory()
                .createMtp3TransferPrimitive(
                        IsupPdu.SI_ISUP, pdu.networkIndicator(), 0, pdu.opc(), pdu.dpc(), pdu.sls(), pdu.payload());
        try {
            up.sendMessage(mtp);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("M3UA link {}: send failed for {}: {}", settings.name(), pdu, e.toString());
            return false;
        }
    }

    @Override
    public DestinationState state(int dpc) {
        return states.getOrDefault(dpc, DestinationState.UNAVAILABLE);
    }

    @Override
    public void onMtp3TransferMessage(Mtp3TransferPrimitive mtp) {
        if (mtp.getSi() != IsupPdu.SI_ISUP || mtp.getDpc() != settings.opc()) {
            LOG.debug("ignored MTP transfer SI {} DPC {}", mtp.getSi(), mtp.getDpc());
            return;
        }
        byte[] data = mtp.getData();
        if (data == null || data.length < IsupPdu.MIN_PAYLOAD || data.length > IsupPdu.MAX_PAYLOAD) {
            LOG.warn("dropped malformed ISUP from OPC {}: {} octets", mtp.getOpc(), data == null ? 0 : data.length);
            return;
        }
        IsupPdu pdu = new IsupPdu(mtp.getOpc(), mtp.getDpc(), mtp.getSls(), mtp.getNi(), data);
        try {
            listener.onPdu(pdu);
        } catch (RuntimeException e) {
            LOG.error("listener failed on {}", pdu, e);
        }
    }

    @Override
    public void onMtp3PauseMessage(Mtp3PausePrimitive pause) {
        changeState(pause.getAffectedDpc(), DestinationState.UNAVAILABLE);
    }

    @Override
    public void onMtp3ResumeMessage(Mtp3ResumePrimitive resume) {
        changeState(resume.getAffectedDpc(), DestinationState.AVAILABLE);
    }

    @Override
    public void onMtp3StatusMessage(Mtp3StatusPrimitive status) {
        DestinationState s = status.getCause() == Mtp3StatusCause.SignallingNetworkCongested
                ? DestinationState.CONGESTED
                : DestinationState.UNAVAILABLE;
        changeState(status.getAffectedDpc(), s);
    }

    @Override
    public void onMtp3EndCongestionMessage(Mtp3EndCongestionPrimitive end) {
        if (state(end.getAffectedDpc()) == DestinationState.CONGESTED) {
            changeState(end.getAffectedDpc(), DestinationState.AVAILABLE);
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
