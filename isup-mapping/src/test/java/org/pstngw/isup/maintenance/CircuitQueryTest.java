package org.pstngw.isup.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pstngw.isup.call.ControlHarness;
import org.pstngw.isup.call.MaintenanceAlert;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.maintenance.CircuitReport.BlockingState;
import org.pstngw.isup.maintenance.CircuitReport.CallProcessing;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;

/** Our circuit group queries: CQM out, the CQR's reports to the caller, T28 when none comes. */
class CircuitQueryTest {

    private final ControlHarness h = new ControlHarness(4);

    private static IsupMessage cqr(int cic, int... states) {
        byte[] octets = new byte[states.length];
        for (int i = 0; i < states.length; i++) {
            octets[i] = (byte) states[i];
        }
        return GroupAnswer.queryResponse(cic, states.length - 1, octets);
    }

    @Test
    void aQueryGoesOutAsCqmAndTheCqrReportsEachCircuit() {
        CompletableFuture<QueryResult> result =
                h.control.maintenance().query(2, 3).toCompletableFuture();
        IsupMessage cqm = h.lastSent(IsupMessageType.CQM);
        assertThat(cqm.cic()).isEqualTo(2);
        assertThat(cqm.rangeAndStatus().orElseThrow().range()).isEqualTo(2);
        assertThat(result).isNotDone();

        h.receive(cqr(2, 0b0000_1100, 0b0000_1001, 0b0011_1100));

        QueryResult.Answered answered = (QueryResult.Answered) result.getNow(null);
        assertThat(answered.firstCic()).isEqualTo(2);
        assertThat(answered.circuits()).extracting(CircuitReport::cic).containsExactly(2, 3, 4);
        CircuitReport idle = answered.circuits().get(0);
        assertThat(idle.callProcessing()).isEqualTo(CallProcessing.IDLE);
        assertThat(idle.maintenanceBlocking()).isEqualTo(BlockingState.NONE);
        CircuitReport busy = answered.circuits().get(1);
        assertThat(busy.callProcessing()).isEqualTo(CallProcessing.OUTGOING_BUSY);
        assertThat(busy.maintenanceBlocking()).isEqualTo(BlockingState.LOCAL);
        CircuitReport hardware = answered.circuits().get(2);
        assertThat(hardware.hardwareBlocking()).isEqualTo(BlockingState.BOTH);
        assertThat(hardware.callProcessing()).isEqualTo(CallProcessing.IDLE);
        h.scheduler.advance(Duration.ofMinutes(1));
        assertThat(h.alerts).as("T28 stopped by the CQR").isEmpty();
    }

    @Test
    void transientAndUnequippedAreReportedForDc00() {
        CompletableFuture<QueryResult> result =
                h.control.maintenance().query(1, 2).toCompletableFuture();
        h.receive(cqr(1, CircuitStateIndicator.TRANSIENT, CircuitStateIndicator.UNEQUIPPED));
        QueryResult.Answered answered = (QueryResult.Answered) result.getNow(null);
        assertThat(answered.circuits())
                .extracting(CircuitReport::callProcessing)
                .containsExactly(CallProcessing.TRANSIENT, CallProcessing.UNEQUIPPED);
        assertThat(answered.circuits().get(1).maintenanceBlocking()).isEqualTo(BlockingState.NONE);
    }

    @Test
    void withoutACqrT28AlertsMaintenanceAndTellsTheCaller() {
        CompletableFuture<QueryResult> result =
                h.control.maintenance().query(1, 4).toCompletableFuture();
        h.scheduler.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(result).isNotDone();
        h.scheduler.advance(Duration.ofMillis(1));
        assertThat(result.getNow(null)).isEqualTo(new QueryResult.NoAnswer(1, 4));
        assertThat(h.alerts).containsExactly("1:" + MaintenanceAlert.NO_QUERY_RESPONSE);

        h.receive(cqr(1, 0x0C, 0x0C, 0x0C, 0x0C));
        assertThat(h.scheduler.pending()).isZero();
    }

    @Test
    void aSecondQueryOfTheSameCircuitsJoinsTheFirstAndOtherRangesAreNotMixedUp() {
        CompletableFuture<QueryResult> first =
                h.control.maintenance().query(1, 2).toCompletableFuture();
        CompletableFuture<QueryResult> second =
                h.control.maintenance().query(1, 2).toCompletableFuture();
        CompletableFuture<QueryResult> wider =
                h.control.maintenance().query(1, 3).toCompletableFuture();
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.CQM, IsupMessageType.CQM);

        h.receive(cqr(1, 0x0C, 0x0C, 0x0D));
        assertThat(wider).isDone();
        assertThat(first).isNotDone();
        h.receive(cqr(1, 0x0C, 0x0C));
        assertThat(first.getNow(null)).isEqualTo(second.getNow(null));
    }

    @Test
    void aQueryMustStayWithinTheGroupAndAtMost32Circuits() {
        assertThat(h.control.maintenance().query(3, 3).toCompletableFuture()).isCompletedExceptionally();
        ControlHarness big = new ControlHarness(40);
        assertThat(big.control.maintenance().query(1, 33).toCompletableFuture()).isCompletedExceptionally();
        assertThat(h.control.maintenance().query(1, 1).toCompletableFuture()).isNotDone();
        assertThat(h.lastSent(IsupMessageType.CQM)
                        .rangeAndStatus()
                        .orElseThrow()
                        .range())
                .isZero();
    }

    @Test
    void losingTheDestinationEndsAPendingQueryAtOnceAndLaterOnesWithoutCqm() {
        CompletableFuture<QueryResult> result =
                h.control.maintenance().query(1, 4).toCompletableFuture();
        int sent = h.sent.size();
        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.UNAVAILABLE);
        assertThat(result.getNow(null)).isEqualTo(new QueryResult.Unreachable(1, 4));

        CompletableFuture<QueryResult> meanwhile =
                h.control.maintenance().query(2, 2).toCompletableFuture();
        assertThat(meanwhile.getNow(null)).isEqualTo(new QueryResult.Unreachable(2, 2));
        assertThat(h.sent.subList(sent, h.sent.size()))
                .extracting(IsupMessage::type)
                .doesNotContain(IsupMessageType.CQM);
        h.scheduler.advance(Duration.ofSeconds(11));
        assertThat(h.alerts).as("T28 was stopped: no NO_QUERY_RESPONSE").isEmpty();

        h.control.onDestinationState(ControlHarness.REMOTE_PC, DestinationState.AVAILABLE);
        CompletableFuture<QueryResult> again =
                h.control.maintenance().query(1, 4).toCompletableFuture();
        assertThat(again).isNotDone();
        assertThat(h.lastSent(IsupMessageType.CQM).cic()).isEqualTo(1);
    }
}
