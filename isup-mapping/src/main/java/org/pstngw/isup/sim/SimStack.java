package org.pstngw.isup.sim;

import java.util.Set;
import org.pstngw.isup.link.M3uaNode;
import org.pstngw.isup.link.M3uaSettings;
import org.restcomm.protocols.ss7.isup.ISUPListener;
import org.restcomm.protocols.ss7.isup.ISUPProvider;
import org.restcomm.protocols.ss7.isup.impl.CircuitManagerImpl;
import org.restcomm.protocols.ss7.isup.impl.ISUPStackImpl;
import org.restcomm.protocols.ss7.scheduler.DefaultClock;
import org.restcomm.protocols.ss7.scheduler.Scheduler;

/**
 * The simulated exchange's jSS7 stack: its M3UA node, jSS7's ISUP stack on it (with jSS7's own circuit timers, T1,
 * T5, T7, T12-T23 and their retransmissions) and the scheduler those run on, started and stopped together.
 */
final class SimStack {

    private final M3uaSettings link;
    private M3uaNode node;
    private Scheduler scheduler;
    private ISUPStackImpl stack;

    SimStack(M3uaSettings link) {
        this.link = link;
    }

    /** Starts everything and the ASP; the listener gets jSS7's ISUP events. */
    ISUPProvider start(Set<Integer> cics, ISUPListener listener) throws Exception {
        node = new M3uaNode(link);
        node.create();
        scheduler = new Scheduler();
        SchedulerShutdown.daemonWorkers(scheduler, link.name());
        scheduler.setClock(new DefaultClock());
        scheduler.start();
        stack = new ISUPStackImpl(scheduler, link.opc(), link.networkIndicator());
        stack.setMtp3UserPart(node.userPart());
        CircuitManagerImpl cm = new CircuitManagerImpl();
        cics.forEach(cic -> cm.addCircuit(cic, link.dpc()));
        stack.setCircuitManager(cm);
        stack.start();
        stack.getIsupProvider().addListener(listener);
        node.startAsp();
        return stack.getIsupProvider();
    }

    M3uaNode node() {
        return node;
    }

    /** Stops what was started, in reverse; safe after a failed start. */
    void stop(ISUPListener listener) {
        if (stack != null) {
            stack.getIsupProvider().removeListener(listener);
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
}
