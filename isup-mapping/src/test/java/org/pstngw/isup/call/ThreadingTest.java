package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pstngw.isup.circuit.CircuitGroup;
import org.pstngw.isup.link.DestinationState;
import org.pstngw.isup.link.IsupLink;
import org.pstngw.isup.link.IsupPdu;
import org.pstngw.sipi.isup.BackwardCallIndicators;
import org.pstngw.sipi.isup.DecodeResult;
import org.pstngw.sipi.isup.IsupCodec;
import org.pstngw.sipi.isup.IsupMessage;
import org.pstngw.sipi.isup.IsupMessageType;
import org.pstngw.sipi.isup.IsupMessages;
import org.pstngw.sipi.isup.IsupVariant;
import org.pstngw.sipi.isup.RangeAndStatus;

/**
 * The threading model under load: the application calls from many threads, the far end answers on its own threads,
 * timers run on a timer thread; all state stays on the control's serial executor and every cycle completes.
 */
@Timeout(60)
class ThreadingTest {

    /**
     * A far end on its own threads: ACM+ANM for an IAM, RLC for a REL or RSC. Like the M3UA link, one thread per SLS
     * keeps each circuit's messages in order while different circuits arrive concurrently.
     */
    private static final class Echo implements IsupLink {
        final ExecutorService[] far = {
            Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor()
        };
        volatile IsupCallControl control;

        @Override
        public boolean send(IsupPdu pdu) {
            IsupMessage m = ((DecodeResult.Decoded) IsupCodec.decode(pdu.payload(), IsupVariant.ITU)).message();
            if (m.type().equals(IsupMessageType.IAM)) {
                deliver(IsupMessages.acm(m.cic(), new BackwardCallIndicators(0)));
                deliver(IsupMessages.anm(m.cic()));
            } else if (m.type().equals(IsupMessageType.REL) || m.type().equals(IsupMessageType.RSC)) {
                deliver(IsupMessages.rlc(m.cic()));
            } else if (m.type().equals(IsupMessageType.GRS)) {
                deliver(IsupMessages.gra(
                        m.cic(),
                        RangeAndStatus.of(m.rangeAndStatus().orElseThrow().range())));
            }
            return true;
        }

        private void deliver(IsupMessage m) {
            byte[] payload = IsupCodec.encode(m, IsupVariant.ITU).orElseThrow();
            far[m.cic() % far.length].execute(() -> {
                while (control == null) {
                    Thread.onSpinWait(); // the start-up GRS can go out before the test holds the control
                }
                control.onPdu(new IsupPdu(2, 1, m.cic() & 15, 2, payload));
            });
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public void setListener(Listener listener) {}

        @Override
        public DestinationState state(int dpc) {
            return DestinationState.AVAILABLE;
        }

        @Override
        public int ownPointCode() {
            return 1;
        }
    }

    @Test
    void callsFromManyThreadsAllCompleteAndNoCircuitStaysBusy() throws Exception {
        int threads = 4;
        int cyclesPerThread = 300;
        Echo far = new Echo();
        ExecutorService control = Executors.newFixedThreadPool(2);
        WheelScheduler timers = new WheelScheduler("threading-test");
        ExecutorService app = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads * cyclesPerThread);
        AtomicInteger answered = new AtomicInteger();
        Set<String> offThread = ConcurrentHashMap.newKeySet();
        try {
            IsupCallControl cc = IsupCallControl.builder(far, CircuitGroup.contiguous("g", 2, 1, 16, "span0", 1))
                    .scheduler(timers)
                    .executor(control)
                    .listener(new IsupCallListener() {
                        @Override
                        public void onCallEvent(int cic, CallAction what, int cause, IsupMessage message) {
                            if (what == CallAction.NOTIFY_ANSWER) {
                                answered.incrementAndGet();
                                far.control.release(cic, 16);
                            } else if (what == CallAction.NOTIFY_RELEASE_COMPLETE) {
                                done.countDown();
                            }
                        }

                        @Override
                        public void onReattempt(int fromCic, SetupResult result) {
                            offThread.add("unexpected re-attempt on " + fromCic);
                        }
                    })
                    .build();
            far.control = cc;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!cc.ready() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(cc.ready()).as("start-up GRS acknowledged").isTrue();
            for (int t = 0; t < threads; t++) {
                app.execute(() -> {
                    for (int i = 0; i < cyclesPerThread; i++) {
                        SetupResult r;
                        do {
                            r = cc.setup(ControlHarness.IAM)
                                    .toCompletableFuture()
                                    .join();
                            if (r instanceof SetupResult.Refused) {
                                Thread.onSpinWait();
                            }
                        } while (r instanceof SetupResult.Refused);
                    }
                });
            }
            assertThat(done.await(40, TimeUnit.SECONDS))
                    .as("cycles left: %d", done.getCount())
                    .isTrue();
            assertThat(answered).hasValue(threads * cyclesPerThread);
            assertThat(offThread).isEmpty();
            List<CallState> states = new ArrayList<>();
            for (int cic = 1; cic <= 16; cic++) {
                states.add(cc.state(cic).toCompletableFuture().get(5, TimeUnit.SECONDS));
            }
            assertThat(states).containsOnly(CallState.IDLE);
            assertThat(cc.maintenance().available().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo(16);
            assertThat(timers.pending())
                    .as("cancelled T7/T9/T1/T5 removed from the timer queue")
                    .isZero();
        } finally {
            app.shutdownNow();
            control.shutdownNow();
            for (ExecutorService e : far.far) {
                e.shutdownNow();
            }
            timers.close();
        }
    }

    @Test
    void cancelledTimersAreCountedOutAtOnce() {
        try (WheelScheduler timers = new WheelScheduler("cancel-test")) {
            List<Scheduler.Cancellable> handles = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                handles.add(timers.schedule(Duration.ofMinutes(5), () -> {}));
            }
            assertThat(timers.pending()).isEqualTo(10_000);
            handles.forEach(Scheduler.Cancellable::cancel);
            assertThat(timers.pending()).isZero();
        }
    }
}
