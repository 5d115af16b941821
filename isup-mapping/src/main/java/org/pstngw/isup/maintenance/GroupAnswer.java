package org.pstngw.isup.maintenance;

import java.util.List;
import java.util.Optional;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.RangeAndStatus;

/**
 * One acknowledgement for one group message, when the message's range reaches over several of our circuit groups.
 *
 * <p>Our circuit groups (spans, hunting, directions) are a local arrangement the other exchange knows nothing of: Q.763
 * 3.43 and Q.764 2.8.2, 2.9.3 address a group message to "the circuits in a particular range" from its CIC, at most
 * 32, on the signalling relation between the two point codes, and ask for one acknowledgement with the same CIC and
 * range (GRA for GRS, CGBA/CGUA for CGB/CGU, CQR for CQM), which the other exchange matches against its request. Nothing
 * restricts the range to one of our groups, so such a message is neither discarded nor answered per group (two partial
 * answers match nothing at the other end, which then repeats its request every T22/T18/T20 and alerts maintenance): each
 * group acts on its own circuits ({@link Part}) and the answers are combined here. CICs of the range that no group has
 * are unequipped: status bit 0 (GRA, CGBA, CGUA), circuit state "unequipped" (CQR, Q.763 3.14).
 */
public final class GroupAnswer {

    private GroupAnswer() {}

    /**
     * One group's share of the answer, indexed by position in the request's range (CIC - request CIC).
     *
     * @param owned the positions whose circuits are this group's
     * @param bits the status bits of the answer at the owned positions (GRA: blocked for maintenance; CGBA/CGUA:
     *     acted on)
     * @param states the CQR circuit state indicators at the owned positions (CQM only; empty otherwise)
     * @param afterAnswer what the group does once the combined answer is on its way (after a GRS: its circuits hunted
     *     again and its hardware blocking announced again)
     */
    public record Part(boolean[] owned, boolean[] bits, byte[] states, Runnable afterAnswer) {}

    /** The request types that are answered this way: GRS, CGB, CGU, CQM. */
    public static boolean isGroupRequest(IsupMessageType type) {
        return type.equals(IsupMessageType.GRS)
                || type.equals(IsupMessageType.CGB)
                || type.equals(IsupMessageType.CGU)
                || type.equals(IsupMessageType.CQM);
    }

    /**
     * Why a group request is discarded (Q.764 2.8.2.3, 2.9.3.2: range outside 1..31 for GRS, CGB and CGU, above 31 for
     * CQM, an unknown circuit group supervision type), or empty when it is to be acted on.
     */
    public static Optional<String> invalid(IsupMessage request) {
        RangeAndStatus rs = request.rangeAndStatus().orElse(null);
        IsupMessageType type = request.type();
        if (rs == null) {
            return Optional.of("no range and status");
        }
        if (type.equals(IsupMessageType.CQM)) {
            return rs.range() <= Ranges.MAX_CIRCUITS - 1
                    ? Optional.empty()
                    : Optional.of("range " + rs.range() + " above 31");
        }
        if (!Ranges.validGroupRange(rs.range())) {
            return Optional.of("range " + rs.range() + " outside 1..31");
        }
        if (type.equals(IsupMessageType.CGB) || type.equals(IsupMessageType.CGU)) {
            int supervision = supervision(request);
            if (supervision != LocalBlocking.MAINTENANCE_ORIENTED && supervision != LocalBlocking.HARDWARE_ORIENTED) {
                return Optional.of("supervision type " + supervision);
            }
        }
        return Optional.empty();
    }

    /** The circuits a request covers: its range plus one. */
    public static int circuits(IsupMessage request) {
        return request.rangeAndStatus().orElseThrow().range() + 1;
    }

    /** The one acknowledgement of {@code request} made of every group's part. */
    public static IsupMessage combine(IsupMessage request, List<Part> parts) {
        int range = request.rangeAndStatus().orElseThrow().range();
        int cic = request.cic();
        IsupMessageType type = request.type();
        if (type.equals(IsupMessageType.CQM)) {
            byte[] states = new byte[range + 1];
            java.util.Arrays.fill(states, (byte) CircuitStateIndicator.UNEQUIPPED);
            for (Part p : parts) {
                for (int k = 0; k <= range; k++) {
                    if (p.owned()[k]) {
                        states[k] = p.states()[k];
                    }
                }
            }
            return queryResponse(cic, range, states);
        }
        boolean[] bits = new boolean[range + 1];
        for (Part p : parts) {
            for (int k = 0; k <= range; k++) {
                bits[k] |= p.owned()[k] && p.bits()[k];
            }
        }
        RangeAndStatus rs = RangeAndStatus.of(range, bits);
        if (type.equals(IsupMessageType.GRS)) {
            return IsupMessages.gra(cic, rs);
        }
        IsupMessageType ack = type.equals(IsupMessageType.CGB) ? IsupMessageType.CGBA : IsupMessageType.CGUA;
        return IsupMessages.circuitGroup(ack, cic, supervision(request), rs);
    }

    /** CQR: the range (no status) and one circuit state indicator octet per circuit. */
    static IsupMessage queryResponse(int cic, int range, byte[] states) {
        return IsupMessage.of(
                IsupMessageType.CQR,
                cic,
                IsupParameters.of(
                        IsupParameter.of(
                                ParameterCode.RANGE_AND_STATUS,
                                RangeAndStatus.rangeOnly(range).encode()),
                        new IsupParameter(ParameterCode.CIRCUIT_STATE_INDICATOR, states)));
    }

    /** Q.763 3.13 circuit group supervision message type (bits BA), -1 when absent. */
    static int supervision(IsupMessage m) {
        return m.parameters()
                .get(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE)
                .map(p -> p.value().length > 0 ? p.value()[0] & 0x03 : -1)
                .orElse(-1);
    }
}
