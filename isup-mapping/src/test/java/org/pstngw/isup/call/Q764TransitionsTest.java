package org.pstngw.isup.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transition against an expectation written from Q.764 (src/test/resources/q764/transitions.txt), not from the
 * table: next state, actions in order, the timers running afterwards and the cause of what is released.
 */
class Q764TransitionsTest {

    /** One line of the fixture. */
    record Expected(
            CallState from,
            CallEvent event,
            CallState to,
            List<CallAction> actions,
            Set<IsupTimer> timers,
            String cause,
            String reference) {
        @Override
        public String toString() {
            return from + " --" + event + "--> " + to + " (Q.764 " + reference + ")";
        }
    }

    static List<Expected> expectations() throws IOException {
        try (InputStream in = Q764TransitionsTest.class.getResourceAsStream("/q764/transitions.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(Q764TransitionsTest::parse)
                    .toList();
        }
    }

    private static Expected parse(String line) {
        String[] f = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
        if (f.length != 7) {
            throw new IllegalArgumentException("7 columns expected: " + line);
        }
        CallState from = CallState.valueOf(f[0]);
        CallState to = f[2].equals("same") ? from : CallState.valueOf(f[2]);
        List<CallAction> actions = f[3].equals("-")
                ? List.of()
                : Arrays.stream(f[3].split(","))
                        .map(String::strip)
                        .map(CallAction::valueOf)
                        .toList();
        Set<IsupTimer> timers = EnumSet.noneOf(IsupTimer.class);
        if (!f[4].equals("-")) {
            Arrays.stream(f[4].split(","))
                    .map(String::strip)
                    .map(IsupTimer::valueOf)
                    .forEach(timers::add);
        }
        return new Expected(from, CallEvent.valueOf(f[1]), to, actions, timers, f[5], f[6]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void transitionDoesWhatQ764Says(Expected e) {
        CallHarness h = new CallHarness().driveTo(e.from());

        assertThat(h.call.handle(e.event(), 31)).isEqualTo(CircuitCall.Outcome.APPLIED);

        assertThat(h.call.state()).isEqualTo(e.to());
        assertThat(h.actions()).containsExactlyElementsOf(e.actions());
        assertThat(h.call.runningTimers()).isEqualTo(e.timers());
        if (!e.cause().equals("-")) {
            int cause = e.cause().equals("event") ? 31 : Integer.parseInt(e.cause());
            assertThat(h.performed)
                    .filteredOn(p -> p.action() == CallAction.SEND_REL || p.action() == CallAction.NOTIFY_RELEASED)
                    .isNotEmpty()
                    .allMatch(p -> p.cause() == cause);
        }
    }

    @Test
    void theTableHasExactlyTheRowsTheFixtureDescribes() throws IOException {
        Set<String> expected = expectations().stream()
                .map(e -> e.from() + " " + e.event())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> table = new TreeSet<>();
        CallTable.table().forEach((s, rows) -> rows.keySet().forEach(ev -> table.add(s + " " + ev)));
        assertThat(table).isEqualTo(expected);
        assertThat(expectations()).hasSize(expected.size());
    }
}
