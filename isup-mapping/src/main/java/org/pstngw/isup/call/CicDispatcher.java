package org.pstngw.isup.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.isup.link.SendResult;
import org.pstngw.isup.maintenance.GroupAnswer;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link's one listener when several circuit groups share it: each PDU goes to the call control whose group owns
 * its (OPC, CIC); destination states go to all. A CIC no group owns is answered with UCIC (Q.764 2.9.5.1), unless the
 * PDU is itself a UCIC. A GRS, CGB, CGU or CQM whose range reaches beyond the group of its CIC is handed to every group
 * it covers and answered once, with one GRA, CGBA, CGUA or CQR for the whole range ({@link GroupAnswer} says why).
 * Runs on the link's threads and only hands work on: each control hops onto its own executor.
 */
public final class CicDispatcher implements IsupLink.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(CicDispatcher.class);

    private final IsupLink link;
    private final IsupVariant variant;
    private final List<IsupCallControl> controls = new CopyOnWriteArrayList<>();

    /** @param variant the ISUP variant of every group on the link: it says how wide a CIC is */
    public CicDispatcher(IsupLink link, IsupVariant variant) {
        this.link = link;
        this.variant = variant;
    }

    /** Adds a group's control; its CICs must not overlap another's towards the same point code. */
    public CicDispatcher add(IsupCallControl control) {
        for (IsupCallControl c : controls) {
            boolean sameDpc = c.group().dpc() == control.group().dpc();
            boolean overlap = c.group().firstCic() <= control.group().lastCic()
                    && control.group().firstCic() <= c.group().lastCic();
            if (sameDpc && overlap) {
                throw new IllegalArgumentException(
                        "groups " + c.group().name() + " and " + control.group().name() + " share CICs");
            }
        }
        controls.add(control);
        return this;
    }

    public List<IsupCallControl> controls() {
        return List.copyOf(controls);
    }

    /** The control of the group named {@code name}. */
    public IsupCallControl control(String name) {
        return controls.stream()
                .filter(c -> c.group().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no circuit group " + name));
    }

    @Override
    public void onPdu(IsupPdu pdu) {
        int cic = pdu.cic(variant);
        if (GroupAnswer.isGroupRequest(IsupMessageType.valueOf(pdu.messageType())) && acrossGroups(pdu, cic)) {
            return;
        }
        for (IsupCallControl c : controls) {
            if (c.group().dpc() == pdu.opc() && c.group().contains(cic)) {
                c.onPdu(pdu);
                return;
            }
        }
        if (pdu.messageType() == IsupMessageType.UCIC.code()) {
            LOG.info("UCIC from {} for CIC {}, which no group has: ignored", pdu.opc(), cic);
            return;
        }
        LOG.info(
                "message 0x{} from {} on unequipped CIC {}: UCIC",
                Integer.toHexString(pdu.messageType()),
                pdu.opc(),
                cic);
        byte[] ucic = IsupCodec.encode(IsupMessages.bare(IsupMessageType.UCIC, cic), variant)
                .orElseThrow();
        SendResult r =
                link.transmit(new IsupPdu(link.ownPointCode(), pdu.opc(), pdu.sls(), link.networkIndicator(), ucic));
        if (r instanceof SendResult.Refused refused) {
            // the other exchange repeats what it sent (its own timers): the next one gets its UCIC
            LOG.info("UCIC for CIC {} not sent: {}", cic, refused);
        }
    }

    /**
     * A valid group request whose range is not within one group: every group it covers acts on its circuits, then the
     * first of them sends the combined answer and the others finish their part after it. False for a request that
     * stays within one group, covers none, or is invalid (its CIC's owner discards it, or it gets UCIC).
     */
    private boolean acrossGroups(IsupPdu pdu, int cic) {
        if (!(IsupCodec.decode(pdu.payload(), variant) instanceof DecodeResult.Decoded(IsupMessage request))
                || GroupAnswer.invalid(request).isPresent()) {
            return false;
        }
        int last = cic + GroupAnswer.circuits(request) - 1;
        List<IsupCallControl> owners = new ArrayList<>();
        for (IsupCallControl c : controls) {
            if (c.group().dpc() == pdu.opc()
                    && c.group().firstCic() <= last
                    && cic <= c.group().lastCic()) {
                owners.add(c);
            }
        }
        if (owners.isEmpty()
                || (owners.size() == 1
                        && owners.getFirst().group().contains(cic)
                        && owners.getFirst().group().contains(last))) {
            return false;
        }
        LOG.info(
                "{} on CICs {}..{} covers groups {}: answered once for all",
                request.type(),
                cic,
                last,
                owners.stream().map(c -> c.group().name()).toList());
        List<CompletableFuture<GroupAnswer.Part>> parts = owners.stream()
                .map(c -> c.answerPart(request).toCompletableFuture())
                .toList();
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("{} on CIC {} not answered ({}): the other exchange repeats it", request.type(), cic, failure);
                return;
            }
            List<GroupAnswer.Part> done =
                    parts.stream().map(CompletableFuture::join).toList();
            IsupMessage answer = GroupAnswer.combine(request, done);
            owners.getFirst().finishAnswer(answer, done.getFirst(), () -> {
                for (int i = 1; i < owners.size(); i++) {
                    owners.get(i).finishAnswer(null, done.get(i), () -> {});
                }
            });
        });
        return true;
    }

    @Override
    public void onDestinationState(int dpc, DestinationState state) {
        controls.forEach(c -> c.onDestinationState(dpc, state));
    }
}
