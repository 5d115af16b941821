package org.pstngw.conf;

import java.util.Map;
import java.util.OptionalInt;

/**
 * One E1 or T1 span.
 *
 * @param name unique span name
 * @param type E1 (32 timeslots, 0 is framing) or T1 (24 channels)
 * @param framing E1: CRC4 or NO_CRC4; T1: ESF or D4
 * @param lineCode E1: HDB3 or AMI; T1: B8ZS or AMI
 * @param clockSource LINE (recover from the far end) or INTERNAL (we are master)
 * @param companding A-law (E1 default) or mu-law (T1 default)
 * @param signallingTimeslot timeslot carrying MTP2/HDLC signalling, if any
 * @param voiceTimeslots timeslots carrying voice
 * @param options driver options of this span (over the section's driver options), passed through as strings
 */
public record SpanConfig(
        String name,
        SpanType type,
        Framing framing,
        LineCode lineCode,
        ClockSource clockSource,
        Companding companding,
        OptionalInt signallingTimeslot,
        Timeslots voiceTimeslots,
        Map<String, String> options) {

    public SpanConfig {
        options = Map.copyOf(options);
    }

    /** A span without options of its own. */
    public SpanConfig(
            String name,
            SpanType type,
            Framing framing,
            LineCode lineCode,
            ClockSource clockSource,
            Companding companding,
            OptionalInt signallingTimeslot,
            Timeslots voiceTimeslots) {
        this(name, type, framing, lineCode, clockSource, companding, signallingTimeslot, voiceTimeslots, Map.of());
    }

    /** The same span with other options of its own. */
    public SpanConfig withOptions(Map<String, String> newOptions) {
        return new SpanConfig(
                name, type, framing, lineCode, clockSource, companding, signallingTimeslot, voiceTimeslots, newOptions);
    }

    /** Span type. */
    public enum SpanType {
        E1,
        T1;

        /** Highest usable timeslot (E1) or channel (T1) number. */
        public int maxTimeslot() {
            return this == E1 ? 31 : 24;
        }
    }

    /** Framing. */
    public enum Framing {
        CRC4,
        NO_CRC4,
        ESF,
        D4
    }

    /** Line code. */
    public enum LineCode {
        HDB3,
        AMI,
        B8ZS
    }

    /** Clock source. */
    public enum ClockSource {
        LINE,
        INTERNAL
    }

    /** G.711 companding law. */
    public enum Companding {
        ALAW,
        ULAW
    }
}
