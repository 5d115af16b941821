package org.pstngw.isup.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.pstngw.isup.link.DupuMessage;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.sipi.isup.IsupMessageType;
import org.restcomm.protocols.ss7.isup.message.BlockingMessage;
import org.restcomm.protocols.ss7.isup.message.ResetCircuitMessage;
import org.restcomm.protocols.ss7.isup.message.UnblockingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The far end for tests, bench and the embedded default: jSS7's ISUP messages over its own jSS7 M3UA node (an SGW
 * server by default), with its own circuits and call timers ({@link SimStack} says why jSS7's ISUP stack proper is
 * not used). It answers IAMs per {@link Rules} ({@link CallResponder}) and every maintenance message with its
 * acknowledgement and real circuit states ({@link MaintenanceResponder}), originates calls and maintenance, and logs
 * what it sends and receives ({@link #events()}). Real M3UA and real ISUP on the wire, encoded by jSS7 (SAM and CFN by
 * the exchange itself, see {@link SimWire}).
 *
 * <p>All of its logic runs on one thread of its own; the public methods hand their work to it and wait (bounded) for
 * it, so a test sees the message on its way when the call returns.
 */
public final class SimulatedExchange implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final ExchangeSettings settings;
    private final EventLog events;
    private final SimWire wire;
    private final Map<Integer, SimCircuit> circuits = new HashMap<>();
    private SimStack stack;
    private ScheduledExecutorService loop;
    private CallResponder calls;
    private MaintenanceResponder maintenance;
    private Inbound inbound;

    public SimulatedExchange(ExchangeSettings settings) {
        this.settings = settings;
        this.events = new EventLog(settings.eventCapacity());
        this.wire = new SimWire(settings.link(), events);
        for (int cic = settings.firstCic(); cic < settings.firstCic() + settings.circuits(); cic++) {
            circuits.put(cic, new SimCircuit(cic));
        }
    }

    /** An exchange with CICs {@code firstCic .. firstCic + circuits - 1} and Q.764 default timers. */
    public SimulatedExchange(M3uaSettings settings, int firstCic, int circuits, Rules rules) {
        this(new ExchangeSettings(settings, firstCic, circuits, rules));
    }

    public M3uaSettings settings() {
        return settings.link();
    }

    public ExchangeSettings exchangeSettings() {
        return settings;
    }

    /** Creates the M3UA node and starts the ASP; does not wait for the peer (it is usually the server). */
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        M3uaSettings link = settings.link();
        loop = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sim-" + link.name()).factory());
        calls = new CallResponder(wire, circuits, settings, loop);
        maintenance = new MaintenanceResponder(wire, circuits);
        inbound = new Inbound(wire, circuits, calls, maintenance);
        stack = new SimStack(link);
        try {
            wire.attach(stack, new Outbox(stack::routable, loop, Duration.ofSeconds(5)));
            stack.start(
                    msg -> execute(() -> inbound.dispatch(msg)),
                    (type, cic) -> execute(() -> inbound.unrecognised(type, cic)));
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("simulated exchange " + link.name() + " failed to start", e);
        }
    }

    public synchronized void stop() {
        if (stack != null) {
            stack.stop();
            stack = null;
        }
        if (loop != null) {
            loop.shutdownNow();
            try {
                if (!loop.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("sim {}: thread did not stop", settings.link().name());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Drops the association (link loss as the gateway sees it). */
    public void dropAssociation() throws Exception {
        stack.node().stopAsp();
    }

    /** Restores the association after {@link #dropAssociation()}. */
    public void restoreAssociation() throws Exception {
        stack.node().startAsp();
    }

    /**
     * The exchange's ISUP becomes unavailable while M3UA stays up: it tells the gateway with an M3UA DUPU (cause
     * inaccessible remote user) and from now on ignores every message, user part tests included.
     */
    public void userPartUnavailable() {
        onLoop(() -> {
            inbound.userPartAvailable(false);
            M3uaSettings link = settings.link();
            byte[] dupu = DupuMessage.encode(
                    link.routingContext(),
                    link.networkAppearance(),
                    link.opc(),
                    DupuMessage.INACCESSIBLE_REMOTE_USER,
                    link.serviceIndicator());
            for (int i = 0; i < link.peers().size(); i++) {
                try {
                    stack.node().sendRaw(i, dupu);
                } catch (Exception e) {
                    throw new IllegalStateException("DUPU not sent to peer " + i, e);
                }
            }
        });
    }

    /** The exchange's ISUP is back: the next user part test is answered with UPA. */
    public void userPartAvailable() {
        onLoop(() -> inbound.userPartAvailable(true));
    }

    /** How many messages of this ISUP type the exchange received. */
    public long received(int messageType) {
        return wire.received(messageType);
    }

    public long received(IsupMessageType type) {
        return wire.received(type.code());
    }

    /** How many messages of this ISUP type the exchange sent. */
    public long sent(int messageType) {
        return wire.sent(messageType);
    }

    public long sent(IsupMessageType type) {
        return wire.sent(type.code());
    }

    /** What the exchange sent, received and timed out on, to wait on in tests. */
    public EventLog events() {
        return events;
    }

    /** The call phase of one of the exchange's circuits. */
    public CallPhase phase(int cic) {
        return onLoop(cic, c -> {}).phase;
    }

    /** The Q.763 3.14 circuit state indicator of the circuit as a CQR from this exchange would report it. */
    public int stateIndicator(int cic) {
        return onLoop(cic, c -> {}).stateIndicator();
    }

    /** Originates a call towards the gateway: IAM on the CIC with the called and calling numbers. */
    public void sendIam(int cic, String called, String calling) {
        sendIam(cic, called, calling, false);
    }

    /** Originates a call, asking for a continuity check on the circuit (then {@link #sendCot}) or not. */
    public void sendIam(int cic, String called, String calling, boolean continuityCheck) {
        onLoop(cic, c -> calls.originate(c, called, calling, continuityCheck));
    }

    /** More digits for an originated call (overlap sending). */
    public void sendSam(int cic, String digits) {
        onLoop(cic, c -> wire.sam(cic, digits));
    }

    /** The result of the continuity check of an originated call (or of a re-check). */
    public void sendCot(int cic, boolean success) {
        onLoop(cic, c -> wire.cot(cic, success));
    }

    /** Answers an incoming call that is ringing. */
    public void sendAnm(int cic) {
        onLoop(cic, calls::answer);
    }

    /** CPG on the circuit (event 1 alerting, 2 progress, 3 in-band information available). */
    public void sendCpg(int cic, int event) {
        onLoop(cic, c -> wire.cpg(cic, event));
    }

    /** Sends REL with the cause on the CIC, releasing whatever call it has. */
    public void sendRel(int cic, int cause) {
        onLoop(cic, c -> calls.release(c, cause));
    }

    /**
     * The next {@code count} RELs on the CIC are left unanswered (no RLC; the exchange's call stays as it was), as if
     * they were lost: the sender's T1 (REL repeated) and T5 (RSC, maintenance alerted, Q.764 2.9.6) run out over the
     * wire. 0 answers every REL again. An RSC is still answered with RLC.
     */
    public void ignoreReleases(int cic, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count);
        }
        onLoop(cic, c -> c.releasesToIgnore = count);
    }

    /** SUS, network or subscriber initiated. */
    public void sendSus(int cic, boolean network) {
        onLoop(cic, c -> wire.suspendResume(cic, true, network));
    }

    /** RES, network or subscriber initiated. */
    public void sendRes(int cic, boolean network) {
        onLoop(cic, c -> wire.suspendResume(cic, false, network));
    }

    public void sendBlo(int cic) {
        onLoop(cic, maintenance::block);
    }

    public void sendUbl(int cic) {
        onLoop(cic, maintenance::unblock);
    }

    public void sendRsc(int cic) {
        onLoop(cic, maintenance::reset);
    }

    /** Sends GRS for range+1 circuits starting at the CIC. */
    public void sendGrs(int cic, int range) {
        onLoop(() -> maintenance.groupReset(cic, range));
    }

    /** CGB for range+1 circuits from the CIC, hardware failure oriented or maintenance oriented. */
    public void sendCgb(int cic, int range, boolean hardware) {
        onLoop(() -> maintenance.group(true, cic, range, hardware));
    }

    /** CGU for range+1 circuits from the CIC. */
    public void sendCgu(int cic, int range, boolean hardware) {
        onLoop(() -> maintenance.group(false, cic, range, hardware));
    }

    /** CQM for range+1 circuits from the CIC. */
    public void sendCqm(int cic, int range) {
        onLoop(() -> maintenance.query(cic, range));
    }

    /** CCR: continuity re-check on the circuit; the gateway loops it and answers LPA. */
    public void sendCcr(int cic) {
        onLoop(cic, maintenance::continuityRecheck);
    }

    /** A maintenance message without parameters on the CIC: BLO, UBL or RSC (as the named methods), or any other. */
    public void sendSimple(int messageType, int cic) {
        switch (messageType) {
            case BlockingMessage.MESSAGE_CODE -> sendBlo(cic);
            case UnblockingMessage.MESSAGE_CODE -> sendUbl(cic);
            case ResetCircuitMessage.MESSAGE_CODE -> sendRsc(cic);
            default -> onLoop(() -> wire.bare(IsupMessageType.valueOf(messageType), cic));
        }
    }

    private void execute(Runnable task) {
        ScheduledExecutorService l = loop;
        if (l == null) {
            return;
        }
        try {
            l.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("sim {}: {}", settings.link().name(), e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("sim {} stopping: dropped an event", settings.link().name());
        }
    }

    /** Runs the task on the exchange's thread and waits for it; its exceptions reach the caller. */
    private void onLoop(Runnable task) {
        ScheduledExecutorService l = loop;
        if (l == null) {
            throw new IllegalStateException(
                    "simulated exchange " + settings.link().name() + " is not started");
        }
        try {
            l.submit(task).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulated exchange did not run the task within 10 s", e);
        }
    }

    /** Runs the action on the circuit on the exchange's thread; an unknown CIC is an IllegalArgumentException. */
    private SimCircuit onLoop(int cic, Consumer<SimCircuit> action) {
        SimCircuit c = circuits.get(cic);
        if (c == null) {
            throw new IllegalArgumentException("CIC " + cic + " is not one of the exchange's circuits "
                    + settings.firstCic() + ".." + (settings.firstCic() + settings.circuits() - 1));
        }
        onLoop(() -> action.accept(c));
        return c;
    }
}
