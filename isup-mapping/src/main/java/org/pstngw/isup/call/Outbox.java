package org.pstngw.isup.call;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;
import org.pstngw.sipi.isup.IsupMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one unit of call-control work sends out: messages for the link, notices for the application, commands for the
 * media path. Transitions only queue here; {@link #flush} emits everything, in order, once the work is done, so no
 * listener or link callback ever runs inside a transition (STYLE 8). Confined to the call control's executor.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** One queued output. */
    sealed interface Output {
        record Send(IsupMessage message) implements Output {}

        record Notify(int cic, CallAction what, int cause, IsupMessage message) implements Output {}

        record Alert(int cic, MaintenanceAlert alert) implements Output {}

        /** Filled in by the re-attempt before the flush; told to the listener in its place in the queue. */
        final class Reattempt implements Output {
            final int fromCic;
            SetupResult result = new SetupResult.Refused(SetupResult.NO_CIRCUIT);

            Reattempt(int fromCic) {
                this.fromCic = fromCic;
            }
        }

        record Media(int cic, String what, Runnable command) implements Output {}

        /** Runs once everything queued before it has been emitted. */
        record Then(Runnable action) implements Output {}
    }

    private final Queue<Output> queue = new ArrayDeque<>();

    void add(Output output) {
        queue.add(output);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Emits everything queued (and whatever emitting queues in turn); a failing receiver does not stop the rest. */
    void flush(Consumer<IsupMessage> link, IsupCallListener listener) {
        for (Output o = queue.poll(); o != null; o = queue.poll()) {
            try {
                switch (o) {
                    case Output.Send s -> link.accept(s.message());
                    case Output.Notify n -> listener.onCallEvent(n.cic(), n.what(), n.cause(), n.message());
                    case Output.Alert a -> {
                        LOG.warn("CIC {}: maintenance alert {}", a.cic(), a.alert());
                        listener.onMaintenanceAlert(a.cic(), a.alert());
                    }
                    case Output.Reattempt r -> listener.onReattempt(r.fromCic, r.result);
                    case Output.Media m -> m.command().run();
                    case Output.Then t -> t.action().run();
                }
            } catch (RuntimeException e) {
                LOG.error("emitting {} failed", o, e);
            }
        }
    }
}
