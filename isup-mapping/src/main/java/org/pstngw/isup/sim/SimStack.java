package org.pstngw.isup.sim;

import java.io.IOException;
import java.util.function.Consumer;
import org.pstngw.isup.link.M3uaNode;
import org.pstngw.isup.link.M3uaSettings;
import org.restcomm.protocols.ss7.isup.ISUPMessageFactory;
import org.restcomm.protocols.ss7.isup.ISUPParameterFactory;
import org.restcomm.protocols.ss7.isup.ParameterException;
import org.restcomm.protocols.ss7.isup.impl.message.AbstractISUPMessage;
import org.restcomm.protocols.ss7.isup.impl.message.ISUPMessageFactoryImpl;
import org.restcomm.protocols.ss7.isup.impl.message.parameter.ISUPParameterFactoryImpl;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.mtp.Mtp3EndCongestionPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3PausePrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3ResumePrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3StatusPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3TransferPrimitive;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPart;
import org.restcomm.protocols.ss7.mtp.Mtp3UserPartListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated exchange's jSS7: its M3UA node and jSS7's ISUP message implementation on it, the exchange's ISUP
 * messages built, encoded and decoded by jSS7's message and parameter factories. jSS7's ISUP stack proper
 * ({@code ISUPStackImpl}, its per-circuit tasks on jSS7's {@code Scheduler}) is not used: under load its scheduler can
 * leave a received message unprocessed until the next one for the same circuit (8.0.0-168, {@code
 * OrderedTaskQueue.accept} marks a task queued after offering it), and it leaks its worker threads at stop. The
 * exchange keeps its own circuit timers instead ({@link CallResponder}).
 */
final class SimStack implements Mtp3UserPartListener {

    private static final Logger LOG = LoggerFactory.getLogger(SimStack.class);

    private final M3uaSettings link;
    private final ISUPParameterFactory parameters = new ISUPParameterFactoryImpl();
    private final ISUPMessageFactory messages = new ISUPMessageFactoryImpl(parameters);
    private volatile M3uaNode node;
    private volatile Consumer<ISUPMessage> receiver = m -> {};
    private volatile UnknownType unrecognised = (type, cic) -> {};

    /** Receives the messages of a type jSS7 cannot build. */
    @FunctionalInterface
    interface UnknownType {
        void received(int type, int cic);
    }

    SimStack(M3uaSettings link) {
        this.link = link;
    }

    /**
     * Creates the M3UA node and starts its ASP.
     *
     * @param received gets every decoded ISUP message addressed to the exchange (on M3UA's delivery thread)
     * @param unknown gets the type and CIC of a message jSS7 does not know (to be answered with CFN)
     */
    void start(Consumer<ISUPMessage> received, UnknownType unknown) throws Exception {
        receiver = received;
        unrecognised = unknown;
        M3uaNode n = new M3uaNode(link);
        node = n;
        n.create();
        n.userPart().addMtp3UserPartListener(this);
        n.startAsp();
    }

    M3uaNode node() {
        return node;
    }

    /** Whether M3UA routes to the gateway now. */
    boolean routable() {
        M3uaNode n = node;
        return n != null && n.routable();
    }

    ISUPMessageFactory messages() {
        return messages;
    }

    ISUPParameterFactory parameters() {
        return parameters;
    }

    /** Encodes the message with jSS7 and sends it to the gateway. */
    void send(ISUPMessage msg) throws ParameterException, IOException {
        if (!msg.hasAllMandatoryParameters()) {
            throw new ParameterException("mandatory parameters missing in " + msg.getMessageType());
        }
        sendRaw(((AbstractISUPMessage) msg).encode(), msg.getSls());
    }

    /** Sends an ISUP payload (CIC first) as it is. */
    void sendRaw(byte[] payload, int sls) throws IOException {
        M3uaNode n = node;
        Mtp3UserPart up = n == null ? null : n.userPart();
        if (up == null) {
            throw new IOException("simulated exchange " + link.name() + " is stopped");
        }
        up.sendMessage(up.getMtp3TransferPrimitiveFactory()
                .createMtp3TransferPrimitive(
                        link.serviceIndicator(), link.networkIndicator(), 0, link.opc(), link.dpc(), sls, payload));
    }

    /** Stops the node; safe after a failed start. */
    void stop() {
        M3uaNode n = node;
        node = null;
        if (n != null) {
            Mtp3UserPart up = n.userPart();
            if (up != null) {
                up.removeMtp3UserPartListener(this);
            }
            n.destroy();
        }
    }

    @Override
    public void onMtp3TransferMessage(Mtp3TransferPrimitive mtp) {
        byte[] data = mtp.getData();
        if (mtp.getSi() != link.serviceIndicator() || mtp.getDpc() != link.opc() || data == null || data.length < 3) {
            LOG.debug("sim {}: ignored MTP transfer SI {} DPC {}", link.name(), mtp.getSi(), mtp.getDpc());
            return;
        }
        int cic = (data[0] & 0xFF) | (data[1] & 0x3F) << 8;
        ISUPMessage msg;
        try {
            msg = messages.createCommand(data[2] & 0xFF);
        } catch (IllegalArgumentException e) {
            unrecognised.received(data[2] & 0xFF, cic);
            return;
        }
        try {
            ((AbstractISUPMessage) msg).decode(data, messages, parameters);
        } catch (ParameterException | RuntimeException e) {
            LOG.warn("sim {}: undecodable {} on CIC {}: {}", link.name(), msg.getMessageType(), cic, e.toString());
            return;
        }
        msg.setSls(mtp.getSls());
        receiver.accept(msg);
    }

    @Override
    public void onMtp3PauseMessage(Mtp3PausePrimitive pause) {
        LOG.debug("sim {}: MTP-PAUSE {}", link.name(), pause.getAffectedDpc());
    }

    @Override
    public void onMtp3ResumeMessage(Mtp3ResumePrimitive resume) {
        LOG.debug("sim {}: MTP-RESUME {}", link.name(), resume.getAffectedDpc());
    }

    @Override
    public void onMtp3StatusMessage(Mtp3StatusPrimitive status) {
        LOG.debug("sim {}: MTP-STATUS {}", link.name(), status.getAffectedDpc());
    }

    @Override
    public void onMtp3EndCongestionMessage(Mtp3EndCongestionPrimitive end) {
        LOG.debug("sim {}: MTP end of congestion {}", link.name(), end.getAffectedDpc());
    }
}
