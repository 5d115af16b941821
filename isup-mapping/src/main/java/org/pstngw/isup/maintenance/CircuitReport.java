package org.pstngw.isup.maintenance;

/**
 * One circuit as the other exchange's CQR reports it: its circuit state indicator octet (Q.763 3.14) and what it says.
 * "Local" and "remote" are the other exchange's view: {@link BlockingState#LOCAL} means it blocks the circuit.
 *
 * @param cic the circuit
 * @param indicator the circuit state indicator octet as received
 */
public record CircuitReport(int cic, int indicator) {

    /** The call processing state (bits DC), or what DC 00 stands for (bits BA: transient or unequipped). */
    public enum CallProcessing {
        TRANSIENT,
        UNEQUIPPED,
        /** DC 00 with BA 01 or 10: spare codes. */
        SPARE,
        INCOMING_BUSY,
        OUTGOING_BUSY,
        IDLE
    }

    /** A blocking state (bits BA for maintenance, FE for hardware), seen from the reporting exchange. */
    public enum BlockingState {
        NONE,
        LOCAL,
        REMOTE,
        BOTH
    }

    public CallProcessing callProcessing() {
        int dc = (indicator >> 2) & 0b11;
        int ba = indicator & 0b11;
        return switch (dc) {
            case 0b00 ->
                switch (ba) {
                    case 0b00 -> CallProcessing.TRANSIENT;
                    case 0b11 -> CallProcessing.UNEQUIPPED;
                    default -> CallProcessing.SPARE;
                };
            case 0b01 -> CallProcessing.INCOMING_BUSY;
            case 0b10 -> CallProcessing.OUTGOING_BUSY;
            default -> CallProcessing.IDLE;
        };
    }

    /** Maintenance blocking (bits BA); {@link BlockingState#NONE} when DC is 00 (BA then means something else). */
    public BlockingState maintenanceBlocking() {
        return ((indicator >> 2) & 0b11) == 0 ? BlockingState.NONE : state(indicator & 0b11);
    }

    /** Hardware blocking (bits FE); {@link BlockingState#NONE} when DC is 00. */
    public BlockingState hardwareBlocking() {
        return ((indicator >> 2) & 0b11) == 0 ? BlockingState.NONE : state((indicator >> 4) & 0b11);
    }

    private static BlockingState state(int bits) {
        return switch (bits) {
            case 0b01 -> BlockingState.LOCAL;
            case 0b10 -> BlockingState.REMOTE;
            case 0b11 -> BlockingState.BOTH;
            default -> BlockingState.NONE;
        };
    }
}
