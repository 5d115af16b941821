package org.pstngw.tdm.pseudowire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PwSequenceTest {
    @Test
    void nextWrapsAt65535() {
        assertThat(PwSequence.next(0)).isEqualTo(1);
        assertThat(PwSequence.next(65535)).isZero();
        assertThat(PwSequence.add(65530, 10)).isEqualTo(4);
        assertThat(PwSequence.add(3, -5)).isEqualTo(65534);
    }

    @Test
    void deltaIsShortestSignedDistanceAcrossTheWrap() {
        assertThat(PwSequence.delta(65535, 0)).isEqualTo(1);
        assertThat(PwSequence.delta(0, 65535)).isEqualTo(-1);
        assertThat(PwSequence.delta(100, 200)).isEqualTo(100);
        assertThat(PwSequence.delta(200, 100)).isEqualTo(-100);
        assertThat(PwSequence.delta(0, 32767)).isEqualTo(32767);
        assertThat(PwSequence.delta(0, 32768)).isEqualTo(-32768);
    }

    @Test
    void newerAcrossTheWrap() {
        assertThat(PwSequence.isNewer(2, 65534)).isTrue();
        assertThat(PwSequence.isNewer(65534, 2)).isFalse();
        assertThat(PwSequence.isNewer(7, 7)).isFalse();
    }
}
