package org.pstngw.tdm.pseudowire;

/**
 * Adaptive clock recovery for one pseudowire: estimates how fast the far end's TDM clock runs
 * against ours, in parts per million, from two independent observations.
 *
 * <ul>
 *   <li>{@link #onArrival}: a least-squares line through (arrival time, packet number) gives the far
 *       end's packet rate; it is insensitive to packet delay variation that averages out.
 *   <li>{@link #onPlayout}: the jitter-buffer fill level, low-pass filtered, drives a PI controller
 *       whose output is the rate correction that would keep the fill where it settled, applied to a
 *       virtual playout clock. Its integral term converges to the far end's offset and is reported
 *       by {@link #fillPpm()}.
 * </ul>
 *
 * <p>Positive ppm: the far end runs fast (its packets arrive more often than nominal). The gateway's
 * software frame clock cannot be steered, so the figures are exposed for monitoring and for slip
 * decisions; the jitter buffer absorbs the drift until it slips (overflow/underrun). Time is given
 * by the caller in nanoseconds (a real or virtual clock). Confined to one thread.
 */
public final class AdaptiveClockRecovery {
    private final double nominalIntervalSeconds;
    private final double kp;
    private final double ki;
    private final double tauSeconds;

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
     */
    public AdaptiveClockRecovery(long nominalIntervalNanos, double kp, double ki, double tauSeconds) {
        if (nominalIntervalNanos <= 0 || tauSeconds <= 0 || kp < 0 || ki <= 0) {
            throw new IllegalArgumentException("interval, gains and time constant must be positive");
        }
        this.nominalIntervalSeconds = nominalIntervalNanos / 1e9;
        this.kp = kp;
        this.ki = ki;
        this.tauSeconds = tauSeconds;
    }

    /** Gains tuned for a 1 ms packet interval: settles within about a minute, damped (zeta about 0.6). */
    public static AdaptiveClockRecovery forInterval(long nominalIntervalNanos) {
        return new AdaptiveClockRecovery(nominalIntervalNanos, 160.0, 16.0, 1.0);
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
     * Feeds the fill level seen at one playout instant. The local playout clock is not steered (a
     * software gateway cannot pull its frame clock), so the controller steers a virtual one: the
     * packets that a clock running {@link #correctionPpm()} faster would have played are subtracted
     * from the fill, and the loop closes on that. The fill it holds is the one seen after {@code 2 tau}
     * of playout.
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
        virtualExtra += output * 1e-6 * dt / nominalIntervalSeconds;
        double error = filteredFill - virtualExtra - target;
        integral += ki * error * dt;
        output = kp * error + integral;
    }

    /** The PI controller's frequency estimate (its integral term), ppm. */
    public double fillPpm() {
        return integral;
    }

    /** The full rate correction the controller asks for (proportional plus integral), ppm. */
    public double correctionPpm() {
        return output;
    }

    public double filteredFill() {
        return filteredFill;
    }
}
