package org.pstngw.isup.link;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The ISUP availability test (Q.764 2.13.2, Annex A timer T4) for destinations whose ISUP was reported unavailable
 * by MTP-STATUS: a user part test message (UPT) goes out at once and again at every T4 expiry, until a user part
 * available message (UPA) or any other ISUP message arrives from that destination, or MTP pauses it.
 *
 * <pre>
 *   MTP-STATUS (user part unavailable) --> send UPT, start T4 --+--> T4 expiry: send UPT, restart T4
 *                                                               +--> UPA or any message received: stop T4, available
 *                                                               +--> MTP-PAUSE: stop T4 (MTP now owns the state)
 * </pre>
 *
 * <p>UPT and UPA (Q.763 Table 44) carry only the message type and an empty optional part. All methods run on the
 * link's control executor; {@link #active()} may be read from any thread.
 */
final class UserPartTest {

    /** User part test, Q.763 Table 4. */
    static final int UPT = 0x34;
    /** User part available, Q.763 Table 4. */
    static final int UPA = 0x35;

    private final ScheduledExecutorService control;
    private final Duration interval;
    private final IntConsumer sendTest;
    private final Map<Integer, ScheduledFuture<?>> testing = new HashMap<>();
    private volatile boolean active;

    /**
     * @param control the executor every call comes from, also running T4
     * @param interval T4
     * @param sendTest sends one UPT to the given DPC
     */
    UserPartTest(ScheduledExecutorService control, Duration interval, IntConsumer sendTest) {
        this.control = control;
        this.interval = interval;
        this.sendTest = sendTest;
    }

    /** Starts testing the DPC (no-op if already testing it). */
    void start(int dpc) {
        if (testing.containsKey(dpc)) {
            return;
        }
        testing.put(dpc, schedule(dpc));
        active = true;
        // after marking the test active: the answer may come back before sendTest returns
        sendTest.accept(dpc);
    }

    /** Stops testing the DPC; true if a test was running. */
    boolean stop(int dpc) {
        ScheduledFuture<?> t4 = testing.remove(dpc);
        if (t4 != null) {
            t4.cancel(false);
        }
        active = !testing.isEmpty();
        return t4 != null;
    }

    boolean testing(int dpc) {
        return testing.containsKey(dpc);
    }

    /** Whether any destination is under test (read on the PDU path to decide whether to report traffic). */
    boolean active() {
        return active;
    }

    private ScheduledFuture<?> schedule(int dpc) {
        return control.schedule(() -> expired(dpc), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expired(int dpc) {
        if (testing.containsKey(dpc)) {
            testing.put(dpc, schedule(dpc));
            sendTest.accept(dpc);
        }
    }

    /** A UPT or UPA payload on the CIC: CIC (2 octets, low first), message type, optional part pointer 0. */
    static byte[] message(int type, int cic) {
        return new byte[] {(byte) cic, (byte) ((cic >> 8) & 0x3F), (byte) type, 0x00};
    }

    /** The UPA for a received UPT, on the UPT's CIC octets as they came (whatever the variant's CIC width). */
    static byte[] answer(IsupPdu upt) {
        return new byte[] {upt.payloadByte(0), upt.payloadByte(1), (byte) UPA, 0x00};
    }
}
