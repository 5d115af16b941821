package org.pstngw.isup.sim;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.pstngw.isup.link.M3uaNode;
import org.pstngw.isup.link.M3uaSettings;
import org.restcomm.protocols.ss7.isup.ISUPEvent;
import org.restcomm.protocols.ss7.isup.ISUPListener;
import org.restcomm.protocols.ss7.isup.ISUPMessageFactory;
import org.restcomm.protocols.ss7.isup.ISUPParameterFactory;
import org.restcomm.protocols.ss7.isup.ISUPProvider;
import org.restcomm.protocols.ss7.isup.ISUPTimeoutEvent;
import org.restcomm.protocols.ss7.isup.impl.CircuitManagerImpl;
import org.restcomm.protocols.ss7.isup.impl.ISUPStackImpl;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupBlockingAckMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupBlockingMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupResetAckMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupResetMessage;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.restcomm.protocols.ss7.isup.message.ReleaseMessage;
import org.restcomm.protocols.ss7.isup.message.parameter.CauseIndicators;
import org.restcomm.protocols.ss7.isup.message.parameter.RangeAndStatus;
import org.restcomm.protocols.ss7.scheduler.DefaultClock;
import org.restcomm.protocols.ss7.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The far end for tests, bench and the embedded default: jSS7's own ISUP stack over its own M3UA node (an SGW server
 * by default), answering IAMs per {@link Rules} and the maintenance messages with their acknowledgements. Real M3UA and
 * real ISUP on the wire, encoded by jSS7.
 */
