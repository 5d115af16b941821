package org.pstngw.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pstngw.sip.transaction.TxAction.Do.PASS_TO_TU;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TIMEOUT;
import static org.pstngw.sip.transaction.TxAction.Do.REPORT_TRANSPORT_ERROR;
import static org.pstngw.sip.transaction.TxAction.Do.RESEND_LAST_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_ACK;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_REQUEST;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_RESPONSE;
import static org.pstngw.sip.transaction.TxAction.Do.SEND_TRYING;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pstngw.sip.timer.ManualScheduler;

/** Every timer of every transaction machine, run on virtual time: the exact instants at which each action happens. */
class TxMachineTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> log = new ArrayList<>();
    private boolean terminated;

    private <S extends Enum<S>> TxMachine<S, Object> machine(
            TransitionTable<S, TxEvent, TxAction> table, S initial, S terminal, boolean reliable, TimerConfig cfg) {
        return new TxMachine<>(
                table, initial, terminal, cfg, reliable, clock, Runnable::run, new TxMachine.Effects<>() {
                    @Override
                    public void perform(TxAction.Do action, TxEvent cause, Object message) {
                        log.add(clock.nanoTime() / 1_000_000 + ":" + action);
                    }

                    @Override
                    public void terminated() {
                        terminated = true;
                        log.add(clock.nanoTime() / 1_000_000 + ":TERMINATED");
                    }
                });
    }

    private <S extends Enum<S>> TxMachine<S, Object> machine(
            TransitionTable<S, TxEvent, TxAction> table, S initial, S terminal, boolean reliable) {
        return machine(table, initial, terminal, reliable, TimerConfig.DEFAULT);
    }

    private void advanceSeconds(long s) {
        clock.advance(Duration.ofSeconds(s));
    }

    @Test
    void clientInviteOverUdpRetransmitsOnTimerAWithDoublingUntilTimerB() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, false);
        m.start(ClientInviteState.ON_START);
        advanceSeconds(40);
        assertThat(log)
                .containsExactly(
                        "0:SEND_REQUEST",
                        "500:SEND_REQUEST",
                        "1500:SEND_REQUEST",
                        "3500:SEND_REQUEST",
                        "7500:SEND_REQUEST",
                        "15500:SEND_REQUEST",
                        "31500:SEND_REQUEST",
                        "32000:REPORT_TIMEOUT",
                        "32000:TERMINATED");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void clientInviteOverTcpHasNoTimerAButTimerB() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, true);
        m.start(ClientInviteState.ON_START);
        advanceSeconds(40);
        assertThat(log).containsExactly("0:SEND_REQUEST", "32000:REPORT_TIMEOUT", "32000:TERMINATED");
    }

    @Test
    void clientInviteProvisionalStopsRetransmissionsAndTimerB() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, false);
        m.start(ClientInviteState.ON_START);
        clock.advance(Duration.ofMillis(600));
        assertThat(m.fire(TxEvent.RECV_1XX)).isTrue();
        advanceSeconds(60);
        assertThat(log).containsExactly("0:SEND_REQUEST", "500:SEND_REQUEST", "600:PASS_TO_TU");
        assertThat(m.state()).isEqualTo(ClientInviteState.PROCEEDING);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void clientInviteNonSuccessFinalIsAckedAndAbsorbedUntilTimerD() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, false);
        m.start(ClientInviteState.ON_START);
        m.fire(TxEvent.RECV_1XX);
        advanceSeconds(1);
        m.fire(TxEvent.RECV_3XX_6XX);
        advanceSeconds(10);
        m.fire(TxEvent.RECV_3XX_6XX);
        assertThat(m.state()).isEqualTo(ClientInviteState.COMPLETED);
        advanceSeconds(22);
        assertThat(log)
                .containsExactly(
                        "0:SEND_REQUEST",
                        "0:PASS_TO_TU",
                        "1000:PASS_TO_TU",
                        "1000:SEND_ACK",
                        "11000:SEND_ACK",
                        "33000:TERMINATED");
    }

    @Test
    void clientInviteTimerDIsZeroOverTcp() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, true);
        m.start(ClientInviteState.ON_START);
        m.fire(TxEvent.RECV_3XX_6XX);
        assertThat(log).containsExactly("0:SEND_REQUEST", "0:PASS_TO_TU", "0:SEND_ACK", "0:TERMINATED");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void clientInviteSuccessGoesToAcceptedPassesRetransmitted2xxUntilTimerM() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, false);
        m.start(ClientInviteState.ON_START);
        m.fire(TxEvent.RECV_2XX);
        assertThat(m.state()).isEqualTo(ClientInviteState.ACCEPTED);
        advanceSeconds(2);
        m.fire(TxEvent.RECV_2XX);
        advanceSeconds(30);
        assertThat(log).containsExactly("0:SEND_REQUEST", "0:PASS_TO_TU", "2000:PASS_TO_TU", "32000:TERMINATED");
    }

    @Test
    void clientInviteTransportErrorTerminates() {
        var m = machine(ClientInviteState.TABLE, ClientInviteState.CALLING, ClientInviteState.TERMINATED, false);
        m.start(ClientInviteState.ON_START);
        m.fire(TxEvent.TRANSPORT_ERROR);
        assertThat(log).containsExactly("0:SEND_REQUEST", "0:REPORT_TRANSPORT_ERROR", "0:TERMINATED");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void clientNonInviteTimerEDoublesUpToT2ThenTimerF() {
        var m = machine(
                ClientNonInviteState.TABLE, ClientNonInviteState.TRYING, ClientNonInviteState.TERMINATED, false);
        m.start(ClientNonInviteState.ON_START);
        advanceSeconds(40);
        assertThat(log)
                .containsExactly(
                        "0:SEND_REQUEST",
                        "500:SEND_REQUEST",
                        "1500:SEND_REQUEST",
                        "3500:SEND_REQUEST",
                        "7500:SEND_REQUEST",
                        "11500:SEND_REQUEST",
                        "15500:SEND_REQUEST",
                        "19500:SEND_REQUEST",
                        "23500:SEND_REQUEST",
                        "27500:SEND_REQUEST",
                        "31500:SEND_REQUEST",
                        "32000:REPORT_TIMEOUT",
                        "32000:TERMINATED");
    }

    @Test
    void clientNonInviteInProceedingRetransmitsEveryT2() {
        var m = machine(
                ClientNonInviteState.TABLE, ClientNonInviteState.TRYING, ClientNonInviteState.TERMINATED, false);
        m.start(ClientNonInviteState.ON_START);
        clock.advance(Duration.ofMillis(100));
        m.fire(TxEvent.RECV_1XX);
        clock.advance(Duration.ofMillis(400));
        clock.advance(Duration.ofMillis(8_100));
        assertThat(log)
                .containsExactly(
                        "0:SEND_REQUEST",
                        "100:PASS_TO_TU",
                        "500:SEND_REQUEST",
                        "4500:SEND_REQUEST",
                        "8500:SEND_REQUEST");
    }

    @Test
    void clientNonInviteFinalStartsTimerKWhichIsT4OverUdpAndZeroOverTcp() {
        var udp = machine(
                ClientNonInviteState.TABLE, ClientNonInviteState.TRYING, ClientNonInviteState.TERMINATED, false);
        udp.start(ClientNonInviteState.ON_START);
        udp.fire(TxEvent.RECV_2XX);
        udp.fire(TxEvent.RECV_2XX);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(udp.state()).isEqualTo(ClientNonInviteState.COMPLETED);
        clock.advance(Duration.ofMillis(1));
        assertThat(log).containsExactly("0:SEND_REQUEST", "0:PASS_TO_TU", "5000:TERMINATED");

        log.clear();
        var tcp =
                machine(ClientNonInviteState.TABLE, ClientNonInviteState.TRYING, ClientNonInviteState.TERMINATED, true);
        tcp.start(ClientNonInviteState.ON_START);
        tcp.fire(TxEvent.RECV_3XX_6XX);
        assertThat(log).containsExactly("5000:SEND_REQUEST", "5000:PASS_TO_TU", "5000:TERMINATED");
    }

    @Test
    void serverInviteSendsTryingAfterTheConfiguredDelayUnlessTheTuAnswers() {
        TimerConfig cfg = new TimerConfig(
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                Duration.ofSeconds(5),
                Duration.ofSeconds(32),
                Duration.ofMillis(200));
        var m = machine(
                ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false, cfg);
        m.start(List.of(TxAction.Timer.start(TimerName.TRYING)));
        clock.advance(Duration.ofMillis(199));
        assertThat(log).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(log).containsExactly("200:SEND_TRYING");

        log.clear();
        var answered = machine(
                ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false, cfg);
        answered.start(List.of(TxAction.Timer.start(TimerName.TRYING)));
        clock.advance(Duration.ofMillis(100));
        answered.fire(TxEvent.TU_1XX);
        clock.advance(Duration.ofSeconds(1));
        assertThat(log).containsExactly("300:SEND_RESPONSE");
    }

    @Test
    void serverInviteRetransmitsNonSuccessOnTimerGUntilTimerH() {
        var m = machine(ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false);
        m.start(List.of());
        m.fire(TxEvent.TU_1XX);
        m.fire(TxEvent.RECV_REQUEST);
        m.fire(TxEvent.TU_3XX_6XX);
        advanceSeconds(40);
        assertThat(log)
                .containsExactly(
                        "0:SEND_RESPONSE",
                        "0:RESEND_LAST_RESPONSE",
                        "0:SEND_RESPONSE",
                        "500:RESEND_LAST_RESPONSE",
                        "1500:RESEND_LAST_RESPONSE",
                        "3500:RESEND_LAST_RESPONSE",
                        "7500:RESEND_LAST_RESPONSE",
                        "11500:RESEND_LAST_RESPONSE",
                        "15500:RESEND_LAST_RESPONSE",
                        "19500:RESEND_LAST_RESPONSE",
                        "23500:RESEND_LAST_RESPONSE",
                        "27500:RESEND_LAST_RESPONSE",
                        "31500:RESEND_LAST_RESPONSE",
                        "32000:REPORT_TIMEOUT",
                        "32000:TERMINATED");
    }

    @Test
    void serverInviteAckConfirmsAndTimerIEndsIt() {
        var m = machine(ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false);
        m.start(List.of());
        m.fire(TxEvent.TU_3XX_6XX);
        clock.advance(Duration.ofMillis(700));
        m.fire(TxEvent.RECV_ACK);
        assertThat(m.state()).isEqualTo(ServerInviteState.CONFIRMED);
        m.fire(TxEvent.RECV_ACK);
        m.fire(TxEvent.RECV_REQUEST);
        clock.advance(Duration.ofSeconds(5));
        assertThat(log).containsExactly("0:SEND_RESPONSE", "500:RESEND_LAST_RESPONSE", "5700:TERMINATED");
    }

    @Test
    void serverInviteTimerIIsZeroOverTcpAndGIsNotRun() {
        var m = machine(ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, true);
        m.start(List.of());
        m.fire(TxEvent.TU_3XX_6XX);
        assertThat(m.timerRunning(TimerName.G)).isFalse();
        assertThat(m.timerRunning(TimerName.H)).isTrue();
        m.fire(TxEvent.RECV_ACK);
        assertThat(log).containsExactly("0:SEND_RESPONSE", "0:TERMINATED");
    }

    @Test
    void serverInviteSuccessGoesToAcceptedAbsorbsRetransmissionsPassesAckUntilTimerL() {
        var m = machine(ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false);
        m.start(List.of());
        m.fire(TxEvent.TU_2XX);
        m.fire(TxEvent.RECV_REQUEST);
        m.fire(TxEvent.TU_2XX);
        m.fire(TxEvent.RECV_ACK);
        advanceSeconds(31);
        assertThat(m.state()).isEqualTo(ServerInviteState.ACCEPTED);
        advanceSeconds(1);
        assertThat(log).containsExactly("0:SEND_RESPONSE", "0:SEND_RESPONSE", "0:PASS_TO_TU", "32000:TERMINATED");
    }

    @Test
    void serverInviteTransportErrorInEveryLiveState() {
        var m = machine(ServerInviteState.TABLE, ServerInviteState.PROCEEDING, ServerInviteState.TERMINATED, false);
        m.start(List.of());
        m.fire(TxEvent.TU_3XX_6XX);
        m.fire(TxEvent.TRANSPORT_ERROR);
        assertThat(log).containsExactly("0:SEND_RESPONSE", "0:REPORT_TRANSPORT_ERROR", "0:TERMINATED");
        assertThat(clock.pending()).isZero();
        assertThat(terminated).isTrue();
    }

    @Test
    void serverNonInviteAbsorbsInTryingResendsLaterAndTimerJ() {
        var m = machine(
                ServerNonInviteState.TABLE, ServerNonInviteState.TRYING, ServerNonInviteState.TERMINATED, false);
        m.start(List.of());
        assertThat(m.fire(TxEvent.RECV_REQUEST)).isFalse();
        m.fire(TxEvent.TU_1XX);
        m.fire(TxEvent.RECV_REQUEST);
        m.fire(TxEvent.TU_2XX);
        advanceSeconds(10);
        m.fire(TxEvent.RECV_REQUEST);
        advanceSeconds(22);
        assertThat(log)
                .containsExactly(
                        "0:SEND_RESPONSE",
                        "0:RESEND_LAST_RESPONSE",
                        "0:SEND_RESPONSE",
                        "10000:RESEND_LAST_RESPONSE",
                        "32000:TERMINATED");
    }

    @Test
    void serverNonInviteTimerJIsZeroOverTcp() {
        var m = machine(ServerNonInviteState.TABLE, ServerNonInviteState.TRYING, ServerNonInviteState.TERMINATED, true);
        m.start(List.of());
        m.fire(TxEvent.TU_3XX_6XX);
        assertThat(log).containsExactly("0:SEND_RESPONSE", "0:TERMINATED");
    }

    @Test
    void configurableBaseTimersScaleEveryTimer() {
        TimerConfig fast =
                TimerConfig.DEFAULT.withBase(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(1));
        var m = machine(
                ClientNonInviteState.TABLE, ClientNonInviteState.TRYING, ClientNonInviteState.TERMINATED, false, fast);
        m.start(ClientNonInviteState.ON_START);
        clock.advance(Duration.ofMillis(6_400));
        assertThat(log).first().isEqualTo("0:SEND_REQUEST");
        assertThat(log).contains("100:SEND_REQUEST", "300:SEND_REQUEST", "700:SEND_REQUEST", "1100:SEND_REQUEST");
        assertThat(log).endsWith("6400:REPORT_TIMEOUT", "6400:TERMINATED");
    }

    @Test
    void tablesNameTheActionsOfTheRfcFigures() {
        assertThat(ClientInviteState.TABLE
                        .lookup(ClientInviteState.CALLING, TxEvent.RECV_3XX_6XX)
                        .orElseThrow()
                        .actions())
                .contains(PASS_TO_TU, SEND_ACK);
        assertThat(ServerInviteState.TABLE
                        .lookup(ServerInviteState.PROCEEDING, TxEvent.TIMER_TRYING)
                        .orElseThrow()
                        .actions())
                .containsExactly(SEND_TRYING);
        assertThat(ServerNonInviteState.TABLE.lookup(ServerNonInviteState.TRYING, TxEvent.RECV_REQUEST))
                .isEmpty();
        assertThat(ClientNonInviteState.TABLE
                        .lookup(ClientNonInviteState.TRYING, TxEvent.TIMER_F)
                        .orElseThrow()
                        .actions())
                .containsExactly(REPORT_TIMEOUT);
        assertThat(ClientInviteState.TABLE
                        .lookup(ClientInviteState.PROCEEDING, TxEvent.TRANSPORT_ERROR)
                        .orElseThrow()
                        .actions())
                .containsExactly(REPORT_TRANSPORT_ERROR);
        assertThat(ServerNonInviteState.TABLE
                        .lookup(ServerNonInviteState.COMPLETED, TxEvent.RECV_REQUEST)
                        .orElseThrow()
                        .actions())
                .containsExactly(RESEND_LAST_RESPONSE);
        assertThat(ClientNonInviteState.ON_START).startsWith(SEND_REQUEST);
        assertThat(ServerInviteState.TABLE
                        .lookup(ServerInviteState.ACCEPTED, TxEvent.TU_2XX)
                        .orElseThrow()
                        .actions())
                .containsExactly(SEND_RESPONSE);
    }
}
