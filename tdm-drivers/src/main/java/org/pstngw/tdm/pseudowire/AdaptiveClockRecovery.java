package org.pstngw.tdm.pseudowire;

/**
 * Adaptive clock recovery for one pseudowire: estimates how fast the far end's TDM clock runs
 * against ours, in parts per million, from two independent observations.
 *
 * <ul>
 *   <li>{@link #onArrival}: a least-squares line through (arrival time, packet number) gives the far
 *       end's packet rate; it is insensitive to packet delay variation that averages out.
 *   <li>{@link #onPlayout}: the jitter-buffer fill level, low-pass filtered, drives a PI controller
 *       whose output is the rate correction that would keep the fill at its target. Its integral
 *       term converges to the far end's offset and is reported by {@link #fillPpm()}.
 * </ul>
 *
 * <p>Positive ppm: the far end runs fast (its packets arrive more often than nominal). The gateway's
 * software frame clock cannot be steered, so the figures are exposed for monitoring and for slip
 * decisions; the jitter buffer absorbs the drift until it slips (overflow/underrun). Time is given
 * by the caller in nanoseconds (a real or virtual clock). Confined to one thread.
 */
public final class AdaptiveClockRecovery {
    private final double nominalIntervalSeconds;
    private final double targetFill;
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
    private double filteredFill;
    private double integral;
    private double output;

    /**
     * @param nominalIntervalNanos packet interval at the nominal rate (1 ms for 8 E1 frames)
     * @param targetFill fill level to hold, in packets (the jitter buffer depth)
     * @param kp proportional gain, ppm per packet of fill error
     * @param ki integral gain, ppm per packet-second of fill error
     * @param tauSeconds time constant of the fill level's low-pass filter
     */
    public AdaptiveClockRecovery(
            long nominalIntervalNanos, double targetFill, double kp, double ki, double tauSeconds) {
        if (nominalIntervalNanos <= 0 || tauSeconds <= 0 || kp < 0 || ki <= 0) {
            throw new IllegalArgumentException("interval, gains and time constant must be positive");
        }
        this.nominalIntervalSeconds = nominalIntervalNanos / 1e9;
        this.targetFill = targetFill;
        this.kp = kp;
        this.ki = ki;
        this.tauSeconds = tauSeconds;
        this.filteredFill = targetFill;
    }

    /** Gains tuned for a 1 ms packet interval: settles within about two minutes, damped (zeta about 0.6). */
    public static AdaptiveClockRecovery forInterval(long nominalIntervalNanos, double targetFill) {
        return new AdaptiveClockRecovery(nominalIntervalNanos, targetFill, 80.0, 4.0, 1.0);
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

    /** Feeds the fill level seen at one playout instant. */
    public void onPlayout(int fillLevel, long nanos) {
        if (lastPlayoutNanos == Long.MIN_VALUE) {
            lastPlayoutNanos = nanos;
            return;
        }
        double dt = (nanos - lastPlayoutNanos) / 1e9;
        lastPlayoutNanos = nanos;
        if (dt <= 0) {
            return;
        }
        filteredFill += (fillLevel - filteredFill) * Math.min(1.0, dt / tauSeconds);
        double error = filteredFill - targetFill;
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