public final class SimulatedExchange implements ISUPListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);

    private final M3uaSettings settings;
    private final int firstCic;
    private final int circuits;
    private final Rules rules;
    private final ConcurrentHashMap<Integer, AtomicLong> received = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, AtomicLong> sent = new ConcurrentHashMap<>();
    private M3uaNode node;
    private Scheduler scheduler;
    private ISUPStackImpl stack;
    private ScheduledExecutorService delays;

    public SimulatedExchange(M3uaSettings settings, int firstCic, int circuits, Rules rules) {
        this.settings = settings;
        this.firstCic = firstCic;
        this.circuits = circuits;
        this.rules = rules;
    }

    public M3uaSettings settings() {
        return settings;
    }

    /** Creates M3UA and the ISUP stack and starts the ASP; does not wait for the peer (it is usually the server). */
    public synchronized void start() {
        if (node != null) {
            return;
        }
        M3uaNode n = new M3uaNode(settings);
        try {
            n.create();
            scheduler = new Scheduler();
            scheduler.setClock(new DefaultClock());
            scheduler.start();
            stack = new ISUPStackImpl(scheduler, settings.opc(), settings.networkIndicator());
            stack.setMtp3UserPart(n.userPart());
            CircuitManagerImpl cm = new CircuitManagerImpl();
            for (int cic = firstCic; cic < firstCic + circuits; cic++) {
                cm.addCircuit(cic, settings.dpc());
            }
            stack.setCircuitManager(cm);
            stack.start();
            stack.getIsupProvider().addListener(this);
            delays = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("sim-" + settings.name()).factory());
            n.startAsp();
        } catch (Exception e) {
            node = n;
            stop();
            throw new IllegalStateException("simulated exchange " + settings.name() + " failed to start", e);
        }
        node = n;
    }

    public synchronized void stop() {
        if (delays != null) {
            delays.shutdownNow();
            delays = null;
        }
        if (stack != null) {
            stack.getIsupProvider().removeListener(this);
            stack.stop();
            stack = null;
        }
        if (scheduler != null) {
            SchedulerShutdown.stop(scheduler);
            scheduler = null;
        }
        if (node != null) {
            node.destroy();
            node = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Drops the association (link loss as the gateway sees it). */
    public void dropAssociation() throws Exception {
        node.stopAsp();
    }

    /** Restores the association after {@link #dropAssociation()}. */
    public void restoreAssociation() throws Exception {
        node.startAsp();
    }

    /** How many messages of this ISUP type the exchange received. */
    public long received(int messageType) {
        return counter(received, messageType).get();
    }

    /** How many messages of this ISUP type the exchange sent. */
    public long sent(int messageType) {
        return counter(sent, messageType).get();
    }

    private ISUPProvider provider() {
        return stack.getIsupProvider();
    }

    private ISUPMessageFactory messages() {
        return provider().getMessageFactory();
    }

    private ISUPParameterFactory parameters() {
        return provider().getParameterFactory();
    }

    /** Originates a call towards the gateway: IAM on the CIC with the called and calling numbers. */
    public void sendIam(int cic, String called, String calling) {
        InitialAddressMessage iam = messages().createIAM(cic);
        ISUPParameterFactory pf = parameters();
        iam.setNatureOfConnectionIndicators(pf.createNatureOfConnectionIndicators());
        iam.setForwardCallIndicators(pf.createForwardCallIndicators());
        var cpc = pf.createCallingPartyCategory();
        cpc.setCallingPartyCategory((byte) 10);
        iam.setCallingPartCategory(cpc);
        var tmr = pf.createTransmissionMediumRequirement();
        tmr.setTransimissionMediumRequirement(3);
        iam.setTransmissionMediumRequirement(tmr);
        var cdpn = pf.createCalledPartyNumber();
        cdpn.setAddress(called);
        cdpn.setNatureOfAddresIndicator(3);
        cdpn.setNumberingPlanIndicator(1);
        iam.setCalledPartyNumber(cdpn);
        var cgpn = pf.createCallingPartyNumber();
        cgpn.setAddress(calling);
        cgpn.setNatureOfAddresIndicator(3);
        cgpn.setNumberingPlanIndicator(1);
        iam.setCallingPartyNumber(cgpn);
        send(iam);
    }

    /** Sends REL with the cause on the CIC. */
    public void sendRel(int cic, int cause) {
        ReleaseMessage rel = messages().createREL(cic);
        rel.setCauseIndicators(cause(cause));
        send(rel);
    }

    /** Sends a maintenance message without parameters on the CIC (BLO, UBL, RSC). */
    public void sendSimple(int messageType, int cic) {
        send(messages().createCommand(messageType, cic));
    }

    /** Sends GRS for range+1 circuits starting at the CIC. */
    public void sendGrs(int cic, int range) {
        CircuitGroupResetMessage grs = messages().createGRS(cic);
        RangeAndStatus rs = parameters().createRangeAndStatus();
        rs.setRange((byte) range, false);
        grs.setRangeAndStatus(rs);
        send(grs);
    }

    @Override
    public void onEvent(ISUPEvent event) {
        ISUPMessage msg = event.getMessage();
        int type = msg.getMessageType().getCode();
        int cic = msg.getCircuitIdentificationCode().getCIC();
        counter(received, type).incrementAndGet();
        try {
            switch (type) {
                case InitialAddressMessage.MESSAGE_CODE -> onIam((InitialAddressMessage) msg, cic);
                case ReleaseMessage.MESSAGE_CODE -> send(messages().createRLC(cic));
                case 0x12 /* RSC */ -> send(messages().createRLC(cic));
                case 0x13 /* BLO */ -> send(messages().createBLA(cic));
                case 0x14 /* UBL */ -> send(messages().createCommand(0x16, cic));
                case CircuitGroupResetMessage.MESSAGE_CODE -> onGrs((CircuitGroupResetMessage) msg, cic);
                case CircuitGroupBlockingMessage.MESSAGE_CODE -> onCgb((CircuitGroupBlockingMessage) msg, cic, 0x19);
                case 0x19 /* CGU */ -> onCgb((CircuitGroupBlockingMessage) msg, cic, 0x1A);
                default -> LOG.debug("sim {}: {} on CIC {}", settings.name(), type, cic);
            }
        } catch (RuntimeException e) {
            LOG.warn("sim {}: failed on message {} CIC {}: {}", settings.name(), type, cic, e.toString());
        }
    }

    @Override
    public void onTimeout(ISUPTimeoutEvent event) {
        LOG.info("sim {}: ISUP timer {} expired: {}", settings.name(), event.getTimerId(), event.getMessage());
    }

    private void onIam(InitialAddressMessage iam, int cic) {
        String called = iam.getCalledPartyNumber() == null
                ? ""
                : iam.getCalledPartyNumber().getAddress();
        Behaviour b = rules.forNumber(called);
        switch (b) {
            case Behaviour.AnswerAfter(long millis) -> {
                sendAcm(cic);
                later(millis, () -> send(messages().createANM(cic)));
            }
            case Behaviour.RingForever() -> sendAcm(cic);
            case Behaviour.Reject(int cause) -> sendRel(cic, cause);
            case Behaviour.ReleaseAfter(long millis) -> {
                sendAcm(cic);
                send(messages().createANM(cic));
                later(millis, () -> sendRel(cic, 16));
            }
        }
    }

    private void onGrs(CircuitGroupResetMessage grs, int cic) {
        CircuitGroupResetAckMessage gra = messages().createGRA(cic);
        RangeAndStatus rs = parameters().createRangeAndStatus();
        rs.setRange(grs.getRangeAndStatus().getRange(), true);
        gra.setRangeAndStatus(rs);
        send(gra);
    }

    private void onCgb(CircuitGroupBlockingMessage cgb, int cic, int ackType) {
        CircuitGroupBlockingAckMessage ack =
                (CircuitGroupBlockingAckMessage) messages().createCommand(ackType, cic);
        ack.setSupervisionType(cgb.getSupervisionType());
        ack.setRangeAndStatus(cgb.getRangeAndStatus());
        send(ack);
    }

    private void sendAcm(int cic) {
        var acm = messages().createACM(cic);
        acm.setBackwardCallIndicators(parameters().createBackwardCallIndicators());
        send(acm);
    }

    private void later(long millis, Runnable r) {
        if (millis <= 0) {
            r.run();
        } else {
            delays.schedule(r, millis, TimeUnit.MILLISECONDS);
        }
    }

    private CauseIndicators cause(int value) {
        CauseIndicators ci = parameters().createCauseIndicators();
        ci.setCodingStandard(0);
        ci.setLocation(CauseIndicators._LOCATION_PUBLIC_NSRU);
        ci.setCauseValue(value);
        return ci;
    }

    private void send(ISUPMessage msg) {
        try {
            msg.setSls(msg.getCircuitIdentificationCode().getCIC() & 0x0F);
            provider().sendMessage(msg, settings.dpc());
            counter(sent, msg.getMessageType().getCode()).incrementAndGet();
        } catch (Exception e) {
            LOG.warn("sim {}: send failed: {}", settings.name(), e.toString());
        }
    }

    private static AtomicLong counter(ConcurrentHashMap<Integer, AtomicLong> map, int type) {
        return map.computeIfAbsent(type, k -> new AtomicLong());
    }
}
