package org.pstngw.tdm.framing;

import org.pstngw.tdm.spi.Alarm;

/** Told by a deframer when an alarm changes; called on the frame thread, must not block. */
@FunctionalInterface
public interface AlarmListener {
    AlarmListener NONE = (alarm, active) -> {};

    void alarmChanged(Alarm alarm, boolean active);
}
