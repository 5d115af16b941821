package org.pstngw.conf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pstngw.conf.EmbeddedExchangeConfig.Behaviour;
import org.pstngw.conf.EmbeddedExchangeConfig.NumberRule;

class EmbeddedExchangeConfigTest {

    private static EmbeddedExchangeConfig parse(String exchange) {
        return GatewayConfigLoader.parse("ss7:\n  embedded-exchange:\n" + exchange, "g.yaml")
                .ss7()
                .embeddedExchange();
    }

    @Test
    void numbersAreReadWithTheirParameters() {
        EmbeddedExchangeConfig ex = parse("""
                    answer-delay: 250ms
                    numbers:
                      - prefix: "55"
                        behaviour: answer
                        delay: 3s
                      - prefix: "56"
                        behaviour: reject
                        cause: 34
                      - prefix: "57"
                        behaviour: overlap
                        digits: 6
                        then: progress
                        progress-delay: 100ms
                      - prefix: "58"
                        behaviour: release-after
                        hold: 2min
                """);
        assertThat(ex.answerDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(ex.numbers()).hasSize(4);
        NumberRule answer = ex.numbers().get(0);
        assertThat(answer.prefix()).isEqualTo("55");
        assertThat(answer.behaviour()).isEqualTo(Behaviour.ANSWER);
        assertThat(answer.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ex.numbers().get(1).cause()).isEqualTo(34);
        NumberRule overlap = ex.numbers().get(2);
        assertThat(overlap.digits()).isEqualTo(6);
        assertThat(overlap.then()).isEqualTo(Behaviour.PROGRESS);
        assertThat(overlap.progressDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(ex.numbers().get(3).hold()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void circuitsDefaultToTheCicRangeOfTheCircuitGroups() {
        EmbeddedExchangeConfig carrier =
                GatewayConfigLoader.loadProfile("carrier-interconnect").ss7().embeddedExchange();
        assertThat(carrier.firstCic()).isEqualTo(1);
        assertThat(carrier.circuits()).isEqualTo(62);
        assertThat(carrier.numbers()).isEqualTo(EmbeddedExchangeSection.DEFAULT_NUMBERS);

        EmbeddedExchangeConfig own = parse("    first-cic: 100\n    circuits: 8\n");
        assertThat(own.firstCic()).isEqualTo(100);
        assertThat(own.circuits()).isEqualTo(8);
    }

    @Test
    void theDefaultNumbersGiveEveryOutcome() {
        assertThat(GatewayConfigLoader.defaults().ss7().embeddedExchange().numbers())
                .extracting(NumberRule::behaviour)
                .contains(
                        Behaviour.BUSY,
                        Behaviour.UNALLOCATED,
                        Behaviour.CONGESTION,
                        Behaviour.REJECT,
                        Behaviour.NO_ANSWER,
                        Behaviour.SILENT,
                        Behaviour.PROGRESS,
                        Behaviour.CONNECT,
                        Behaviour.RELEASE_AFTER,
                        Behaviour.OVERLAP);
    }

    @Test
    void mistakesAreReportedWithTheirPlace() {
        assertThatThrownBy(() -> parse("    numbers:\n      - prefix: 12a\n"))
                .hasMessageContaining("ss7.embedded-exchange.numbers[0].prefix: '12a' is not 1 to 32 digits");
        assertThatThrownBy(() -> parse("    numbers:\n      - prefix: \"1\"\n      - prefix: \"1\"\n"))
                .hasMessageContaining("ss7.embedded-exchange.numbers[1].prefix: prefix 1 has two rules");
        assertThatThrownBy(() -> parse("    numbers:\n      - {prefix: \"7\", behaviour: overlap, then: overlap}\n"))
                .hasMessageContaining("ss7.embedded-exchange.numbers[0].then");
        assertThatThrownBy(() -> parse("    first-cic: 4090\n    circuits: 10\n"))
                .hasMessageContaining("ss7.embedded-exchange.circuits: CICs 4090..4099 go beyond the highest CIC 4095");
        assertThatThrownBy(() -> parse("    numbers:\n      - {behaviour: busy}\n"))
                .hasMessageContaining("ss7.embedded-exchange.numbers[0].prefix: a number rule needs a prefix");
        assertThatThrownBy(() -> parse("    numbers:\n      - {prefix: \"7\", behavior: busy}\n"))
                .hasMessageContaining("unknown setting 'behavior'; did you mean 'behaviour'?");
    }
}
