package org.pstngw.isup.sim;

import java.io.IOException;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.pstngw.isup.link.M3uaSettings;
import org.pstngw.sipi.isup.IsupMessageType;
import org.restcomm.protocols.ss7.isup.ISUPMessageFactory;
import org.restcomm.protocols.ss7.isup.ISUPParameterFactory;
import org.restcomm.protocols.ss7.isup.message.AddressCompleteMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupBlockingAckMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupBlockingMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupQueryMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupQueryResponseMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupResetMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupUnblockingAckMessage;
import org.restcomm.protocols.ss7.isup.message.CircuitGroupUnblockingMessage;
import org.restcomm.protocols.ss7.isup.message.ISUPMessage;
import org.restcomm.protocols.ss7.isup.message.InitialAddressMessage;
import org.restcomm.protocols.ss7.isup.message.ReleaseMessage;
import org.restcomm.protocols.ss7.isup.message.parameter.BackwardCallIndicators;
import org.restcomm.protocols.ss7.isup.message.parameter.CauseIndicators;
import org.restcomm.protocols.ss7.isup.message.parameter.CircuitGroupSuperVisionMessageType;
import org.restcomm.protocols.ss7.isup.message.parameter.CircuitStateIndicator;
import org.restcomm.protocols.ss7.isup.message.parameter.NatureOfConnectionIndicators;
import org.restcomm.protocols.ss7.isup.message.parameter.RangeAndStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's side of the wire: builds ISUP messages with jSS7's factories, sends them through its M3UA node to
 * the one adjacent point code, and counts and logs each one, in and out. Runs on the exchange's thread (counters and
 * the log may be read from any).
 */
final class SimWire {

    private static final Logger LOG = LoggerFactory.getLogger(SimWire.class);
    /** Q.763 3.13: circuit group supervision message type, 0 maintenance oriented, 1 hardware failure oriented. */
    static final int MAINTENANCE_ORIENTED = CircuitGroupSuperVisionMessageType._CIRCUIT_GROUP_SMTIMO;

    static final int HARDWARE_ORIENTED = CircuitGroupSuperVisionMessageType._CIRCUIT_GROUP_SMTIHFO;

    private final String name;
    private final M3uaSettings link;
    private final int dpc;
    private final EventLog log;
    private final Map<Integer, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> sent = new ConcurrentHashMap<>();
    private volatile SimStack stack;
    private Outbox outbox;

    SimWire(M3uaSettings link, EventLog log) {
        this.name = link.name();
        this.link = link;
        this.dpc = link.dpc();
        this.log = log;
    }

    /** The stack to send through (jSS7's message implementation on M3UA); sends wait in the outbox for a route. */
    void attach(SimStack isup, Outbox out) {
        this.stack = isup;
        this.outbox = out;
    }

    int dpc() {
        return dpc;
    }

    ISUPMessageFactory messages() {
        return stack.messages();
    }

    ISUPParameterFactory parameters() {
        return stack.parameters();
    }

    long received(int type) {
        LongAdder n = received.get(type);
        return n == null ? 0 : n.sum();
    }

    long sent(int type) {
        LongAdder n = sent.get(type);
        return n == null ? 0 : n.sum();
    }

    /** Counts and logs a message the exchange received. */
    void logReceived(ISUPMessage msg) {
        int type = msg.getMessageType().getCode();
        received.computeIfAbsent(type, k -> new LongAdder()).increment();
        log.add(SimEvent.Kind.RECEIVED, IsupMessageType.valueOf(type), cic(msg), causeOf(msg), "");
    }

    /** Logs the expiry of one of the exchange's timers on the circuit (for the message the timer guards). */
    void logTimeout(IsupMessageType guarded, int cic, String timer) {
        log.add(SimEvent.Kind.TIMEOUT, guarded, cic, -1, timer);
    }

    /** Counts and logs a message of a type jSS7 does not know, and answers it with CFN cause 97 (message type non-existent). */
    void unrecognised(int type, int cic) {
        received.computeIfAbsent(type, k -> new LongAdder()).increment();
        log.add(SimEvent.Kind.RECEIVED, IsupMessageType.valueOf(type), cic, -1, "unrecognised");
        // Q.850 cause indicators: location public network serving the local user, cause 97
        oneVariable(IsupMessageType.CFN, cic, new byte[] {
            (byte) (0x80 | CauseIndicators._LOCATION_PUBLIC_NSLU),
            (byte) (0x80 | CauseIndicators._CV_MESSAGE_TYPE_NON_EXISTENT)
        });
    }

    /** Sends the message to the adjacent point code; a failure is logged as {@link SimEvent.Kind#SEND_FAILED}. */
    void send(ISUPMessage msg) {
        int type = msg.getMessageType().getCode();
        int cic = cic(msg);
        outbox.send(new Outbox.Send() {
            @Override
            public void go() {
                try {
                    msg.setSls(cic & 0x0F);
                    stack.send(msg);
                    sentOk(type, cic, causeOf(msg));
                } catch (Exception e) {
                    drop(e.toString());
                }
            }

            @Override
            public void drop(String reason) {
                failed(type, cic, reason);
            }
        });
    }

