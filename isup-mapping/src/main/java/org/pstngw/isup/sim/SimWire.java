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
import org.restcomm.protocols.ss7.isup.ISUPProvider;
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
import org.restcomm.protocols.ss7.mtp.Mtp3UserPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange's side of the wire: builds ISUP messages with jSS7's factories, sends them through jSS7's ISUP stack to
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
    private volatile ISUPProvider provider;
    private volatile Mtp3UserPart userPart;
    private Outbox outbox;

    SimWire(M3uaSettings link, EventLog log) {
        this.name = link.name();
        this.link = link;
        this.dpc = link.dpc();
        this.log = log;
    }

    /**
     * The stack to send through: jSS7's ISUP provider, and M3UA directly for what jSS7 encodes wrongly; sends wait in
     * the outbox while M3UA cannot route.
     */
    void attach(ISUPProvider isup, Mtp3UserPart mtp3, Outbox out) {
        this.provider = isup;
        this.userPart = mtp3;
        this.outbox = out;
    }

    int dpc() {
        return dpc;
    }

    ISUPProvider provider() {
        return provider;
    }

    ISUPMessageFactory messages() {
        return provider.getMessageFactory();
    }

    ISUPParameterFactory parameters() {
        return provider.getParameterFactory();
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

    void logTimeout(ISUPMessage msg, String timer) {
        int type = msg == null ? 0 : msg.getMessageType().getCode();
        log.add(SimEvent.Kind.TIMEOUT, IsupMessageType.valueOf(type), msg == null ? -1 : cic(msg), -1, timer);
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
                    provider.sendMessage(msg, dpc);
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

    /**
     * SAM, encoded here rather than by jSS7: jSS7 8.0.0-168 leaves out the SAM's pointer to its optional part (Q.763
     * Table 35), which decoders that follow Q.763 (sip-i's) reject. Type, pointer 2 to the subsequent number, pointer 0
     * (no optional part), then the number: odd/even indicator and BCD digits (Q.763 3.51).
     */
    void sam(int cic, String digits) {
        byte[] payload = new byte[7 + (digits.length() + 1) / 2];
        payload[0] = (byte) cic;
        payload[1] = (byte) ((cic >> 8) & 0x3F);
        payload[2] = (byte) IsupMessageType.SAM.code();
        payload[3] = 2;
        payload[4] = 0;
        payload[5] = (byte) (1 + (digits.length() + 1) / 2);
        payload[6] = (byte) ((digits.length() & 1) << 7);
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16) & 0x0F;
            payload[7 + i / 2] |= (byte) ((i & 1) == 0 ? d : d << 4);
        }
        int type = IsupMessageType.SAM.code();
        outbox.send(new Outbox.Send() {
            @Override
            public void go() {
                Mtp3UserPart up = userPart;
                try {
                    up.sendMessage(up.getMtp3TransferPrimitiveFactory()
                            .createMtp3TransferPrimitive(
                                    link.serviceIndicator(),
                                    link.networkIndicator(),
                                    0,
                                    link.opc(),
                                    dpc,
                                    cic & 0x0F,
                                    payload));
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
        ci.setLocation(CauseIndicators._LOCATION_PUBLIC_NSRU);
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
