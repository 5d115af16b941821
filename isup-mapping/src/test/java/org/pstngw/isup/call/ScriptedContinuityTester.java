package org.pstngw.isup.call;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link ContinuityTester} for tests, standing in for the media engine's (which will connect the loop and the
 * transceiver on the circuit's timeslot): it records what call control asks and answers each tone test with the next
 * scripted result, or holds the test open until {@link #answer} when nothing is scripted.
 */
final class ScriptedContinuityTester implements ContinuityTester {

    final List<String> calls = new ArrayList<>();
    final Deque<ToneResult> script = new ArrayDeque<>();
    private final Deque<Consumer<ToneResult>> open = new ArrayDeque<>();

    ScriptedContinuityTester then(ToneResult... results) {
        script.addAll(List.of(results));
        return this;
    }

    /** Answers the oldest open tone test. */
    void answer(ToneResult result) {
        open.removeFirst().accept(result);
    }

    @Override
    public void connectLoop(int cic) {
        calls.add("loop+" + cic);
    }

    @Override
    public void disconnectLoop(int cic) {
        calls.add("loop-" + cic);
    }

    @Override
    public void startToneTest(int cic, Consumer<ToneResult> result) {
        calls.add("tone+" + cic);
        ToneResult next = script.poll();
        if (next == null) {
            open.add(result);
        } else {
            result.accept(next);
        }
    }

    @Override
    public void stopToneTest(int cic) {
        calls.add("tone-" + cic);
    }
}
