package org.pstngw.tdm.framing;

import org.pstngw.tdm.spi.Alarm;

/**
 * Loss of signal and AIS detection on the received bits (G.775): LOS when a whole frame (at least 193 consecutive
 * bits) is zero, cleared by the first frame with a one; AIS when each of two consecutive double-frame periods holds
 * fewer than 3 zeros and the signal is out of frame, cleared when each of two consecutive periods holds 3 or more.
 */
final class LineMonitor {
    private final int bitsPerFrame;
    private boolean los;
    private boolean ais;
    private int zerosInPeriod;
    private boolean half;
    private boolean previousLow;
    private boolean previousHigh;

    LineMonitor(int bitsPerFrame) {
        this.bitsPerFrame = bitsPerFrame;
    }

    /**
     * Accounts one frame.
     *
     * @param ones number of one bits in the frame
     * @param framed whether frame alignment is held (a framed signal is never AIS, however few its zeros)
     */
    void frame(int ones, boolean framed, AlarmListener listener) {
        int zeros = bitsPerFrame - ones;
        boolean nowLos = ones == 0;
        if (nowLos != los) {
            los = nowLos;
            listener.alarmChanged(Alarm.LOS, nowLos);
        }
        zerosInPeriod += zeros;
        half = !half;
        if (half) {
            return;
        }
        boolean low = zerosInPeriod < 3 && !framed;
        zerosInPeriod = 0;
        if (!ais && low && previousLow) {
            ais = true;
            listener.alarmChanged(Alarm.AIS, true);
        } else if (ais && !low && previousHigh) {
            ais = false;
            listener.alarmChanged(Alarm.AIS, false);
        }
        previousLow = low;
        previousHigh = !low;
    }

    boolean los() {
        return los;
    }

    boolean ais() {
        return ais;
    }
}
