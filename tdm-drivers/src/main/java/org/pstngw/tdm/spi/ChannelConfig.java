package org.pstngw.tdm.spi;

import java.util.Optional;

/**
 * One channel of a span: a 64 kbit/s timeslot either as a bearer (G.711 bytes) or as an HDLC signalling channel
 * (MTP2, ISDN D channel).
 *
 * @param timeslot E1 timeslot 1-31 or T1 channel 1-24
 * @param kind bearer or HDLC
 * @param law companding law of a bearer; empty means the span type's default
 */
public record ChannelConfig(int timeslot, Kind kind, Optional<CompandingLaw> law) {

    /** What a channel carries. */
    public enum Kind {
        /** 8,000 G.711 bytes a second. */
        BEARER,
        /** HDLC frames (flags, zero-bit stuffing, CRC-16 FCS). */
        HDLC
    }

    public ChannelConfig {
        if (kind == null || law == null) {
            throw new IllegalArgumentException("channel kind and law must not be null (use Optional.empty())");
        }
    }

    /** A bearer channel with the span's default law. */
    public static ChannelConfig bearer(int timeslot) {
        return new ChannelConfig(timeslot, Kind.BEARER, Optional.empty());
    }

    /** A bearer channel with an explicit law. */
    public static ChannelConfig bearer(int timeslot, CompandingLaw law) {
        return new ChannelConfig(timeslot, Kind.BEARER, Optional.of(law));
    }

    /** An HDLC signalling channel. */
    public static ChannelConfig hdlc(int timeslot) {
        return new ChannelConfig(timeslot, Kind.HDLC, Optional.empty());
    }
}
