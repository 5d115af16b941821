package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.isup.call.ControlHarness.now;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.PartyNumber;

/** Overlap receiving (Q.764 2.1.2, T35) end to end: IAM, number analysis deciding, SAMs, ACM or REL 28. */
class OverlapReceivingTest {

    private final ControlHarness h = new ControlHarness(2);

    private String lastDigits() {
        return h.heardMessages
                .getLast()
                .subsequentNumber()
                .map(PartyNumber::digits)
                .orElseThrow();
    }

    @Test
    void theAnalysisAsksForMoreDigitsSamsArriveAndStEndsTheNumber() {
        h.receive(IsupMessageType.IAM, 1);
        assertThat(h.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0");
        assertThat(now(h.control.awaitMoreDigits(1))).isEqualTo(CircuitCall.Outcome.APPLIED);

        h.receive(IsupMessages.sam(1, "23"));
        assertThat(h.heard).endsWith("1:NOTIFY_MORE_DIGITS:0");
        assertThat(lastDigits()).isEqualTo("23");
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_FURTHER_ADDRESS);

        h.receive(IsupMessages.sam(1, "4F"));
        assertThat(lastDigits()).isEqualTo("4F");
        assertThat(h.callState(1)).isEqualTo(CallState.INCOMING_SEIZED);
        h.scheduler.advance(Duration.ofMinutes(1));
        assertThat(h.callState(1)).isEqualTo(CallState.INCOMING_SEIZED);

        assertThat(now(h.control.send(
                        1,
                        IsupMessageType.ACM,
                        IsupMessages.acm(1, new BackwardCallIndicators(0)).parameters())))
                .isEqualTo(CircuitCall.Outcome.APPLIED);
        assertThat(h.sentTypes()).containsExactly(IsupMessageType.ACM);
    }

    @Test
    void theAnalysisDecidesTheNumberIsCompleteWithoutSt() {
        h.receive(IsupMessageType.IAM, 1);
        now(h.control.awaitMoreDigits(1));
        h.receive(IsupMessages.sam(1, "2"));
        assertThat(now(h.control.digitsComplete(1))).isEqualTo(CircuitCall.Outcome.APPLIED);
        h.scheduler.advance(Duration.ofMinutes(1));
        assertThat(h.callState(1)).isEqualTo(CallState.INCOMING_SEIZED);
    }

    @Test
    void aSamBeforeTheAnalysisDecidedIsNotLostAndStartsT35() {
        h.receive(IsupMessageType.IAM, 1);
        h.receive(IsupMessages.sam(1, "9"));
        assertThat(h.heard).containsExactly("1:NOTIFY_INCOMING_CALL:0", "1:NOTIFY_MORE_DIGITS:0");
        assertThat(h.callState(1)).isEqualTo(CallState.AWAIT_FURTHER_ADDRESS);
    }

    @Test
    void noFurtherDigitsWithinT35ReleasesWithCause28() {
        h.receive(IsupMessageType.IAM, 1);
        now(h.control.awaitMoreDigits(1));
        h.scheduler.advance(Duration.ofSeconds(10));
        h.receive(IsupMessages.sam(1, "2"));
        h.scheduler.advance(Duration.ofSeconds(15).minusMillis(1));
        assertThat(h.sent).isEmpty();
        h.scheduler.advance(Duration.ofMillis(1));

        assertThat(h.lastSent(IsupMessageType.REL)
                        .causeIndicators()
                        .orElseThrow()
                        .cause()
                        .code())
                .isEqualTo(28);
        assertThat(h.heard).endsWith("1:NOTIFY_RELEASED:28");
        h.receive(IsupMessageType.RLC, 1);
        assertThat(h.callState(1)).isEqualTo(CallState.IDLE);
        assertThat(h.heard).endsWith("1:NOTIFY_RELEASE_COMPLETE:28");
    }

    @Test
    void askingForDigitsOnACircuitWithoutACallIsRefused() {
        assertThat(now(h.control.awaitMoreDigits(1))).isEqualTo(CircuitCall.Outcome.REFUSED);
        assertThat(now(h.control.send(1, IsupMessageType.ANM, IsupParameters.empty())))
                .isEqualTo(CircuitCall.Outcome.REFUSED);
    }
}
