package org.pstngw.tdm.framing;

import java.util.ArrayList;
import java.util.List;
import org.pstngw.tdm.spi.Alarm;

/** Records alarm changes as "+LOF" / "-LOF". */
final class RecordingAlarms implements AlarmListener {
    final List<String> changes = new ArrayList<>();

    @Override
    public void alarmChanged(Alarm alarm, boolean active) {
        changes.add((active ? "+" : "-") + alarm);
    }
}
