package org.pstngw.isup.maintenance;

import org.pstngw.isup.call.CallState;
import org.pstngw.isup.call.CircuitCall;

/**
 * The circuit state indicator of a CQR (Q.763 3.14), one octet per circuit:
 *
 * <pre>
 *   H G   F E   D C   B A
 *   spare HBS   CPS   MBS
 *
 *   D C = 00: B A = 00 transient, 01 spare, 10 spare, 11 unequipped
 *   D C != 00:
 *     B A maintenance blocking state: 00 no blocking (active), 01 locally blocked, 10 remotely blocked,
 *         11 locally and remotely blocked
 *     D C call processing state: 01 circuit incoming busy, 10 circuit outgoing busy, 11 idle
 *     F E hardware blocking state: 00 no blocking (active), 01 locally blocked, 10 remotely blocked,
 *         11 locally and remotely blocked (if F E is not 00, D C must be 11)
 * </pre>
 *
 * Transient (Q.764 2.9.3.2): IAM sent awaiting the first backward message, REL or RSC sent awaiting RLC, and a
 * (group) (un)blocking message sent awaiting its acknowledgement.
 */
public final class CircuitStateIndicator {

    public static final int TRANSIENT = 0b0000_0000;
    public static final int UNEQUIPPED = 0b0000_0011;

    static final int INCOMING_BUSY = 0b01;
    static final int OUTGOING_BUSY = 0b10;
    static final int IDLE = 0b11;

    private CircuitStateIndicator() {}

    /** The blocking states of one circuit, each as a (local, remote) pair. */
    public record Blocking(
            boolean maintenanceLocal, boolean maintenanceRemote, boolean hardwareLocal, boolean hardwareRemote) {}

    /** The octet for an equipped circuit. */
    public static int of(CallState state, CircuitCall.Direction direction, Blocking b, boolean maintenanceTransient) {
        int cps = switch (state.processing()) {
            case IDLE -> IDLE;
            case TRANSIENT -> 0;
            case INCOMING_BUSY -> INCOMING_BUSY;
            case OUTGOING_BUSY -> OUTGOING_BUSY;
            case BY_DIRECTION -> direction == CircuitCall.Direction.OUTGOING ? OUTGOING_BUSY : INCOMING_BUSY;
        };
        if (cps == 0 || maintenanceTransient) {
            return TRANSIENT;
        }
        int hbs = pair(b.hardwareLocal(), b.hardwareRemote());
        if (hbs != 0) {
            cps = IDLE;
        }
        return hbs << 4 | cps << 2 | pair(b.maintenanceLocal(), b.maintenanceRemote());
    }

    private static int pair(boolean local, boolean remote) {
        return (local ? 0b01 : 0) | (remote ? 0b10 : 0);
    }
}
