package org.pstngw.tdm.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Configuration of one span. Built from the {@code tdm} section of the gateway configuration (one entry per span) or
 * directly in code; checked by {@link #validate()} before a driver opens the span.
 *
 * @param name unique span name, used in events, logs and errors
 * @param type E1 or T1
 * @param framing frame format; must belong to {@code type}
 * @param lineCode line code; must apply to {@code type}
 * @param clockSource where transmit timing comes from
 * @param law default companding law of the bearer channels
 * @param channels the channels to open (bearer or HDLC), at most one per timeslot
 * @param options driver-specific settings (e.g. {@code peer} for loopback, remote address for pseudowire, span
 *     number for DAHDI); unknown keys are ignored by drivers that do not use them
 */
public record SpanConfig(
        String name,
        SpanType type,
        Framing framing,
        LineCode lineCode,
        ClockSource clockSource,
        CompandingLaw law,
        List<ChannelConfig> channels,
        Map<String, String> options) {

    public SpanConfig {
        if (name == null
                || type == null
                || framing == null
                || lineCode == null
                || clockSource == null
                || law == null
                || channels == null
                || options == null) {
            throw new IllegalArgumentException("span config fields must not be null (span " + name + ")");
        }
        channels = List.copyOf(channels);
        options = Map.copyOf(options);
    }

    /** An E1 span with CCS + CRC-4, HDB3, line clock, A-law and the given channels. */
    public static SpanConfig e1(String name, List<ChannelConfig> channels) {
        return new SpanConfig(
                name,
                SpanType.E1,
                Framing.E1_CCS_CRC4,
                LineCode.HDB3,
                ClockSource.LINE,
                CompandingLaw.A_LAW,
                channels,
                Map.of());
    }

    /** A T1 span with ESF, B8ZS, line clock, mu-law and the given channels. */
    public static SpanConfig t1(String name, List<ChannelConfig> channels) {
        return new SpanConfig(
                name,
                SpanType.T1,
                Framing.T1_ESF,
                LineCode.B8ZS,
                ClockSource.LINE,
                CompandingLaw.MU_LAW,
                channels,
                Map.of());
    }

    /** A span with all traffic timeslots as bearers, except {@code hdlcTimeslot} (0 for none). */
    public static SpanConfig full(String name, SpanType type, int hdlcTimeslot) {
        List<ChannelConfig> list = new ArrayList<>();
        for (int ts = type.firstTimeslot(); ts <= type.lastTimeslot(); ts++) {
            list.add(ts == hdlcTimeslot ? ChannelConfig.hdlc(ts) : ChannelConfig.bearer(ts));
        }
        return type == SpanType.E1 ? e1(name, list) : t1(name, list);
    }

    /** The same span with other driver options. */
    public SpanConfig withOptions(Map<String, String> newOptions) {
        return new SpanConfig(name, type, framing, lineCode, clockSource, law, channels, newOptions);
    }

    /** The same span with another framing. */
    public SpanConfig withFraming(Framing newFraming) {
        return new SpanConfig(name, type, newFraming, lineCode, clockSource, law, channels, options);
    }

    /** The law of a channel: its own, else the span's. */
    public CompandingLaw lawOf(ChannelConfig channel) {
        return channel.law().orElse(law);
    }

    /** Every defect of this configuration, each naming the span and the field; empty when it is valid. */
    public List<SpanConfigError> validate() {
        List<SpanConfigError> errors = new ArrayList<>();
        if (name.isBlank()) {
            errors.add(new SpanConfigError(name, "name", "must not be blank"));
        }
        if (framing.spanType() != type) {
            errors.add(new SpanConfigError(name, "framing", framing + " is not a framing for a " + type + " span"));
        }
        if (!lineCode.appliesTo(type)) {
            errors.add(new SpanConfigError(name, "lineCode", lineCode + " is not a line code for a " + type + " span"));
        }
        BitSet used = new BitSet(33);
        for (int i = 0; i < channels.size(); i++) {
            int ts = channels.get(i).timeslot();
            String field = "channels[" + i + "].timeslot";
            if (type == SpanType.E1 && ts == 0) {
                errors.add(new SpanConfigError(name, field, "E1 timeslot 0 carries frame alignment, not a channel"));
            } else if (ts < type.firstTimeslot() || ts > type.lastTimeslot()) {
                errors.add(new SpanConfigError(
                        name,
                        field,
                        ts + " is beyond the span's timeslots (" + type + ": " + type.firstTimeslot() + "-"
                                + type.lastTimeslot() + ")"));
            } else if (used.get(ts)) {
                errors.add(new SpanConfigError(name, field, "timeslot " + ts + " is configured twice"));
            } else if (ts == 16 && framing.reservesTs16()) {
                errors.add(new SpanConfigError(name, field, "timeslot 16 carries CAS signalling with " + framing));
            } else {
                used.set(ts);
            }
        }
        return List.copyOf(errors);
    }

    /** Throws {@link InvalidSpanConfigException} listing every defect, or returns this config when valid. */
    public SpanConfig requireValid() {
        List<SpanConfigError> errors = validate();
        if (!errors.isEmpty()) {
            throw new InvalidSpanConfigException(errors);
        }
        return this;
    }
}
