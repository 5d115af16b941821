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
        d.frame(s, 32);
        assertThat(d.state()).isEqualTo(E1Deframer.State.SEARCH);
        d.frame(s, 64);
        assertThat(d.aligned()).isTrue();
        assertThat(alarms.changes).containsExactly("-LOF");
    }

    @Test
    void alignsAtEveryBitOffsetAndHandsOutTheAlignedFrames() {
        byte[] framed = E1FramerTest.framedStream(true, 96, 21);
        for (int offset : new int[] {1, 3, 7, 8, 13, 100, 255, 256 + 129}) {
            byte[] stream = E1FramerTest.shiftedBy(framed, offset);
            E1Deframer d = new E1Deframer(true, AlarmListener.NONE);
            byte[] out = new byte[100 * 32];
            int n = 0;
            for (int at = 0; at < stream.length; at += 37) {
                int len = Math.min(37, stream.length - at);
                n += d.receive(stream, at, len, out, n * 32, 100 - n);
            }
            assertThat(d.aligned()).as("offset %d", offset).isTrue();
            assertThat(d.multiframeAligned()).as("offset %d", offset).isTrue();
            assertThat(d.crcErrors()).isZero();
            // The last frames handed out are the framer's last frames, octet for octet.
            int last = n - 1;
            int whole = (stream.length * 8 - offset) / 256;
            assertThat(Arrays.copyOfRange(out, last * 32, last * 32 + 32))
                    .as("offset %d", offset)
                    .isEqualTo(Arrays.copyOfRange(framed, (whole - 1) * 32, whole * 32));
        }
    }

    @Test
    void startingOnAnOddFrameStillAligns() {
        byte[] s = E1FramerTest.framedStream(false, 9, 11);
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 32, 4);
        assertThat(d.aligned()).isTrue();
    }

    @Test
    void failedNfasCheckRestartsSearchAtTheNextFas() {
        byte[] s = E1FramerTest.framedStream(false, 8, 12);
        s[32] &= (byte) 0xBF;
        E1Deframer d = new E1Deframer(false, alarms);
        d.frames(s, 0, 4);
        assertThat(d.aligned()).as("FAS in frame 0, but frame 1 fails bit 2").isFalse();
        d.frames(s, 4 * 32, 1);
        assertThat(d.aligned()).as("FAS 2, NFAS 3, FAS 4").isTrue();
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
        int beforeLoss = 0;
        while (alarms.changes.size() < 2 && beforeLoss < frames) {
            d.frames(s, beforeLoss * 32, 8);
            beforeLoss += 8;
        }
        assertThat(alarms.changes).containsExactly("-LOF", "+LOF");
        // Aligned on frame 3, multiframe from frame 28: the 1000th checked block is at about 8,030 frames.
        assertThat(d.crcErrors()).isEqualTo(1000);
        assertThat(beforeLoss).isBetween(8000, 8100);
    }

    @Test
    void farEndWithoutCrc4KeepsFrameAlignmentAndIsIndicatedAfter400ms() {
        byte[] s = E1FramerTest.framedStream(false, 8000, 16);
        E1Deframer d = new E1Deframer(true, alarms);
        d.frames(s, 0, 3190);
        assertThat(d.aligned()).isTrue();
        assertThat(d.crc4State()).isEqualTo(E1Deframer.Crc4State.SEARCHING);
        assertThat(alarms.changes).containsExactly("-LOF");
        d.frames(s, 3190 * 32, 20);
        assertThat(d.crc4State()).isEqualTo(E1Deframer.Crc4State.NOT_RECEIVED);
        assertThat(d.noCrc4Multiframe()).isTrue();
        d.frames(s, 3210 * 32, 8000 - 3210);
        // G.706 B.2.2: one indication, no LOF flapping, frame alignment kept for the whole second.
        assertThat(alarms.changes).containsExactly("-LOF", "+NO_CRC4_MULTIFRAME");
        assertThat(d.aligned()).isTrue();
        assertThat(d.crcErrors()).isZero();
    }

    @Test
    void multiframeOnAParallelSearchAlignmentReplacesASpuriousPrimary() {
        // TS5 of every frame mimics TS0 without the CRC-4 multiframe (Si always 1): FAS in even frames, NFAS with
        // bit 2 = 1 in odd ones. The stream starts at TS3, so the search meets the imitation before the real TS0.
        int frames = 400;
        byte[] framed = E1FramerTest.framedStream(true, frames, 22);
        for (int f = 0; f < frames; f++) {
            framed[f * 32 + 5] = (byte) (f % 2 == 0 ? 0x9B : 0xDF);
        }
        new E1Framer(true).frames(framed, 0, frames);
        E1Deframer d = new E1Deframer(true, alarms);
        byte[] out = new byte[frames * 32];
        int n = d.receive(framed, 3, framed.length - 3, out, 0, frames);
        assertThat(d.realignments()).isEqualTo(1);
        assertThat(d.multiframeAligned()).isTrue();
        assertThat(alarms.changes).as("no LOF while the parallel search ran").containsExactly("-LOF");
        // After the switch, out holds whole frames with TS0 first: the last one is the framer's last frame.
        assertThat(Arrays.copyOfRange(out, (n - 1) * 32, n * 32))
                .isEqualTo(Arrays.copyOfRange(framed, 399 * 32, 400 * 32));
        assertThat(d.crcErrors()).isZero();
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
        byte[] framed = E1FramerTest.framedStream(false, 8, 17);
        d.frames(framed, 0, 3);
        // G.775: AIS clears as soon as the frame alignment signal is found (before two periods with 3 zeros).
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
