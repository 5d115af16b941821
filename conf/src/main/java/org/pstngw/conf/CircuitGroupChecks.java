package org.pstngw.conf;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pstngw.conf.NodeReader.Located;

/** Circuit groups against the spans that carry them and against each other. */
final class CircuitGroupChecks {
    private CircuitGroupChecks() {}

    static void check(List<Located<CircuitGroupConfig>> groups, Map<String, SpanConfig> spans, int maxCic) {
        Set<String> names = new HashSet<>();
        BitSet cics = new BitSet();
        Map<String, BitSet> usedSlots = new HashMap<>();
        for (Located<CircuitGroupConfig> located : groups) {
            CircuitGroupConfig g = located.value();
            NodeReader at = located.at();
            if (!names.add(g.name())) {
                at.error("name", "circuit group name '" + g.name() + "' is used twice");
            }
            int lastCic = g.firstCic() + g.count() - 1;
            if (lastCic > maxCic) {
                at.error("count", "CICs " + g.firstCic() + ".." + lastCic + " go beyond the highest CIC " + maxCic);
            } else if (cics.get(g.firstCic(), lastCic + 1).cardinality() > 0) {
                at.error("first-cic", "CICs " + g.firstCic() + ".." + lastCic + " overlap another circuit group");
            } else {
                cics.set(g.firstCic(), lastCic + 1);
            }
            SpanConfig span = spans.get(g.span());
            if (span == null) {
                at.error("span", "no span named '" + g.span() + "' (spans: " + String.join(", ", spans.keySet()) + ")");
                continue;
            }
            Timeslots voice = span.voiceTimeslots();
            if (!voice.contains(g.firstTimeslot())) {
                at.error(
                        "first-timeslot",
                        g.firstTimeslot() + " is not a voice timeslot of span '" + span.name() + "' (" + voice + ")");
                continue;
            }
            List<Integer> slots = voice.list();
            int start = slots.indexOf(g.firstTimeslot());
            if (start + g.count() > slots.size()) {
                at.error(
                        "count",
                        g.count() + " circuits from timeslot " + g.firstTimeslot() + " do not fit in span '"
                                + span.name() + "' (" + (slots.size() - start) + " voice timeslots left)");
                continue;
            }
            BitSet used = usedSlots.computeIfAbsent(span.name(), k -> new BitSet());
            for (int ts : slots.subList(start, start + g.count())) {
                if (used.get(ts)) {
                    at.error(
                            "first-timeslot",
                            "timeslot " + ts + " of span '" + span.name()
                                    + "' is already used by another circuit group");
                    break;
                }
                used.set(ts);
            }
        }
    }
}