    private void sentOk(int type, int cic, int cause) {
        sent.computeIfAbsent(type, k -> new LongAdder()).increment();
        log.add(SimEvent.Kind.SENT, IsupMessageType.valueOf(type), cic, cause, "");
    }

    private void failed(int type, int cic, String reason) {
        LOG.warn("sim {}: send of {} on CIC {} failed: {}", name, IsupMessageType.valueOf(type), cic, reason);
        log.add(SimEvent.Kind.SEND_FAILED, IsupMessageType.valueOf(type), cic, -1, reason);
    }

    void iam(int cic, String called, String calling, boolean continuityCheck) {
        InitialAddressMessage iam = messages().createIAM(cic);
        ISUPParameterFactory pf = parameters();
        NatureOfConnectionIndicators nci = pf.createNatureOfConnectionIndicators();
        nci.setContinuityCheckIndicator(
                continuityCheck
                        ? NatureOfConnectionIndicators._CCI_REQUIRED_ON_THIS_CIRCUIT
                        : NatureOfConnectionIndicators._CCI_NOT_REQUIRED);
        iam.setNatureOfConnectionIndicators(nci);
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

    /** SAM with the digits (Q.763 3.51: odd/even indicator, then BCD), encoded by {@link #oneVariable}. */
    void sam(int cic, String digits) {
        byte[] number = new byte[1 + (digits.length() + 1) / 2];
        number[0] = (byte) ((digits.length() & 1) << 7);
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16) & 0x0F;
            number[1 + i / 2] |= (byte) ((i & 1) == 0 ? d : d << 4);
        }
        oneVariable(IsupMessageType.SAM, cic, number);
    }

    /**
     * A message of one mandatory variable parameter and an (empty) optional part, encoded here rather than by jSS7:
     * jSS7 8.0.0-168 leaves out the pointer to the optional part of SAM and CFN (Q.763 Tables 35 and 23), which
     * decoders that follow Q.763 (sip-i's) reject. Type, pointer 2 to the parameter, pointer 0 (no optional part),
     * length, value.
     */
    private void oneVariable(IsupMessageType messageType, int cic, byte[] value) {
        byte[] payload = new byte[6 + value.length];
        payload[0] = (byte) cic;
        payload[1] = (byte) ((cic >> 8) & 0x3F);
        payload[2] = (byte) messageType.code();
        payload[3] = 2;
        payload[4] = 0;
        payload[5] = (byte) value.length;
        System.arraycopy(value, 0, payload, 6, value.length);
        int type = messageType.code();
        outbox.send(new Outbox.Send() {
            @Override
            public void go() {
                try {
                    stack.sendRaw(payload, cic & 0x0F);
                    sentOk(type, cic, -1);
                } catch (IOException | RuntimeException e) {
                    drop(e.toString());
                }
            }

            @Override
            public void drop(String reason) {
                failed(type, cic, reason);
            }
        });
    }

    /** ACM; {@code subscriberFree} sets the called party's status "subscriber free" (180 rather than 183). */
    void acm(int cic, boolean subscriberFree) {
        AddressCompleteMessage acm = messages().createACM(cic);
        acm.setBackwardCallIndicators(backwardCallIndicators(subscriberFree));
        send(acm);
    }

    void con(int cic) {
        var con = messages().createCON(cic);
        con.setBackwardCallIndicators(backwardCallIndicators(false));
        send(con);
    }

    /** CPG with the event (Q.763 3.21: 1 alerting, 2 progress, 3 in-band information available, ...). */
    void cpg(int cic, int event) {
        var cpg = messages().createCPG(cic);
        var ei = parameters().createEventInformation();
        ei.setEventIndicator(event);
        cpg.setEventInformation(ei);
        send(cpg);
    }

    void anm(int cic) {
        send(messages().createANM(cic));
    }

    void rel(int cic, int cause) {
        var rel = messages().createREL(cic);
        CauseIndicators ci = parameters().createCauseIndicators();
        ci.setCodingStandard(0);
        ci.setLocation(CauseIndicators._LOCATION_PUBLIC_NSLU);
        ci.setCauseValue(cause);
        rel.setCauseIndicators(ci);
        send(rel);
    }

    void cot(int cic, boolean success) {
        var cot = messages().createCOT(cic);
        var ci = parameters().createContinuityIndicators();
        ci.setContinuityCheck(success);
        cot.setContinuityIndicators(ci);
        send(cot);
    }

    /** SUS or RES; {@code network} marks it network initiated (Q.763 3.52), else ISDN subscriber initiated. */
    void suspendResume(int cic, boolean suspend, boolean network) {
        var sri = parameters().createSuspendResumeIndicators();
        sri.setSuspendResumeIndicator(network);
        if (suspend) {
            var sus = messages().createSUS(cic);
            sus.setSuspendResumeIndicators(sri);
            send(sus);
        } else {
            var res = messages().createRES(cic);
            res.setSuspendResumeIndicators(sri);
            send(res);
        }
    }

    /** A message of a type without parameters: RLC, RSC, BLO, BLA, UBL, UBA, CCR, LPA, UCIC, UPA. */
    void bare(IsupMessageType type, int cic) {
        bare(type.code(), cic);
    }

    void bare(int messageCode, int cic) {
        send(messages().createCommand(messageCode, cic));
    }

    /** GRS or CQM: range only. */
    void range(IsupMessageType type, int cic, int range) {
        RangeAndStatus rs = parameters().createRangeAndStatus();
        rs.setRange((byte) range, false);
        ISUPMessage msg = messages().createCommand(type.code(), cic);
        if (msg instanceof CircuitGroupResetMessage grs) {
            grs.setRangeAndStatus(rs);
        } else if (msg instanceof CircuitGroupQueryMessage cqm) {
            cqm.setRangeAndStatus(rs);
        } else {
            throw new IllegalArgumentException(type + " has no range only");
        }
        send(msg);
    }

    /** GRA with the range and the status bits (bit i: circuit cic+i locally blocked for maintenance). */
    void gra(int cic, int range, BitSet locallyBlocked) {
        var gra = messages().createGRA(cic);
        gra.setRangeAndStatus(rangeAndStatus(range, locallyBlocked));
        send(gra);
    }

    /** CGB or CGU for the marked circuits of the range, maintenance or hardware oriented. */
    void group(boolean block, int cic, int range, BitSet marked, int supervision) {
        CircuitGroupSuperVisionMessageType type = parameters().createCircuitGroupSuperVisionMessageType();
        type.setCircuitGroupSuperVisionMessageTypeIndicator(supervision);
        if (block) {
            CircuitGroupBlockingMessage cgb = messages().createCGB(cic);
            cgb.setSupervisionType(type);
            cgb.setRangeAndStatus(rangeAndStatus(range, marked));
            send(cgb);
        } else {
            CircuitGroupUnblockingMessage cgu = messages().createCGU(cic);
            cgu.setSupervisionType(type);
            cgu.setRangeAndStatus(rangeAndStatus(range, marked));
            send(cgu);
        }
    }

    /** CGBA or CGUA acknowledging the circuits of the range that were acted on. */
    void groupAck(boolean block, int cic, int range, BitSet acted, int supervision) {
        CircuitGroupSuperVisionMessageType type = parameters().createCircuitGroupSuperVisionMessageType();
        type.setCircuitGroupSuperVisionMessageTypeIndicator(supervision);
        if (block) {
            CircuitGroupBlockingAckMessage ack = messages().createCGBA(cic);
            ack.setSupervisionType(type);
            ack.setRangeAndStatus(rangeAndStatus(range, acted));
            send(ack);
        } else {
            CircuitGroupUnblockingAckMessage ack = messages().createCGUA(cic);
            ack.setSupervisionType(type);
            ack.setRangeAndStatus(rangeAndStatus(range, acted));
            send(ack);
        }
    }

    /** CQR: the range and one circuit state indicator octet per circuit. */
    void cqr(int cic, int range, byte[] states) {
        CircuitGroupQueryResponseMessage cqr = messages().createCQR(cic);
        RangeAndStatus rs = parameters().createRangeAndStatus();
        rs.setRange((byte) range, false);
        cqr.setRangeAndStatus(rs);
        CircuitStateIndicator csi = parameters().createCircuitStateIndicator();
        csi.setCircuitState(states);
        cqr.setCircuitStateIndicator(csi);
        send(cqr);
    }

    private BackwardCallIndicators backwardCallIndicators(boolean subscriberFree) {
        BackwardCallIndicators bci = parameters().createBackwardCallIndicators();
        bci.setCalledPartysStatusIndicator(
                subscriberFree
                        ? BackwardCallIndicators._CPSI_SUBSCRIBER_FREE
                        : BackwardCallIndicators._CPSI_NO_INDICATION);
        bci.setIsdnUserPartIndicator(true);
        return bci;
    }

    private RangeAndStatus rangeAndStatus(int range, BitSet bits) {
        RangeAndStatus rs = parameters().createRangeAndStatus();
        rs.setRange((byte) range, true);
        byte[] status = new byte[range / 8 + 1];
        for (int i = 0; i <= range; i++) {
            if (bits.get(i)) {
                status[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        rs.setStatus(status);
        return rs;
    }

    static int cic(ISUPMessage msg) {
        return msg.getCircuitIdentificationCode().getCIC();
    }

    private static int causeOf(ISUPMessage msg) {
        if (msg instanceof ReleaseMessage rel && rel.getCauseIndicators() != null) {
            return rel.getCauseIndicators().getCauseValue();
        }
        return -1;
    }
}
