package org.pstngw.isup.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CircuitPoolTest {

    private static final CircuitGroup GROUP = new CircuitGroup("to-B", 200, 1, 4, 0, 1);

    private static List<Integer> seizeAll(CircuitPool pool, HuntingStrategy strategy) {
        List<Integer> order = new ArrayList<>();
        for (OptionalInt cic = pool.seize(strategy); cic.isPresent(); cic = pool.seize(strategy)) {
            order.add(cic.getAsInt());
        }
        return order;
    }

    @Test
    void sequentialUpAndDown() {
        assertThat(seizeAll(new CircuitPool(GROUP, 100), HuntingStrategy.SEQUENTIAL_UP))
                .containsExactly(1, 2, 3, 4);
        assertThat(seizeAll(new CircuitPool(GROUP, 100), HuntingStrategy.SEQUENTIAL_DOWN))
                .containsExactly(4, 3, 2, 1);
    }

    @Test
    void roundRobinContinuesAfterTheLastChoice() {
        CircuitPool pool = new CircuitPool(GROUP, 100);
        assertThat(pool.seize(HuntingStrategy.ROUND_ROBIN)).hasValue(1);
        pool.release(1);
        assertThat(pool.seize(HuntingStrategy.ROUND_ROBIN)).hasValue(2);
        pool.release(2);
        assertThat(pool.seize(HuntingStrategy.ROUND_ROBIN)).hasValue(3);
    }

    @Test
    void leastRecentlyUsedTakesTheLongestIdle() {
        CircuitPool pool = new CircuitPool(GROUP, 100);
        seizeAll(pool, HuntingStrategy.SEQUENTIAL_UP);
        pool.release(3);
        pool.release(1);
        pool.release(4);
        assertThat(pool.seize(HuntingStrategy.LEAST_RECENTLY_USED)).hasValue(3);
        assertThat(pool.seize(HuntingStrategy.LEAST_RECENTLY_USED)).hasValue(1);
    }

    @Test
    void controlledFirstPrefersTheCicsWeWinOnGlare() {
        // we are 100 < 200: the other side controls even CICs, we control the odd ones
        assertThat(seizeAll(new CircuitPool(GROUP, 100), HuntingStrategy.CONTROLLED_FIRST))
                .containsExactly(1, 3, 4, 2);
        assertThat(seizeAll(new CircuitPool(GROUP, 300), HuntingStrategy.CONTROLLED_FIRST))
                .containsExactly(2, 4, 3, 1);
    }

    @Test
    void blockedCircuitsAreNotHuntedUntilUnblockedOrRemoteBlockingIsReset() {
        CircuitPool pool = new CircuitPool(GROUP, 100);
        pool.block(1, Blocking.REMOTELY_MAINTENANCE);
        pool.block(2, Blocking.LOCALLY_HARDWARE);
        assertThat(pool.available()).isEqualTo(2);
        assertThat(pool.seize(HuntingStrategy.SEQUENTIAL_UP)).hasValue(3);
        pool.reset(1);
        assertThat(pool.blocking(1)).isEmpty();
        pool.reset(2);
        assertThat(pool.blocking(2)).containsExactly(Blocking.LOCALLY_HARDWARE);
        pool.unblock(2, Blocking.LOCALLY_HARDWARE);
        assertThat(pool.seize(HuntingStrategy.SEQUENTIAL_UP)).hasValue(1);
        assertThat(pool.seize(HuntingStrategy.SEQUENTIAL_UP)).hasValue(2);
    }

    @Test
    void noFreeCircuitIsEmptyAndIncomingSeizureDetectsBusy() {
        CircuitPool pool = new CircuitPool(GROUP, 100);
        seizeAll(pool, HuntingStrategy.SEQUENTIAL_UP);
        assertThat(pool.seize(HuntingStrategy.SEQUENTIAL_UP)).isEmpty();
        assertThat(pool.seizeIncoming(2)).isFalse();
        assertThat(pool.seizeIncoming(9)).isFalse();
        pool.release(2);
        assertThat(pool.seizeIncoming(2)).isTrue();
    }

    @Test
    void groupMapsCicsToTimeslotsAndChecksItsRange() {
        assertThat(GROUP.timeslotOf(1)).isEqualTo(1);
        assertThat(GROUP.timeslotOf(4)).isEqualTo(4);
        assertThatThrownBy(() -> GROUP.timeslotOf(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitGroup("x", 1, 4090, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void higherPointCodeControlsEvenCics() {
        assertThat(DualSeizure.controls(300, 200, 2)).isTrue();
        assertThat(DualSeizure.controls(300, 200, 3)).isFalse();
        assertThat(DualSeizure.controls(200, 300, 3)).isTrue();
        assertThat(DualSeizure.controls(200, 300, 2)).isFalse();
    }
}
