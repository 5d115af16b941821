package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueKindsTest {
    private final ValueKind<Duration> duration = ValueKinds.duration(Duration.ZERO, Duration.ofHours(2), "ms");

    @ParameterizedTest
    @CsvSource({"500ms,500", "32s,32000", "3min,180000", "3m,180000", "1h,3600000", "250,250", "' 20 ms ',20"})
    void durationsTakeAUnit(String text, long millis) {
        assertThat(duration.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"500ms,500ms", "32s,32s", "180s,3min", "7200s,2h", "1500ms,1500ms", "0s,0s"})
    void durationsArePrintedInTheirLargestWholeUnit(String text, String printed) {
        assertThat(duration.format(duration.parse(text))).isEqualTo(printed);
    }

    @Test
    void durationErrorsNameTheDefect() {
        assertThatThrownBy(() -> duration.parse("5 days")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> duration.parse("-1s")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> duration.parse("3h")).hasMessage("3h is out of range 0s..2h");
    }

    @Test
    void ports() {
        ValueKind<Integer> port = ValueKinds.port(1);
        assertThat(port.parse("5060")).isEqualTo(5060);
        assertThat(port.parse("65535")).isEqualTo(65535);
        assertThatThrownBy(() -> port.parse("0")).hasMessage("0 is out of range 1..65535");
        assertThatThrownBy(() -> port.parse("5060x")).hasMessage("'5060x' is not an integer");
        assertThat(ValueKinds.port(0).parse("0")).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0,0", "16383,16383", "2-100-1,4897", "7-255-7,16383", "0-0-1,1"})
    void ituPointCodes(String text, int value) {
        assertThat(ValueKinds.pointCode(Ss7Config.PointCodeFormat.ITU_3_8_3, 14).parse(text))
                .isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"245-16-1,16060417", "255-255-255,16777215", "1-0-0,65536"})
    void ansiPointCodes(String text, int value) {
        assertThat(ValueKinds.pointCode(Ss7Config.PointCodeFormat.ANSI_8_8_8, 24)
                        .parse(text))
                .isEqualTo(value);
    }

    @Test
    void pointCodeErrors() {
        ValueKind<Integer> itu = ValueKinds.pointCode(Ss7Config.PointCodeFormat.ITU_3_8_3, 14);
        assertThatThrownBy(() -> itu.parse("1-256-0"))
                .hasMessage("'1-256-0': part 2 (256) is out of range 0..255 in 3-8-3 notation");
        assertThatThrownBy(() -> itu.parse("1-a-0")).hasMessage("'1-a-0' is not a point code in 3-8-3 notation");
        assertThatThrownBy(() -> ValueKinds.pointCode(Ss7Config.PointCodeFormat.ANSI_8_8_8, 14)
                        .parse("1-0-0"))
                .hasMessage("65536 is out of range 0..16383");
    }

    @Test
    void hostsAndAddresses() {
        ValueKind<String> ip = ValueKinds.ipAddress();
        assertThat(ip.parse("::1")).isEqualTo("::1");
        assertThat(ip.parse("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThatThrownBy(() -> ip.parse("10.0.0")).hasMessage("'10.0.0' is not an IP address");
        ValueKind<String> host = ValueKinds.host();
        assertThat(host.parse("sg1.example.net")).isEqualTo("sg1.example.net");
        assertThat(host.parse("fe80::1")).isEqualTo("fe80::1");
        assertThatThrownBy(() -> host.parse("-bad.example")).hasMessageContaining("is not an IP address or host name");
        assertThatThrownBy(() -> host.parse("1.2.3.400")).hasMessageContaining("is not an IP address or host name");
    }

    @Test
    void enumsAreWrittenLowerCaseWithDashes() {
        ValueKind<CircuitGroupConfig.Hunting> k = ValueKinds.enumOf(CircuitGroupConfig.Hunting.class);
        assertThat(k.parse("least-recently-used")).isEqualTo(CircuitGroupConfig.Hunting.LEAST_RECENTLY_USED);
        assertThat(k.parse("SEQUENTIAL_UP")).isEqualTo(CircuitGroupConfig.Hunting.SEQUENTIAL_UP);
        assertThat(k.format(CircuitGroupConfig.Hunting.ROUND_ROBIN)).isEqualTo("round-robin");
    }

    @Test
    void timeslotRangesRoundTrip() {
        Timeslots t = Timeslots.parse("1-15, 17-31");
        assertThat(t.size()).isEqualTo(30);
        assertThat(t.contains(16)).isFalse();
        assertThat(t).hasToString("1-15,17-31");
        assertThat(Timeslots.parse(t.toString())).isEqualTo(t);
        assertThat(Timeslots.parse("3,1,2")).hasToString("1-3");
        assertThatThrownBy(() -> Timeslots.parse("")).hasMessage("empty timeslot list");
    }

    @Test
    void networkIndicatorByNameOrCode() {
        assertThat(GatewayConfigLoader.parse("ss7:\n  network-indicator: 0\n", "n.yaml")
                        .ss7()
                        .networkIndicator())
                .isEqualTo(Ss7Config.NetworkIndicator.INTERNATIONAL);
        assertThat(GatewayConfigLoader.parse("ss7:\n  network-indicator: national-spare\n", "n.yaml")
                        .ss7()
                        .networkIndicator()
                        .code())
                .isEqualTo(3);
    }

    @Test
    void commaSeparatedListsAreAcceptedToo() {
        assertThat(GatewayConfigLoader.parse("media:\n  codecs: PCMU, PCMA\n", "l.yaml")
                        .media()
                        .codecs())
                .containsExactly("PCMU", "PCMA");
    }

    @Test
    void nearMissSuggestionUsesEditDistance() {
        assertThat(NodeReader.distance("transports", "tranports")).isEqualTo(1);
        assertThat(NodeReader.distance("kitten", "sitting")).isEqualTo(3);
    }
}
