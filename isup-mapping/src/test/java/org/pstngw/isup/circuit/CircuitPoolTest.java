package org.pstngw.isup.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CircuitPoolTest {

    private static final CircuitGroup GROUP = CircuitGroup.contiguous("to-B", 200, 1, 4, "span0", 1);

    /** Hunts and occupies (as a call's state machine leaving idle would) until nothing is left. */
    private static List<Integer> seizeAll(CircuitPool pool, HuntingStrategy strategy) {
        List<Integer> order = new ArrayList<>();
        for (OptionalInt cic = pool.hunt(strategy); cic.isPresent(); cic = pool.hunt(strategy)) {
            order.add(cic.getAsInt());
            pool.occupied(cic.getAsInt());
        }
        return order;
    }

    private static CircuitPool pool(int ownPc) {
        return new CircuitPool(GROUP, DualSeizure.byPointCodes(ownPc, 200));
    }

    @Test
    void huntingProposesWithoutSeizing() {
        CircuitPool pool = pool(100);
        assertThat(pool.hunt(HuntingStrategy.SEQUENTIAL_UP)).hasValue(1);
        assertThat(pool.hunt(HuntingStrategy.SEQUENTIAL_UP)).hasValue(1);
        pool.occupied(1);
        assertThat(pool.hunt(HuntingStrategy.SEQUENTIAL_UP)).hasValue(2);
        assertThat(pool.hunt(HuntingStrategy.SEQUENTIAL_UP, 2)).hasValue(3);
    }

    @Test
    void sequentialUpAndDown() {
        assertThat(seizeAll(pool(100), HuntingStrategy.SEQUENTIAL_UP)).containsExactly(1, 2, 3, 4);
        assertThat(seizeAll(pool(100), HuntingStrategy.SEQUENTIAL_DOWN)).containsExactly(4, 3, 2, 1);
    }

    @Test
    void roundRobinContinuesAfterTheLastChoice() {
        CircuitPool pool = pool(100);
        assertThat(pool.hunt(HuntingStrategy.ROUND_ROBIN)).hasValue(1);
        assertThat(pool.hunt(HuntingStrategy.ROUND_ROBIN)).hasValue(2);
        pool.occupied(3);
        assertThat(pool.hunt(HuntingStrategy.ROUND_ROBIN)).hasValue(4);
        assertThat(pool.hunt(HuntingStrategy.ROUND_ROBIN)).hasValue(1);
    }

    @Test
    void leastRecentlyUsedTakesTheLongestIdle() {
        CircuitPool pool = pool(100);
        seizeAll(pool, HuntingStrategy.SEQUENTIAL_UP);
        pool.vacated(3);
        pool.vacated(1);
        pool.vacated(4);
        assertThat(pool.hunt(HuntingStrategy.LEAST_RECENTLY_USED)).hasValue(3);
        pool.occupied(3);
        assertThat(pool.hunt(HuntingStrategy.LEAST_RECENTLY_USED)).hasValue(1);
    }

    @Test
    void oddAndEvenFirstHuntOneParityUpThenTheOtherDown() {
        assertThat(seizeAll(pool(100), HuntingStrategy.ODD_FIRST)).containsExactly(1, 3, 4, 2);
        assertThat(seizeAll(pool(100), HuntingStrategy.EVEN_FIRST)).containsExactly(2, 4, 3, 1);
    }

    @Test
    void controlledFirstTakesOurCircuitsLongestIdleFirstThenTheOthersLastReleasedFirst() {
        // we are 100 < 200: the other side controls the even CICs, we control the odd ones (Q.764 2.9.1.4)
        CircuitPool pool = pool(100);
        seizeAll(pool, HuntingStrategy.SEQUENTIAL_UP);
        pool.vacated(3);
        pool.vacated(1);
        pool.vacated(2);
        pool.vacated(4);
        assertThat(seizeAll(pool, HuntingStrategy.CONTROLLED_FIRST)).containsExactly(3, 1, 4, 2);
        assertThat(seizeAll(pool(300), HuntingStrategy.CONTROLLED_FIRST)).containsExactly(2, 4, 1, 3);
    }

    @Test
    void blockedCircuitsAreNotHuntedUntilUnblockedOrRemoteBlockingIsCleared() {
        CircuitPool pool = pool(100);
        pool.block(1, Blocking.REMOTELY_MAINTENANCE);
        pool.block(2, Blocking.LOCALLY_HARDWARE);
        pool.block(3, Blocking.UNEQUIPPED_REMOTELY);
        assertThat(pool.available()).isEqualTo(1);
        assertThat(pool.hunt(HuntingStrategy.SEQUENTIAL_UP)).hasValue(4);
        pool.clearRemoteBlocking(1);
        assertThat(pool.blocking(1)).isEmpty();
        pool.clearRemoteBlocking(2);
        assertThat(pool.blocking(2)).containsExactly(Blocking.LOCALLY_HARDWARE);
        pool.unblock(2, Blocking.LOCALLY_HARDWARE);
        assertThat(seizeAll(pool, HuntingStrategy.SEQUENTIAL_UP)).containsExactly(1, 2, 4);
    }

    @Test
    void groupMapsCicsToItsTimeslotsAndChecksItsRange() {
        CircuitGroup skipping16 =
                new CircuitGroup("e1", 2, 14, "e1-a", List.of(14, 15, 17, 18), CircuitGroup.Direction.BOTH);
        assertThat(skipping16.timeslotOf(15)).isEqualTo(15);
        assertThat(skipping16.timeslotOf(16)).isEqualTo(17);
        assertThat(skipping16.lastCic()).isEqualTo(17);
        assertThat(GROUP.timeslotOf(4)).isEqualTo(4);
        assertThatThrownBy(() -> GROUP.timeslotOf(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CircuitGroup.contiguous("x", 1, 16380, 10, "s", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void higherPointCodeControlsEvenCicsUnlessAgreedOtherwise() {
        assertThat(DualSeizure.byPointCodes(300, 200).controls(2)).isTrue();
        assertThat(DualSeizure.byPointCodes(300, 200).controls(3)).isFalse();
        assertThat(DualSeizure.byPointCodes(200, 300).controls(3)).isTrue();
        assertThat(DualSeizure.byPointCodes(200, 300).controls(2)).isFalse();
        assertThat(new DualSeizure(DualSeizure.Control.ODD, 300, 200).controls(3))
                .isTrue();
        assertThat(new DualSeizure(DualSeizure.Control.EVEN, 200, 300).controls(2))
                .isTrue();
        assertThat(new DualSeizure(DualSeizure.Control.ALL, 200, 300).controls(3))
                .isTrue();
        assertThat(new DualSeizure(DualSeizure.Control.NONE, 300, 200).controls(2))
                .isFalse();
    }
}
