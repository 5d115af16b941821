package org.pstngw.isup.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pstngw.isup.link.CleanShutdown;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.CallingPartyCategory;
import org.pstngw.sipi.isup.EventInformation;
import org.pstngw.sipi.isup.ForwardCallIndicators;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupParameter;
import org.pstngw.sipi.isup.IsupParameters;
import org.pstngw.sipi.isup.NatureOfConnectionIndicators;
import org.pstngw.sipi.isup.ParameterCode;
import org.pstngw.sipi.isup.PartyNumber;
import org.pstngw.sipi.isup.RangeAndStatus;

/**
 * The simulated exchange (jSS7's ISUP messages on jSS7's M3UA) over real M3UA/TCP on loopback against our link, messages built and read
 * with sip-i: every behaviour, per prefix; per-call state (nothing late after a release); every maintenance answer;
 * everything it can originate. One exchange for the class, each test on its own circuits.
 */
@Timeout(60)
@ExtendWith(CleanShutdown.class)
class SimulatedExchangeIT {

    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration T8 = Duration.ofMillis(500);
    private static final Duration T35 = Duration.ofMillis(500);

    @TempDir
    static Path dir;

    private static final LinkProbe GW = new LinkProbe();
    private static LinkAndExchange pair;

    @BeforeAll
    static void start() throws InterruptedException {
        Rules rules = Rules.answerAll()
                .on("1", Behaviour.BUSY)
                .on("2", Behaviour.UNALLOCATED)
                .on("3", Behaviour.CONGESTION)
                .on("4", Behaviour.NO_ANSWER)
                .on("5", new Behaviour.AnswerAfter(200))
                .on("6", new Behaviour.ReleaseAfter(200))
                .on("70", new Behaviour.Overlap(6, new Behaviour.AnswerAfter(0)))
                .on("71", new Behaviour.ConnectAfter(0))
                .on("72", new Behaviour.ProgressThenAnswer(100, 200))
                .on("73", new Behaviour.Silent())
                .on("74", new Behaviour.AnswerAfter(300))
                .on("75", new Behaviour.ReleaseAfter(300))
                .on("76", new Behaviour.Reject(31));
        pair = new LinkAndExchange(dir, 40, rules, UnaryOperator.identity(), s -> s.withTimers(T8, T35));
        GW.on(pair);
        pair.start();
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @BeforeEach
    void drain() {
        GW.clear();
    }

    private static SimulatedExchange exchange() {
        return pair.exchange();
    }

    private static IsupMessage iam(int cic, String called, int continuityCheck) {
        return IsupMessages.iam(
                cic,
                new NatureOfConnectionIndicators(0, continuityCheck, false),
                ForwardCallIndicators.of(false, false, true, ForwardCallIndicators.ISUP_PREFERRED, true),
                CallingPartyCategory.ORDINARY,
                3,
                PartyNumber.called(PartyNumber.NAI_NATIONAL, called));
    }

    private static IsupMessage cot(int cic, boolean success) {
        return IsupMessage.of(
                IsupMessageType.COT,
                cic,
                IsupParameters.of(IsupParameter.of(ParameterCode.CONTINUITY_INDICATORS, success ? 1 : 0)));
    }

    private static int calledPartyStatus(IsupMessage acm) {
        return acm.backwardCallIndicators().orElseThrow().calledPartyStatus();
    }

    @Test
    void answersAtOnceThenReleaseGetsRlc() throws Exception {
        GW.send(IsupBytes.iam(1, "9001"));
        IsupMessage acm = GW.next(IsupMessageType.ACM, 1);
        assertThat(calledPartyStatus(acm)).isEqualTo(BackwardCallIndicators.STATUS_SUBSCRIBER_FREE);
        GW.next(IsupMessageType.ANM, 1);
        assertThat(exchange().phase(1)).isEqualTo(CallPhase.INCOMING_ANSWERED);
        GW.send(IsupBytes.rel(1, 16));
        GW.next(IsupMessageType.RLC, 1);
        assertThat(exchange().phase(1)).isEqualTo(CallPhase.IDLE);
    }

    @Test
    void rejectsPerPrefixWithTheRuleCause() throws Exception {
        String[] numbers = {"1234", "2345", "3456", "7600"};
        int[] causes = {17, 1, 42, 31};
        for (int i = 0; i < numbers.length; i++) {
            int cic = 2 + i;
            GW.send(IsupBytes.iam(cic, numbers[i]));
            assertThat(GW.nextRelCause(cic)).as("cause for %s", numbers[i]).isEqualTo(causes[i]);
            GW.send(IsupBytes.rlc(cic));
            assertThat(exchange().events().awaitReceived(0, IsupMessageType.RLC, cic, Duration.ofSeconds(10)))
                    .isPresent();
            assertThat(exchange().phase(cic)).isEqualTo(CallPhase.IDLE);
        }
    }

    @Test
    void noAnswerRingsUntilWeGiveUp() throws Exception {
        GW.send(IsupBytes.iam(6, "4000"));
        assertThat(calledPartyStatus(GW.next(IsupMessageType.ACM, 6)))
                .isEqualTo(BackwardCallIndicators.STATUS_SUBSCRIBER_FREE);
        GW.nothingWithin(QUIET);
        GW.send(IsupBytes.rel(6, 16));
        GW.next(IsupMessageType.RLC, 6);
    }

    @Test
    void answersAfterTheDelayAndReleasesAfterTheHoldTime() throws Exception {
        long start = System.nanoTime();
        GW.send(IsupBytes.iam(7, "5000"));
        GW.next(IsupMessageType.ACM, 7);
        GW.next(IsupMessageType.ANM, 7);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        GW.send(IsupBytes.rel(7, 16));
        GW.next(IsupMessageType.RLC, 7);

        GW.send(IsupBytes.iam(8, "6000"));
        GW.next(IsupMessageType.ACM, 8);
        GW.next(IsupMessageType.ANM, 8);
        assertThat(GW.nextRelCause(8)).isEqualTo(16);
        GW.send(IsupBytes.rlc(8));
    }

    @Test
    void connectsWithoutAcm() throws Exception {
        GW.send(IsupBytes.iam(9, "7100"));
        GW.next(IsupMessageType.CON, 9);
        GW.nothingWithin(QUIET);
        GW.send(IsupBytes.rel(9, 16));
        GW.next(IsupMessageType.RLC, 9);
    }

    @Test
    void progressThenAlertingThenAnswer() throws Exception {
        GW.send(IsupBytes.iam(10, "7200"));
        assertThat(calledPartyStatus(GW.next(IsupMessageType.ACM, 10)))
                .isEqualTo(BackwardCallIndicators.STATUS_NO_INDICATION);
        IsupMessage cpg = GW.next(IsupMessageType.CPG, 10);
        assertThat(cpg.eventInformation().orElseThrow().event()).isEqualTo(EventInformation.ALERTING);
        GW.next(IsupMessageType.ANM, 10);
        GW.send(IsupBytes.rel(10, 16));
        GW.next(IsupMessageType.RLC, 10);
    }

    @Test
    void silentLeavesTheCallToOurT7() throws Exception {
        GW.send(IsupBytes.iam(11, "7300"));
        GW.nothingWithin(QUIET);
        assertThat(exchange().phase(11)).isEqualTo(CallPhase.INCOMING);
        GW.send(IsupBytes.rel(11, 102));
        GW.next(IsupMessageType.RLC, 11);
    }

    @Test
    void overlapWaitsForSamUntilTheNumberIsComplete() throws Exception {
        GW.send(IsupBytes.iam(12, "70"));
        GW.nothingWithin(Duration.ofMillis(150));
        assertThat(exchange().phase(12)).isEqualTo(CallPhase.COLLECTING_DIGITS);
        GW.send(IsupMessages.sam(12, "12"));
        GW.nothingWithin(Duration.ofMillis(150));
        GW.send(IsupMessages.sam(12, "34"));
        GW.next(IsupMessageType.ACM, 12);
        GW.next(IsupMessageType.ANM, 12);
        GW.send(IsupBytes.rel(12, 16));
        GW.next(IsupMessageType.RLC, 12);
    }

    @Test
    void overlapWithoutFurtherDigitsIsReleasedWithCause28OnT35() throws Exception {
        GW.send(IsupBytes.iam(13, "701"));
        assertThat(GW.nextRelCause(13)).isEqualTo(28);
        GW.send(IsupBytes.rlc(13));
    }

    @Test
    void continuityRequestedWaitsForCot() throws Exception {
        GW.send(iam(14, "9002", 1));
        GW.nothingWithin(Duration.ofMillis(200));
        assertThat(exchange().phase(14)).isEqualTo(CallPhase.AWAITING_CONTINUITY);
        GW.send(cot(14, true));
        GW.next(IsupMessageType.ACM, 14);
        GW.next(IsupMessageType.ANM, 14);
        GW.send(IsupBytes.rel(14, 16));
        GW.next(IsupMessageType.RLC, 14);

        GW.send(iam(15, "9003", 1));
        assertThat(GW.nextRelCause(15)).as("T8 ran out").isEqualTo(102);
        GW.send(IsupBytes.rlc(15));

        GW.send(iam(16, "9004", 1));
        GW.send(cot(16, false));
        GW.nothingWithin(QUIET);
        assertThat(exchange().phase(16))
                .as("failed continuity abandons the attempt")
                .isEqualTo(CallPhase.IDLE);
    }

    @Test
    void aCallReleasedEarlyGetsNothingLateAndTheNextCallOnTheCircuitIsItsOwn() throws Exception {
        long mark = exchange().events().mark();
        GW.send(IsupBytes.iam(17, "7400"));
        GW.next(IsupMessageType.ACM, 17);
        GW.send(IsupBytes.rel(17, 16));
        GW.next(IsupMessageType.RLC, 17);
        GW.nothingWithin(Duration.ofMillis(500));
        assertThat(exchange().events().awaitSent(mark, IsupMessageType.ANM, 17, Duration.ZERO))
                .as("no late ANM")
                .isEmpty();

        GW.send(IsupBytes.iam(18, "7500"));
        GW.next(IsupMessageType.ACM, 18);
        GW.next(IsupMessageType.ANM, 18);
        GW.send(IsupBytes.rel(18, 16));
        GW.next(IsupMessageType.RLC, 18);
        GW.send(IsupBytes.iam(18, "9005"));
        GW.next(IsupMessageType.ACM, 18);
        GW.next(IsupMessageType.ANM, 18);
        GW.nothingWithin(Duration.ofMillis(500));
        assertThat(exchange().phase(18))
                .as("the first call's REL timer is gone")
                .isEqualTo(CallPhase.INCOMING_ANSWERED);
        GW.send(IsupBytes.rel(18, 16));
        GW.next(IsupMessageType.RLC, 18);
    }

    @Test
    void circuitMaintenanceIsAcknowledged() throws Exception {
        GW.send(IsupBytes.simple(IsupMessageType.BLO.code(), 20));
        GW.next(IsupMessageType.BLA, 20);
        GW.send(IsupBytes.simple(IsupMessageType.UBL.code(), 20));
        GW.next(IsupMessageType.UBA, 20);
        GW.send(IsupBytes.simple(IsupMessageType.RSC.code(), 21));
        GW.next(IsupMessageType.RLC, 21);
        GW.send(IsupMessages.bare(IsupMessageType.CCR, 21));
        GW.next(IsupMessageType.LPA, 21);
        assertThat(exchange().phase(21)).isEqualTo(CallPhase.LOOPED);
        GW.send(cot(21, true));
        GW.nothingWithin(Duration.ofMillis(100));
        assertThat(exchange().phase(21)).isEqualTo(CallPhase.IDLE);

        GW.send(IsupMessages.range(IsupMessageType.GRS, 22, 3));
        IsupMessage gra = GW.next(IsupMessageType.GRA, 22);
        assertThat(gra.rangeAndStatus().orElseThrow().range()).isEqualTo(3);
    }

    @Test
    void groupBlockingIsAcknowledgedWithCgbaAndCguaOfTheSameKind() throws Exception {
        RangeAndStatus marked = RangeAndStatus.of(3, true, false, true, true);
        GW.send(IsupMessages.circuitGroup(IsupMessageType.CGB, 24, 0, marked));
        IsupMessage cgba = GW.next(IsupMessageType.CGBA, 24);
        assertThat(cgba.rangeAndStatus()).contains(marked);
        assertThat(cgba.parameter(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE))
                .hasValueSatisfying(v -> assertThat(v[0] & 3).isZero());
        assertThat(exchange().stateIndicator(24))
                .as("remotely maintenance blocked, idle")
                .isEqualTo(0b0000_1110);
        assertThat(exchange().stateIndicator(25)).as("not marked").isEqualTo(0b0000_1100);

        GW.send(IsupMessages.circuitGroup(IsupMessageType.CGU, 24, 0, marked));
        IsupMessage cgua = GW.next(IsupMessageType.CGUA, 24);
        assertThat(cgua.rangeAndStatus()).contains(marked);
        assertThat(exchange().stateIndicator(24)).isEqualTo(0b0000_1100);

        RangeAndStatus all = RangeAndStatus.of(1, true, true);
        GW.send(IsupMessages.circuitGroup(IsupMessageType.CGB, 28, 1, all));
        IsupMessage hw = GW.next(IsupMessageType.CGBA, 28);
        assertThat(hw.parameter(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE))
                .hasValueSatisfying(v -> assertThat(v[0] & 3).isEqualTo(1));
        assertThat(exchange().stateIndicator(28))
                .as("remotely hardware blocked")
                .isEqualTo(0b0010_1100);
        GW.send(IsupMessages.circuitGroup(IsupMessageType.CGU, 28, 1, all));
        GW.next(IsupMessageType.CGUA, 28);
    }

    @Test
    void circuitQueryReportsTheRealStatesAndUnequippedCircuits() throws Exception {
        GW.send(IsupBytes.simple(IsupMessageType.BLO.code(), 31));
        GW.next(IsupMessageType.BLA, 31);
        GW.send(IsupBytes.iam(32, "4001"));
        GW.next(IsupMessageType.ACM, 32);
        exchange().sendIam(33, "123", "456");
        GW.next(IsupMessageType.IAM, 33);

        GW.send(IsupMessages.range(IsupMessageType.CQM, 30, 11));
        IsupMessage cqr = GW.next(IsupMessageType.CQR, 30);
        byte[] states = cqr.parameter(ParameterCode.CIRCUIT_STATE_INDICATOR).orElseThrow();
        assertThat(states).hasSize(12);
        assertThat(states[0]).as("CIC 30 idle").isEqualTo((byte) 0b0000_1100);
        assertThat(states[1]).as("CIC 31 idle, remotely blocked").isEqualTo((byte) 0b0000_1110);
        assertThat(states[2]).as("CIC 32 incoming busy").isEqualTo((byte) 0b0000_0100);
        assertThat(states[3]).as("CIC 33 outgoing busy").isEqualTo((byte) 0b0000_1000);
        assertThat(states[11]).as("CIC 41 unequipped").isEqualTo((byte) 0b0000_0011);

        GW.send(IsupBytes.rel(32, 16));
        GW.next(IsupMessageType.RLC, 32);
        GW.send(IsupBytes.rel(33, 16));
        GW.next(IsupMessageType.RLC, 33);
        GW.send(IsupBytes.simple(IsupMessageType.UBL.code(), 31));
        GW.next(IsupMessageType.UBA, 31);
    }

    @Test
    void unequippedCircuitIsAnsweredWithUcicAndUserPartTestWithUpa() throws Exception {
        GW.send(IsupBytes.iam(99, "9000"));
        GW.next(IsupMessageType.UCIC, 99);

        long mark = exchange().events().mark();
        GW.send(new byte[] {5, 0, 0x34, 0});
        assertThat(exchange()
                        .events()
                        .await(
                                mark,
                                e -> e.kind() == SimEvent.Kind.SENT && e.type().code() == 0x35 && e.cic() == 5,
                                Duration.ofSeconds(10)))
                .as("UPA sent (our link consumes it)")
                .isPresent();
    }

    @Test
    void originatesCallsWithAndWithoutContinuityAndEveryMaintenanceMessage() throws Exception {
        exchange().sendIam(35, "2125551234", "4420712345678");
        IsupMessage iam = GW.next(IsupMessageType.IAM, 35);
        assertThat(iam.calledPartyNumber().orElseThrow().digits()).isEqualTo("2125551234");
        assertThat(iam.natureOfConnectionIndicators().orElseThrow().continuityCheck())
                .isZero();
        assertThatThrownBy(() -> exchange().sendIam(35, "1", "2")).isInstanceOf(IllegalStateException.class);
        exchange().sendSam(35, "5");
        GW.next(IsupMessageType.SAM, 35);
        exchange().sendCpg(35, EventInformation.PROGRESS);
        GW.next(IsupMessageType.CPG, 35);
        exchange().sendSus(35, true);
        GW.next(IsupMessageType.SUS, 35);
        exchange().sendRes(35, true);
        GW.next(IsupMessageType.RES, 35);
        exchange().sendRel(35, 16);
        assertThat(GW.nextRelCause(35)).isEqualTo(16);
        assertThat(exchange().phase(35)).isEqualTo(CallPhase.RELEASING);
        GW.send(IsupBytes.rlc(35));
        assertThat(exchange().events().awaitReceived(0, IsupMessageType.RLC, 35, Duration.ofSeconds(10)))
                .isPresent();

        exchange().sendIam(36, "2125551234", "4420712345678", true);
        IsupMessage checked = GW.next(IsupMessageType.IAM, 36);
        assertThat(checked.natureOfConnectionIndicators().orElseThrow().continuityCheck())
                .isEqualTo(1);
        exchange().sendCot(36, true);
        GW.next(IsupMessageType.COT, 36);
        GW.send(IsupBytes.rel(36, 16));
        GW.next(IsupMessageType.RLC, 36);

        exchange().sendBlo(37);
        GW.next(IsupMessageType.BLO, 37);
        exchange().sendUbl(37);
        GW.next(IsupMessageType.UBL, 37);
        exchange().sendRsc(37);
        GW.next(IsupMessageType.RSC, 37);
        exchange().sendGrs(37, 2);
        assertThat(GW.next(IsupMessageType.GRS, 37)
                        .rangeAndStatus()
                        .orElseThrow()
                        .range())
                .isEqualTo(2);
        exchange().sendCgb(37, 2, false);
        IsupMessage cgb = GW.next(IsupMessageType.CGB, 37);
        assertThat(cgb.rangeAndStatus()).contains(RangeAndStatus.of(2, true, true, true));
        exchange().sendCgu(37, 2, true);
        IsupMessage cgu = GW.next(IsupMessageType.CGU, 37);
        assertThat(cgu.parameter(ParameterCode.CIRCUIT_GROUP_SUPERVISION_MESSAGE_TYPE))
                .hasValueSatisfying(v -> assertThat(v[0] & 3).isEqualTo(1));
        exchange().sendCqm(37, 2);
        GW.next(IsupMessageType.CQM, 37);
        exchange().sendCcr(38);
        GW.next(IsupMessageType.CCR, 38);

        assertThat(exchange().sent(IsupMessageType.IAM)).isGreaterThanOrEqualTo(2);
        assertThat(exchange().events().awaitSent(0, IsupMessageType.CCR, 38, Duration.ZERO))
                .isPresent();
        assertThatThrownBy(() -> exchange().sendBlo(77)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dualSeizureIsResolvedByPointCode() throws Exception {
        // The exchange (PC 2) has the higher point code: it controls the even CICs (Q.764 2.10.1.4).
        exchange().sendIam(26, "111", "222");
        GW.next(IsupMessageType.IAM, 26);
        GW.send(IsupBytes.iam(26, "9006"));
        GW.nothingWithin(QUIET);
        assertThat(exchange().phase(26)).isEqualTo(CallPhase.OUTGOING);
        exchange().sendRel(26, 16);
        GW.nextRelCause(26);
        GW.send(IsupBytes.rlc(26));

        exchange().sendIam(27, "111", "222");
        GW.next(IsupMessageType.IAM, 27);
        GW.send(IsupBytes.iam(27, "9007"));
        GW.next(IsupMessageType.ACM, 27);
        GW.next(IsupMessageType.ANM, 27);
        assertThat(exchange().phase(27)).as("backed off, took our call").isEqualTo(CallPhase.INCOMING_ANSWERED);
        GW.send(IsupBytes.rel(27, 16));
        GW.next(IsupMessageType.RLC, 27);
    }
}
