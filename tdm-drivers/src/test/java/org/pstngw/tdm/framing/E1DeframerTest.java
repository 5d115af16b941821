package org.pstngw.tdm.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class E1DeframerTest {
    private final RecordingAlarms alarms = new RecordingAlarms();

    @Test
    void alignsAfterFasNfasFas() {
        byte[] s = E1FramerTest.framedStream(false, 8, 10);
        E1Deframer d = new E1Deframer(false, alarms);
        d.frame(s, 0);
        assertThat(d.state()).isEqualTo(E1Deframer.State.CHECK_NFAS);
        d.frame(s, 32);
        assertThat(d.state()).isEqualTo(E1Deframer.State.CHECK_FAS);
        d.frame(s, 64);
        assertThat(d.aligned()).isTrue();
        assertThat(alarms.changes).containsExactly("-LOF");
    }

    @Test
    void startingOnAnOddFrameStillAligns() {
        byte[] s = E1FramerTest.framedStream(false, 9, 11);
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 32, 4);
        assertThat(d.aligned()).isTrue();
    }

    @Test
    void failedNfasCheckRestartsSearch() {
        byte[] s = E1FramerTest.framedStream(false, 8, 12);
        s[32] &= (byte) 0xBF;
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 0, 2);
        assertThat(d.state()).isEqualTo(E1Deframer.State.SEARCH);
    }

    @Test
    void threeConsecutiveBadFasLoseAlignmentTwoDoNot() {
        byte[] s = E1FramerTest.framedStream(false, 40, 13);
        s[4 * 32] ^= 0x01;
        s[6 * 32] ^= 0x01;
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 0, 10);
        assertThat(d.aligned()).isTrue();
        assertThat(d.framingErrors()).isEqualTo(2);
        s[12 * 32] ^= 0x02;
        s[14 * 32] ^= 0x04;
        s[16 * 32] ^= 0x08;
        d.frames(s, 320, 7);
        assertThat(d.aligned()).isFalse();
        assertThat(alarms.changes).containsExactly("-LOF", "+LOF");
        d.frames(s, 17 * 32, 6);
        assertThat(d.aligned()).isTrue();
        assertThat(alarms.changes).containsExactly("-LOF", "+LOF", "-LOF");
    }

    @Test
    void crc4MultiframeAlignsAndCountsNoErrorsOnCleanStream() {
        byte[] s = E1FramerTest.framedStream(true, 160, 14);
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, 160);
        assertThat(d.multiframeAligned()).isTrue();
        assertThat(d.crcErrors()).isZero();
        assertThat(d.remoteCrcErrors()).isZero();
    }

    @Test
    void oneFlippedBitIsOneCrcError() {
        byte[] s = E1FramerTest.framedStream(true, 160, 15);
        s[100 * 32 + 17] ^= 0x10;
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, 160);
        assertThat(d.multiframeAligned()).isTrue();
        assertThat(d.crcErrors()).isEqualTo(1);
    }

    @Test
    void nineHundredFifteenErroredBlocksOfAThousandMeanFalseAlignment() {
        int frames = 8 * 1100;
        byte[] s = E1FramerTest.framedStream(true, frames, 19);
        for (int smf = 0; smf < frames / 8; smf++) {
            s[smf * 256 + 40] ^= 0x01;
        }
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, frames);
        assertThat(d.crcErrors()).isGreaterThanOrEqualTo(1000);
        assertThat(alarms.changes).startsWith("-LOF", "+LOF");
    }

    @Test
    void noMultiframeAlignmentWithin8msRestartsSearch() {
        byte[] s = E1FramerTest.framedStream(false, 80, 16);
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, 80);
        assertThat(d.multiframeAligned()).isFalse();
        assertThat(alarms.changes).startsWith("-LOF", "+LOF");
    }

    @Test
    void eBitsAtZeroCountAsRemoteErrors() {
        E1Framer framer = new E1Framer(true);
        byte[] s = new byte[96 * 32];
        framer.frames(s, 0, 64);
        framer.reportReceivedCrcError();
        framer.frames(s, 64 * 32, 32);
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, 96);
        assertThat(d.remoteCrcErrors()).isEqualTo(1);
    }

    @Test
    void allOnesIsAisAndClears() {
        byte[] ones = new byte[8 * 32];
        Arrays.fill(ones, (byte) 0xFF);
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(ones, 0, 4);
        assertThat(d.ais()).isTrue();
        assertThat(alarms.changes).containsExactly("+AIS");
        d.frames(E1FramerTest.framedStream(false, 8, 17), 0, 8);
        assertThat(d.ais()).isFalse();
        assertThat(alarms.changes).containsExactly("+AIS", "-LOF", "-AIS");
    }

    @Test
    void allOnesWithTwoZerosPerDoubleFrameIsStillAis() {
        byte[] s = new byte[4 * 32];
        Arrays.fill(s, (byte) 0xFF);
        s[5] = (byte) 0xFE;
        s[70] = (byte) 0x7F;
        s[100] = (byte) 0xFE;
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 0, 4);
        assertThat(d.ais()).isTrue();
    }

    @Test
    void zerosAreLos() {
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(new byte[64], 0, 2);
        assertThat(d.los()).isTrue();
        d.frames(E1FramerTest.framedStream(false, 4, 18), 0, 1);
        assertThat(d.los()).isFalse();
        assertThat(alarms.changes).containsExactly("+LOS", "-LOS");
    }

    @Test
    void remoteAlarmBitRaisesRaiAfterThreeNfas() {
        E1Framer framer = new E1Framer(false);
        byte[] s = new byte[40 * 32];
        framer.frames(s, 0, 8);
        framer.setRemoteAlarm(true);
        framer.frames(s, 8 * 32, 16);
        framer.setRemoteAlarm(false);
        framer.frames(s, 24 * 32, 16);
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 0, 13);
        assertThat(d.rai()).isFalse();
        d.frames(s, 13 * 32, 2);
        assertThat(d.rai()).isTrue();
        d.frames(s, 15 * 32, 25);
        assertThat(d.rai()).isFalse();
        assertThat(alarms.changes).containsExactly("-LOF", "+RAI", "-RAI");
    }
}
