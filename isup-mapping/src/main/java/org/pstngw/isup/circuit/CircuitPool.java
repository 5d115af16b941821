package org.pstngw.isup.circuit;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The circuits of one group: which are busy, which blocked, and hunting for a free one. Not thread-safe: owned by
 * the group's executor.
 */
public final class CircuitPool {

    private final CircuitGroup group;
    private final int ownPc;
    private final boolean[] busy;
    private final long[] lastReleased;
    private final EnumSet<Blocking>[] blocking;
    private long tick;
    private int roundRobinNext;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public CircuitPool(CircuitGroup group, int ownPc) {
        this.group = group;
        this.ownPc = ownPc;
        this.busy = new boolean[group.count()];
        this.lastReleased = new long[group.count()];
        this.blocking = new EnumSet[group.count()];
        for (int i = 0; i < blocking.length; i++) {
            blocking[i] = EnumSet.noneOf(Blocking.class);
        }
    }

    public CircuitGroup group() {
        return group;
    }

    /** Chooses and seizes a free, unblocked circuit; empty when none is left (the caller refuses with cause 34). */
    public OptionalInt seize(HuntingStrategy strategy) {
        int n = group.count();
        int chosen = -1;
        switch (strategy) {
            case SEQUENTIAL_UP -> {
                for (int i = 0; i < n && chosen < 0; i++) {
                    chosen = free(i) ? i : -1;
                }
            }
            case SEQUENTIAL_DOWN -> {
                for (int i = n - 1; i >= 0 && chosen < 0; i--) {
                    chosen = free(i) ? i : -1;
                }
            }
            case ROUND_ROBIN -> {
                for (int k = 0; k < n && chosen < 0; k++) {
                    int i = (roundRobinNext + k) % n;
                    chosen = free(i) ? i : -1;
                }
                if (chosen >= 0) {
                    roundRobinNext = (chosen + 1) % n;
                }
            }
            case LEAST_RECENTLY_USED -> {
                for (int i = 0; i < n; i++) {
                    if (free(i) && (chosen < 0 || lastReleased[i] < lastReleased[chosen])) {
                        chosen = i;
                    }
                }
            }
            case CONTROLLED_FIRST -> {
                for (int i = 0; i < n && chosen < 0; i++) {
                    chosen = free(i) && DualSeizure.controls(ownPc, group.dpc(), group.firstCic() + i) ? i : -1;
                }
                for (int i = n - 1; i >= 0 && chosen < 0; i--) {
                    chosen = free(i) ? i : -1;
                }
            }
        }
        if (chosen < 0) {
            return OptionalInt.empty();
        }
        busy[chosen] = true;
        return OptionalInt.of(group.firstCic() + chosen);
    }

    /** Marks a circuit busy for an incoming call; false if it was already busy (dual seizure) or unequipped. */
    public boolean seizeIncoming(int cic) {
        if (!group.contains(cic) || busy[cic - group.firstCic()]) {
            return false;
        }
        busy[cic - group.firstCic()] = true;
        return true;
    }

    /** Returns a circuit to idle (its call state machine reached IDLE). */
    public void release(int cic) {
        int i = index(cic);
        busy[i] = false;
        lastReleased[i] = ++tick;
    }

    public boolean isBusy(int cic) {
        return busy[index(cic)];
    }

    public void block(int cic, Blocking kind) {
        blocking[index(cic)].add(kind);
    }

    public void unblock(int cic, Blocking kind) {
        blocking[index(cic)].remove(kind);
    }

    public Set<Blocking> blocking(int cic) {
        return Set.copyOf(blocking[index(cic)]);
    }

    /** GRS/RSC: remote blocking is cleared (Q.764 2.9.3.1 / 2.9.3.2: the reset removes the remote blocked state). */
    public void reset(int cic) {
        int i = index(cic);
        blocking[i].remove(Blocking.REMOTELY_MAINTENANCE);
        blocking[i].remove(Blocking.REMOTELY_HARDWARE);
        busy[i] = false;
        lastReleased[i] = ++tick;
    }

    /** Number of circuits a call could use now. */
    public int available() {
        int free = 0;
        for (int i = 0; i < busy.length; i++) {
            free += free(i) ? 1 : 0;
        }
        return free;
    }

    private boolean free(int i) {
        return !busy[i] && blocking[i].isEmpty();
    }

    private int index(int cic) {
        if (!group.contains(cic)) {
            throw new IllegalArgumentException("CIC " + cic + " not in group " + group.name());
        }
        return cic - group.firstCic();
    }
}
