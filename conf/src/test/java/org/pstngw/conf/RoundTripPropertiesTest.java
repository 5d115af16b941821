package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.BitSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** What a value kind prints, it reads back to the same value. */
class RoundTripPropertiesTest {
    private final ValueKind<Duration> duration = ValueKinds.duration(Duration.ZERO, Duration.ofDays(365), "ms");

    @Property
    void durations(@ForAll @LongRange(min = 0, max = 365L * 24 * 3600 * 1000) long millis) {
        Duration d = Duration.ofMillis(millis);
        assertThat(duration.parse(duration.format(d))).isEqualTo(d);
    }

    @Property
    void timeslots(@ForAll @Size(min = 1, max = 31) Set<@IntRange(min = 1, max = 31) Integer> slots) {
        BitSet bits = new BitSet();
        slots.forEach(bits::set);
        Timeslots t = Timeslots.of(bits);
        assertThat(Timeslots.parse(t.toString())).isEqualTo(t);
        assertThat(t.list()).containsExactlyInAnyOrderElementsOf(slots);
    }

    @Property
    void ituPointCodes(
            @ForAll @IntRange(min = 0, max = 7) int zone,
            @ForAll @IntRange(min = 0, max = 255) int area,
            @ForAll @IntRange(min = 0, max = 7) int sp) {
        ValueKind<Integer> kind = ValueKinds.pointCode(Ss7Config.PointCodeFormat.ITU_3_8_3, 14);
        int value = kind.parse(zone + "-" + area + "-" + sp);
        assertThat(value).isEqualTo((zone << 11) | (area << 3) | sp);
        assertThat(kind.parse(Integer.toString(value))).isEqualTo(value);
    }
}
