package org.pstngw.tdm.framing;

import org.pstngw.tdm.spi.Alarm;

/**
 * The T1 yellow alarm (RAI) a deframer reads from the far end's indication, per frame (D4: bit 2 of every channel) or
 * per data-link bit (ESF: the 11111111 00000000 pattern): raised after {@code threshold} yellow indications in a row,
 * cleared after as many clear ones, reported to the listener when it changes.
 */
final class YellowAlarm {
    private final AlarmListener listener;
    private boolean on;
    private int yellowRun;
    private int clearRun;

    YellowAlarm(AlarmListener listener) {
        this.listener = listener;
    }

    /** One indication: yellow or clear. */
    void observe(boolean yellow, int threshold) {
        if (yellow) {
            clearRun = 0;
            if (!on && ++yellowRun >= threshold) {
                set(true);
            }
        } else {
            yellowRun = 0;
            if (on && ++clearRun >= threshold) {
                set(false);
            }
        }
    }

    /** Sets the alarm (e.g. cleared when alignment is lost), starting both runs again. */
    void set(boolean value) {
        yellowRun = 0;
        clearRun = 0;
        if (on != value) {
            on = value;
            listener.alarmChanged(Alarm.RAI, value);
        }
    }

    boolean on() {
        return on;
    }
}
