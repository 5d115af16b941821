package org.pstngw.isup.call;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pstngw.isup.circuit.Blocking;
import org.pstngw.isup.maintenance.LocalBlocking;
import org.pstngw.isup.maintenance.QueryResult;

/**
 * Maintenance of one group's circuits, for operators and the management API: local blocking (BLO/UBL, CGB/CGU),
 * resets (RSC, GRS), continuity test calls (CCR), returning a circuit to service after UCIC, circuit group queries to
 * the other exchange (CQM) and queries of our own states. Like
 * {@link IsupCallControl}, callable from any thread; the work runs on the control's executor.
 */
public final class CircuitMaintenance {

    private final IsupCallControl control;

    CircuitMaintenance(IsupCallControl control) {
        this.control = control;
    }

    /** BLO: the other exchange stops seizing the circuit; we stop hunting it at once. False if already blocked. */
    public CompletionStage<Boolean> block(int cic) {
        return onGroup(cic, 1, () -> control.localBlocking().block(cic));
    }

    /** UBL: false if we do not block the circuit for maintenance. */
    public CompletionStage<Boolean> unblock(int cic) {
        return onGroup(cic, 1, () -> control.localBlocking().unblock(cic));
    }

    /**
     * CGB over {@code count} circuits from {@code firstCic}, maintenance or hardware oriented (the latter releases
     * the calls on them at once). Returns how many circuits are newly being blocked.
     */
    public CompletionStage<Integer> blockGroup(int firstCic, int count, boolean hardwareOriented) {
        return onGroup(firstCic, count, () -> control.localBlocking().blockGroup(firstCic, count, hardwareOriented));
    }

    /** CGU over the circuits of the range we block; returns how many are being unblocked. */
    public CompletionStage<Integer> unblockGroup(int firstCic, int count, boolean hardwareOriented) {
        return onGroup(firstCic, count, () -> control.localBlocking().unblockGroup(firstCic, count, hardwareOriented));
    }

    /** RSC: the circuit is released whatever its state and awaits RLC (T16/T17). */
    public CompletionStage<CircuitCall.Outcome> resetCircuit(int cic) {
        return control.onCircuit(cic, call -> call.handle(CallEvent.LOCAL_RESET, 0));
    }

    /** GRS over {@code count} circuits from {@code firstCic} (in ranges of at most 32). */
    public CompletionStage<Void> resetGroup(int firstCic, int count) {
        return onGroup(firstCic, count, () -> {
            control.sendGroupReset(firstCic, count);
            return null;
        });
    }

    /** A continuity test call on an idle circuit (CCR, tone check, REL on success); refused without a tester. */
    public CompletionStage<CircuitCall.Outcome> continuityTest(int cic) {
        return control.onCircuit(
                cic,
                call -> control.hasContinuityTester()
                        ? call.handle(CallEvent.LOCAL_CONTINUITY_TEST, 0)
                        : CircuitCall.Outcome.REFUSED);
    }

    /** Maintenance intervention after UCIC: the circuit may be hunted again. */
    public CompletionStage<Void> returnToService(int cic) {
        return onGroup(cic, 1, () -> {
            control.pool().unblock(cic, Blocking.UNEQUIPPED_REMOTELY);
            return null;
        });
    }

    /** The circuit's blocking states (local, remote, out of service, reset pending). */
    public CompletionStage<Set<Blocking>> blocking(int cic) {
        return onGroup(cic, 1, () -> control.pool().blocking(cic));
    }

    /** Our maintenance blocking procedure's state for the circuit. */
    public CompletionStage<LocalBlocking.State> localBlockingState(int cic) {
        return onGroup(cic, 1, () -> control.localBlocking().maintenanceState(cic));
    }

    /** Our hardware blocking procedure's state for the circuit. */
    public CompletionStage<LocalBlocking.State> hardwareBlockingState(int cic) {
        return onGroup(cic, 1, () -> control.localBlocking().hardwareState(cic));
    }

    /**
     * CQM for {@code count} (1..32) circuits of the group from {@code firstCic}: the stage completes with the other
     * exchange's CQR, one report per circuit, or with {@link QueryResult.NoAnswer} when T28 runs out first (maintenance
     * is alerted too), or with {@link QueryResult.Unreachable} when the destination is or becomes unreachable first.
     */
    public CompletionStage<QueryResult> query(int firstCic, int count) {
        return onGroup(firstCic, count, () -> control.circuitQuery().query(firstCic, count))
                .thenCompose(answer -> answer);
    }

    /** How many circuits an outgoing call could use now. */
    public CompletionStage<Integer> available() {
        return control.call(() -> control.pool().available());
    }

    private <T> CompletionStage<T> onGroup(int firstCic, int count, java.util.function.Supplier<T> work) {
        if (count < 1 || !control.group().contains(firstCic) || !control.group().contains(firstCic + count - 1)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("CICs " + firstCic + "+" + count
                    + " are not in group " + control.group().name()));
        }
        return control.call(work);
    }
}
