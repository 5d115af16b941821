package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Q.763 3.14 circuit state indicator: BA maintenance blocking, DC call processing, FE hardware blocking. */
class SimCircuitTest {

    private final SimCircuit c = new SimCircuit(5);

    @Test
    void idleUnblockedIsDcElevenAndBlockingGoesInBaAndFe() {
        assertThat(c.stateIndicator()).isEqualTo(0b00_11_00);
        c.locallyMaintenanceBlocked = true;
        assertThat(c.stateIndicator()).isEqualTo(0b00_11_01);
        c.remotelyMaintenanceBlocked = true;
        assertThat(c.stateIndicator()).isEqualTo(0b00_11_11);
        c.remotelyHardwareBlocked = true;
        assertThat(c.stateIndicator()).isEqualTo(0b10_11_11);
        assertThat(SimCircuit.unequippedIndicator()).isEqualTo(0b00_00_11);
    }

    @Test
    void busyCircuitsReportTheirDirectionUnlessHardwareBlocked() {
        c.begin(CallPhase.INCOMING);
        assertThat(c.stateIndicator()).isEqualTo(0b00_01_00);
        c.begin(CallPhase.OUTGOING_ANSWERED);
        assertThat(c.stateIndicator()).isEqualTo(0b00_10_00);
        c.locallyHardwareBlocked = true;
        assertThat(c.stateIndicator()).as("FE not 00 requires DC 11").isEqualTo(0b01_11_00);
    }

    @Test
    void clearingCancelsWhatTheCallLeftPendingAndEndsItsGeneration() {
        long gen = c.begin(CallPhase.INCOMING);
        CompletableFuture<Void> answer = new CompletableFuture<>();
        c.pending(answer);
        assertThat(c.isCallOf(gen)).isTrue();
        c.clear();
        assertThat(answer).isCancelled();
        assertThat(c.isCallOf(gen)).isFalse();
        assertThat(c.phase).isEqualTo(CallPhase.IDLE);
        long next = c.begin(CallPhase.INCOMING);
        assertThat(next).isNotEqualTo(gen);
        assertThat(c.isCallOf(gen)).isFalse();
    }
}
