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

    @Property(tries = 300)
    void anyTextIsAConfigOrAConfigExceptionNeverAParserCrash(@ForAll String text) {
        try {
            assertThat(GatewayConfigLoader.parse(text, "fuzz.yaml")).isNotNull();
        } catch (ConfigException e) {
            assertThat(e.errors())
                    .isNotEmpty()
                    .allSatisfy(err -> assertThat(err.file()).isEqualTo("fuzz.yaml"));
        }
    }

    @Property(tries = 200)
    void anyValueOfAnyTopSectionSettingIsAcceptedOrReportedOnItsLine(
            @ForAll("sectionKeys") String sectionKey, @ForAll @net.jqwik.api.constraints.AlphaChars String value) {
        int dot = sectionKey.indexOf('.');
        String yaml = "# header\n" + sectionKey.substring(0, dot) + ":\n  " + sectionKey.substring(dot + 1) + ": x"
                + value + "\n";
        try {
            GatewayConfigLoader.parse(yaml, "f.yaml");
        } catch (ConfigException e) {
            assertThat(e.errors()).allSatisfy(err -> assertThat(err.line()).isBetween(2, 3));
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> sectionKeys() {
        return net.jqwik.api.Arbitraries.of(ConfigSchema.sections().stream()
                .filter(s -> !s.path().contains(".") && !s.path().contains("["))
                .flatMap(s -> s.settings().stream().map(st -> s.path() + "." + st.key()))
                .toList());
    }
}
