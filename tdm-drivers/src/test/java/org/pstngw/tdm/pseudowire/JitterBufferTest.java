package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private final byte[] out = new byte[4];

    private static ByteBuffer packet(int seq) {
        return ByteBuffer.wrap(new byte[] {(byte) seq, (byte) (seq >>> 8), 1, 2});
    }

    private static void offer(JitterBuffer jb, int seq) {
        jb.offer(seq, false, packet(seq), 0, 4);
    }

    private int play(JitterBuffer jb, PlayoutResult expected) {
        assertThat(jb.playout(out, 0)).isEqualTo(expected);
        return (out[0] & 0xFF) | (out[1] & 0xFF) << 8;
    }

    @Test
    void fillsToDepthThenPlaysInOrder() {
        var jb = JitterBuffer.of(4, 3, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 10);
        offer(jb, 11);
        play(jb, PlayoutResult.FILLING);
        assertThat(out).containsOnly((byte) 0xFF);
        offer(jb, 12);
        assertThat(jb.playing()).isTrue();
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(10);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(11);
        assertThat(jb.fillLevel()).isEqualTo(1);
        assertThat(jb.received()).isEqualTo(3);
        assertThat(jb.played()).isEqualTo(2);
    }

    @Test
    void reordersWithinTheWindow() {
        var jb = JitterBuffer.of(4, 4, FillPolicy.ALL_ONES, (byte) 0);
        for (int seq : new int[] {2, 0, 3, 1, 5, 4}) {
            offer(jb, seq);
        }
        for (int seq = 0; seq < 6; seq++) {
            assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(seq);
        }
        assertThat(jb.lost()).isZero();
    }

    @Test
    void lossIsCountedAndFilledPerPolicy() {
        var ones = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        var idle = JitterBuffer.of(4, 2, FillPolicy.IDLE_PATTERN, (byte) 0xD5);
        var repeat = JitterBuffer.of(4, 2, FillPolicy.REPEAT_LAST, (byte) 0xD5);
        for (var jb : new JitterBuffer[] {ones, idle, repeat}) {
            offer(jb, 0);
            offer(jb, 2);
            assertThat(play(jb, PlayoutResult.PLAYED)).isZero();
            play(jb, PlayoutResult.LOST);
            byte[] filled = out.clone();
            assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(2);
            assertThat(jb.lost()).isEqualTo(1);
            if (jb == ones) {
                assertThat(filled).containsOnly((byte) 0xFF);
            } else if (jb == idle) {
                assertThat(filled).containsOnly((byte) 0xD5);
            } else {
                assertThat(filled).containsExactly(0, 0, 1, 2);
            }
        }
    }

    @Test
    void duplicatesAndLatePacketsAreDroppedAndCounted() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 100);
        offer(jb, 100);
        offer(jb, 101);
        assertThat(jb.duplicates()).isEqualTo(1);
        play(jb, PlayoutResult.PLAYED);
        play(jb, PlayoutResult.PLAYED);
        play(jb, PlayoutResult.LOST);
        offer(jb, 102);
        offer(jb, 100);
        assertThat(jb.late()).isEqualTo(2);
        assertThat(jb.received()).isEqualTo(2);
        assertThat(jb.lost()).isEqualTo(1);
    }

    @Test
    void aLatePacketMakesTheBufferRebuildItsDepthInsteadOfRunningWithoutMargin() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 10);
        offer(jb, 11);
        play(jb, PlayoutResult.PLAYED);
        play(jb, PlayoutResult.PLAYED);
        // The far end stalls: 12 is missing at its playout time, then comes late, with the next ones.
        play(jb, PlayoutResult.LOST);
        offer(jb, 12);
        assertThat(jb.late()).isEqualTo(1);
        assertThat(jb.rebuffers()).isEqualTo(1);
        offer(jb, 13);
        // Playout holds (filled, not lost) until depth packets wait again, then goes on in sequence.
        play(jb, PlayoutResult.FILLING);
        offer(jb, 14);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(13);
        offer(jb, 15);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(14);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(15);
        assertThat(jb.lost()).isEqualTo(1);
        assertThat(jb.late()).isEqualTo(1);
        assertThat(jb.rebuffers()).isEqualTo(1);
    }

    @Test
    void sequenceWrapsAroundWithoutLoss() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 65534);
        offer(jb, 65535);
        offer(jb, 0);
        offer(jb, 1);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(65534);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(65535);
        assertThat(play(jb, PlayoutResult.PLAYED)).isZero();
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(1);
        assertThat(jb.lost()).isZero();
        assertThat(jb.late()).isZero();
    }

    @Test
    void aStrayFarOffPacketIsDroppedWithoutDisturbingPlayout() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        assertThat(jb.capacity()).isEqualTo(8);
        offer(jb, 0);
        offer(jb, 1);
        offer(jb, 20_000);
        offer(jb, 2);
        assertThat(jb.strays()).isEqualTo(1);
        assertThat(jb.overflows()).isZero();
        assertThat(play(jb, PlayoutResult.PLAYED)).isZero();
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(1);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(2);
        assertThat(jb.lost()).isZero();
    }

    @Test
    void aConfirmedSequenceJumpResynchronisesOnTheSecondPacket() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 0);
        offer(jb, 1);
        offer(jb, 9);
        assertThat(jb.strays()).isEqualTo(1);
        assertThat(jb.playing()).isTrue();
        offer(jb, 10);
        assertThat(jb.overflows()).isEqualTo(1);
        assertThat(jb.playing()).isFalse();
        // 0 and 1 were due (the buffer had reached its depth) and are never played.
        assertThat(jb.lost()).isEqualTo(2);
        offer(jb, 11);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(10);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(11);
    }

    @Test
    void overflowWhilePlayingCountsTheDiscardedPacketsAsLost() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 0);
        offer(jb, 1);
        offer(jb, 2);
        play(jb, PlayoutResult.PLAYED);
        offer(jb, 20);
        offer(jb, 21);
        assertThat(jb.overflows()).isEqualTo(1);
        assertThat(jb.lost()).isEqualTo(2);
        offer(jb, 22);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(21);
    }

    @Test
    void underrunReturnsToFillingAfterAWholeRingOfLoss() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        offer(jb, 0);
        offer(jb, 1);
        play(jb, PlayoutResult.PLAYED);
        play(jb, PlayoutResult.PLAYED);
        for (int i = 0; i < jb.capacity(); i++) {
            play(jb, PlayoutResult.LOST);
        }
        assertThat(jb.underruns()).isEqualTo(1);
        play(jb, PlayoutResult.FILLING);
        assertThat(jb.lost()).isEqualTo(jb.capacity());
        offer(jb, 500);
        offer(jb, 501);
        assertThat(play(jb, PlayoutResult.PLAYED)).isEqualTo(500);
    }

    @Test
    void lBitPacketsPlayAllOnesAndLossStateDrivesR() {
        var jb = new JitterBuffer(4, 1, 8, FillPolicy.IDLE_PATTERN, (byte) 0x54, 2, 2);
        assertThat(jb.packetLossState()).as("nothing heard yet").isTrue();
        jb.offer(0, true, ByteBuffer.allocate(0), 0, 0);
        play(jb, PlayoutResult.REMOTE_FAILURE);
        assertThat(out).containsOnly((byte) 0xFF);
        assertThat(jb.packetLossState())
                .as("one packet of the two that leave it")
                .isTrue();
        offer(jb, 1);
        play(jb, PlayoutResult.PLAYED);
        assertThat(jb.packetLossState()).isFalse();
        play(jb, PlayoutResult.LOST);
        assertThat(jb.packetLossState()).isFalse();
        play(jb, PlayoutResult.LOST);
        assertThat(jb.packetLossState()).isTrue();
        offer(jb, 4);
        play(jb, PlayoutResult.PLAYED);
        assertThat(jb.packetLossState()).isTrue();
        offer(jb, 5);
        play(jb, PlayoutResult.PLAYED);
        assertThat(jb.packetLossState()).isFalse();
    }

    @Test
    void eachPacketsModifierBitsComeOutWithItsPlayout() {
        var jb = JitterBuffer.of(4, 2, FillPolicy.ALL_ONES, (byte) 0);
        jb.offer(0, false, 0b10, packet(0), 0, 4);
        jb.offer(1, false, 0b00, packet(1), 0, 4);
        play(jb, PlayoutResult.PLAYED);
        assertThat(jb.playedModifier()).isEqualTo(0b10);
        play(jb, PlayoutResult.PLAYED);
        assertThat(jb.playedModifier()).isZero();
        play(jb, PlayoutResult.LOST);
        assertThat(jb.playedModifier()).isZero();
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> JitterBuffer.of(0, 2, FillPolicy.ALL_ONES, (byte) 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JitterBuffer.of(4, 0, FillPolicy.ALL_ONES, (byte) 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
