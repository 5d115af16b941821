package org.pstngw.tdm.pseudowire;

/**
 * Adaptive clock recovery for one pseudowire: estimates how fast the far end's TDM clock runs against ours, in parts
 * per million, and (for a span with clock source line) the rate correction that makes the span follow it.
 *
 * <ul>
 *   <li>{@link #onArrival}: a least-squares line through (arrival time, packet number) gives the far end's packet
 *       rate ({@link #arrivalPpm()}); delay variation that averages out does not bias it.
 *   <li>{@link #onPlayout}: the jitter-buffer fill level, low-pass filtered, against the fill it settled at.
 * </ul>
 *
 * <p>Two uses:
 *
 * <ul>
 *   <li><em>steered</em> (clock source line): the span applies {@link #correctionPpm()} to its own timing, running a
 *       frame more or fewer now and then ({@link PseudowireSpan}). The correction is the arrival-rate estimate fed
 *       forward plus a slow PI term on the fill error, which brings the fill back to where it settled and removes
 *       what the estimate still gets wrong. The fill only moves in whole packets (arrivals are seen once per block),
 *       so the fill loop is kept slow (minutes) and gentle: a packet of error asks for 10 ppm.
 *   <li><em>monitoring</em> (clock source internal: we are the master and the far end follows us): nothing is
 *       steered; a faster PI loop closes on a virtual playout clock running {@link #correctionPpm()} fast, and its
 *       integral ({@link #fillPpm()}) is a second estimate of the far end's offset; the jitter buffer absorbs any
 *       drift until it slips.
 * </ul>
 *
 * Positive ppm: the far end runs fast (its packets arrive more often than nominal). Time is given by the caller in
 * nanoseconds (a real or virtual clock). Confined to one thread.
 */
public final class AdaptiveClockRecovery {
    /** Largest correction applied, ppm: beyond any clock within G.823's tolerance (+-50 ppm), ten times over. */
    public static final double MAX_CORRECTION_PPM = 500;

    /** Arrivals before the arrival-rate estimate is fed forward (2 s of 1 ms packets). */
    private static final long FEED_FORWARD_ARRIVALS = 2000;

    private final double nominalIntervalSeconds;
    private final double kp;
    private final double ki;
    private final double tauSeconds;
    private final boolean steered;

    private long originNanos = Long.MIN_VALUE;
    private long arrivals;
    private double meanT;
    private double meanN;
    private double covTN;
    private double varT;

    private long lastPlayoutNanos = Long.MIN_VALUE;
    private double sinceStart;
    private double filteredFill = Double.NaN;
    private double target = Double.NaN;
    private double virtualExtra;
    private double integral;
    private double output;

    /**
     * @param nominalIntervalNanos packet interval at the nominal rate (1 ms for 8 E1 frames)
     * @param kp proportional gain, ppm per packet of fill error
     * @param ki integral gain, ppm per packet-second of fill error
     * @param tauSeconds time constant of the fill level's low-pass filter
     * @param steered whether the caller applies {@link #correctionPpm()} to its timing (see the class comment)
     */
    public AdaptiveClockRecovery(long nominalIntervalNanos, double kp, double ki, double tauSeconds, boolean steered) {
        if (nominalIntervalNanos <= 0 || tauSeconds <= 0 || kp < 0 || ki <= 0) {
            throw new IllegalArgumentException("interval, gains and time constant must be positive");
        }
        this.nominalIntervalSeconds = nominalIntervalNanos / 1e9;
        this.kp = kp;
        this.ki = ki;
        this.tauSeconds = tauSeconds;
        this.steered = steered;
    }

    /** A monitoring instance: gains tuned for a 1 ms packet interval, settles within about a minute. */
    public static AdaptiveClockRecovery forInterval(long nominalIntervalNanos) {
        return forInterval(nominalIntervalNanos, false);
    }

    /**
     * Steered or monitoring, with gains scaled to the packet interval so that the loop, counted in packets, keeps its
     * shape: monitoring kp 160, ki 16 per 1 ms (damping about 0.6, a minute to settle); steered kp 10, ki 0.1 with a
     * 4 s filter (several minutes, over many whole-packet steps of the fill).
     */
    public static AdaptiveClockRecovery forInterval(long nominalIntervalNanos, boolean steered) {
        double scale = nominalIntervalNanos / 1e6;
        return steered
                ? new AdaptiveClockRecovery(nominalIntervalNanos, 10.0 * scale, 0.1 * scale, 4.0, true)
                : new AdaptiveClockRecovery(nominalIntervalNanos, 160.0 * scale, 16.0 * scale, 1.0, false);
    }

    public boolean steered() {
        return steered;
    }

    /** Records the arrival of the far end's {@code packetNumber}-th packet (unwrapped count). */
    public void onArrival(long packetNumber, long nanos) {
        if (originNanos == Long.MIN_VALUE) {
            originNanos = nanos;
        }
        double t = (nanos - originNanos) / 1e9;
        double n = packetNumber;
        arrivals++;
        double dt = t - meanT;
        meanT += dt / arrivals;
        meanN += (n - meanN) / arrivals;
        covTN += dt * (n - meanN);
        varT += dt * (t - meanT);
    }

    /** Far end's offset from arrivals alone, ppm; 0 until two arrivals spread in time are known. */
    public double arrivalPpm() {
        if (arrivals < 2 || varT <= 0) {
            return 0;
        }
        double packetsPerSecond = covTN / varT;
        return (packetsPerSecond * nominalIntervalSeconds - 1.0) * 1e6;
    }

    /**
     * Feeds the fill level seen at one playout instant. Steered, the fill already shows the correction applied;
     * monitoring, the packets that a clock running {@link #correctionPpm()} faster would have played are subtracted
     * from the fill, and the loop closes on that. The fill held is the one seen after {@code 2 tau} of playout.
     */
    public void onPlayout(int fillLevel, long nanos) {
        if (lastPlayoutNanos == Long.MIN_VALUE) {
            lastPlayoutNanos = nanos;
            filteredFill = fillLevel;
            return;
        }
        double dt = (nanos - lastPlayoutNanos) / 1e9;
        lastPlayoutNanos = nanos;
        if (dt <= 0) {
            return;
        }
        filteredFill += (fillLevel - filteredFill) * Math.min(1.0, dt / tauSeconds);
        sinceStart += dt;
        if (Double.isNaN(target)) {
            if (sinceStart >= 2 * tauSeconds) {
                target = filteredFill;
            }
            return;
        }
        double forward = 0;
        if (steered) {
            forward = arrivals >= FEED_FORWARD_ARRIVALS ? arrivalPpm() : 0;
        } else {
            virtualExtra += output * 1e-6 * dt / nominalIntervalSeconds;
        }
        double error = filteredFill - virtualExtra - target;
        integral += ki * error * dt;
        output = Math.max(-MAX_CORRECTION_PPM, Math.min(MAX_CORRECTION_PPM, forward + kp * error + integral));
    }

    /**
     * The controller's estimate of the far end's offset, ppm: monitoring, the PI integral; steered, the arrival
     * estimate fed forward plus the integral.
     */
    public double fillPpm() {
        return steered && arrivals >= FEED_FORWARD_ARRIVALS ? arrivalPpm() + integral : integral;
    }

    /** The full rate correction the controller asks for, ppm (applied when steered). */
    public double correctionPpm() {
        return output;
    }

    public double filteredFill() {
        return filteredFill;
    }

    /** The fill level the loop holds (NaN until it settled, {@code 2 tau} after the first playout). */
    public double targetFill() {
        return target;
    }
}
