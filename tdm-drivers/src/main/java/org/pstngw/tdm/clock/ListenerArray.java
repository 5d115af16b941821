package org.pstngw.tdm.clock;

import java.util.Arrays;

/** Copy-on-write listener array: iteration without allocation or locks on the clock thread. */
final class ListenerArray {
    private volatile FrameListener[] listeners = new FrameListener[0];

    synchronized void add(FrameListener listener) {
        FrameListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
    }

    @SuppressWarnings("ReferenceEquality") // a listener is removed by identity, as it was added
    synchronized void remove(FrameListener listener) {
        FrameListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                FrameListener[] next = new FrameListener[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                listeners = next;
                return;
            }
        }
    }

    void fire(long firstFrame, int frames) {
        for (FrameListener listener : listeners) {
            listener.onFrames(firstFrame, frames);
        }
    }
}
