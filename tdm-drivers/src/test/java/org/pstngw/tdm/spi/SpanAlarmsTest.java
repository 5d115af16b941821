package org.pstngw.tdm.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpanAlarmsTest {
    @Test
    void theFourDefectsAreNamedAndADriversOwnStatePassesThrough() {
        assertThat(Alarm.standard()).containsExactly(Alarm.LOS, Alarm.LOF, Alarm.AIS, Alarm.RAI);
        assertThat(Alarm.valueOf("LOF")).isSameAs(Alarm.LOF);
        Alarm loopback = Alarm.driverSpecific("DAHDI_LOOPBACK", false, "span in loopback at the card");
        assertThat(loopback.isKnown()).isFalse();
        assertThat(loopback).isEqualTo(Alarm.valueOf("DAHDI_LOOPBACK")).hasToString("DAHDI_LOOPBACK");
        assertThat(Alarm.driverSpecific("AIS", false, "x")).isSameAs(Alarm.AIS);
        assertThat(Alarm.LOS.receiveFailure()).isTrue();
        assertThat(Alarm.RAI.receiveFailure()).isFalse();
        assertThat(Alarm.NO_CRC4_MULTIFRAME.receiveFailure()).isFalse();
    }

    @Test
    void eventsForEachChangeAndInSyncWhenTheLastReceiveFailureClears() {
        SpanAlarms alarms = new SpanAlarms("s", Set.of(Alarm.LOF));
        List<SpanEvent> events = new ArrayList<>();
        alarms.listener(events::add);
        Alarm notOpen = Alarm.driverSpecific("NOT_OPEN", true, "the card has not opened the span");
        alarms.set(notOpen, true);
        alarms.set(Alarm.LOF, false);
        alarms.set(Alarm.LOF, false);
        alarms.set(Alarm.RAI, true);
        assertThat(alarms.receiving()).isFalse();
        alarms.set(notOpen, false);
        assertThat(alarms.active()).containsExactly(Alarm.RAI);
        assertThat(events)
                .containsExactly(
                        new SpanEvent.AlarmRaised("s", notOpen),
                        new SpanEvent.AlarmCleared("s", Alarm.LOF),
                        new SpanEvent.AlarmRaised("s", Alarm.RAI),
                        new SpanEvent.AlarmCleared("s", notOpen),
                        new SpanEvent.InSync("s"));
    }
}
