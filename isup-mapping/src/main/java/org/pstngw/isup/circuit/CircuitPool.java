package org.pstngw.isup.circuit;

import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The circuits of one group: which are in use, which blocked, and hunting for a free one.
 *
 * <p>"In use" is not decided here: it mirrors the circuits' call state machines, which report every change to and
 * from idle ({@link #occupied}, {@link #vacated}). Hunting only proposes a circuit that is idle and unblocked; the
 * caller then seizes it by starting the outgoing call on its state machine. Not thread-safe: owned by the call
 * control's executor.
 */
public final class CircuitPool {

    private final CircuitGroup group;
    private final DualSeizure glare;
    private final boolean[] inUse;
    private final long[] lastReleased;
    private final EnumSet<Blocking>[] blocking;
    private long tick;
    private int roundRobinNext;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public CircuitPool(CircuitGroup group, DualSeizure glare) {
        this.group = group;
        this.glare = glare;
        this.inUse = new boolean[group.count()];
        this.lastReleased = new long[group.count()];
        this.blocking = new EnumSet[group.count()];
        for (int i = 0; i < blocking.length; i++) {
            blocking[i] = EnumSet.noneOf(Blocking.class);
        }
    }

    public CircuitGroup group() {
        return group;
    }

    public DualSeizure glare() {
        return glare;
    }

    /**
     * Proposes an idle, unblocked circuit for an outgoing call; empty when none is left (the caller refuses with
     * cause 34). Nothing changes until the call's state machine leaves idle.
     */
    public OptionalInt hunt(HuntingStrategy strategy) {
        int chosen = switch (strategy) {
            case SEQUENTIAL_UP -> firstFree(0, 1);
            case SEQUENTIAL_DOWN -> firstFree(group.count() - 1, -1);
            case ROUND_ROBIN -> roundRobin();
            case LEAST_RECENTLY_USED -> byRelease(i -> true, true);
            case ODD_FIRST -> parityFirst(1);
            case EVEN_FIRST -> parityFirst(0);
            case CONTROLLED_FIRST -> controlledFirst();
        };
        return chosen < 0 ? OptionalInt.empty() : OptionalInt.of(group.firstCic() + chosen);
    }

    /** As {@link #hunt(HuntingStrategy)}, never proposing {@code excludedCic} (a re-attempt goes elsewhere). */
    public OptionalInt hunt(HuntingStrategy strategy, int excludedCic) {
        if (!group.contains(excludedCic)) {
            return hunt(strategy);
        }
        int i = index(excludedCic);
        boolean was = inUse[i];
        inUse[i] = true;
        try {
            return hunt(strategy);
        } finally {
            inUse[i] = was;
        }
    }

    /** The circuit's state machine left idle (a call, a reset or a test began). */
    public void occupied(int cic) {
        inUse[index(cic)] = true;
    }

    /** The circuit's state machine returned to idle. */
    public void vacated(int cic) {
        int i = index(cic);
        inUse[i] = false;
        lastReleased[i] = ++tick;
    }

    public boolean isInUse(int cic) {
        return inUse[index(cic)];
    }

    public void block(int cic, Blocking kind) {
        blocking[index(cic)].add(kind);
    }

    public void unblock(int cic, Blocking kind) {
        blocking[index(cic)].remove(kind);
    }

    public boolean isBlocked(int cic, Blocking kind) {
        return blocking[index(cic)].contains(kind);
    }

    public Set<Blocking> blocking(int cic) {
        return Set.copyOf(blocking[index(cic)]);
    }

    /**
     * RSC or GRS sent or received: the remote blocking states are removed (Q.764 2.9.3.1 iv, 2.9.3.2). Local
     * blocking stays (and is announced again by the maintenance procedures).
     */
    public void clearRemoteBlocking(int cic) {
        blocking[index(cic)].removeIf(Blocking::isRemote);
    }

    /** Number of circuits an outgoing call could use now. */
    public int available() {
        int n = 0;
        for (int i = 0; i < inUse.length; i++) {
            n += free(i) ? 1 : 0;
        }
        return n;
    }

    private boolean free(int i) {
        return !inUse[i] && blocking[i].isEmpty();
    }

    private int firstFree(int from, int step) {
        for (int i = from; i >= 0 && i < inUse.length; i += step) {
            if (free(i)) {
                return i;
            }
        }
        return -1;
    }

    private int roundRobin() {
        int n = inUse.length;
        for (int k = 0; k < n; k++) {
            int i = (roundRobinNext + k) % n;
            if (free(i)) {
                roundRobinNext = (i + 1) % n;
                return i;
            }
        }
        return -1;
    }

    private int parityFirst(int parity) {
        for (int i = 0; i < inUse.length; i++) {
            if (((group.firstCic() + i) & 1) == parity && free(i)) {
                return i;
            }
        }
        for (int i = inUse.length - 1; i >= 0; i--) {
            if (((group.firstCic() + i) & 1) != parity && free(i)) {
                return i;
            }
        }
        return -1;
    }

    private int controlledFirst() {
        int controlled = byRelease(i -> glare.controls(group.firstCic() + i), true);
        return controlled >= 0 ? controlled : byRelease(i -> !glare.controls(group.firstCic() + i), false);
    }

    /** The free circuit passing {@code filter} released the longest ago ({@code oldest}) or most recently. */
    private int byRelease(java.util.function.IntPredicate filter, boolean oldest) {
        int chosen = -1;
        for (int i = 0; i < inUse.length; i++) {
            if (free(i) && filter.test(i)) {
                if (chosen < 0
                        || (oldest ? lastReleased[i] < lastReleased[chosen] : lastReleased[i] > lastReleased[chosen])) {
                    chosen = i;
                }
            }
        }
        return chosen;
    }

    private int index(int cic) {
        if (!group.contains(cic)) {
            throw new IllegalArgumentException("CIC " + cic + " not in group " + group.name());
        }
        return cic - group.firstCic();
    }
}
