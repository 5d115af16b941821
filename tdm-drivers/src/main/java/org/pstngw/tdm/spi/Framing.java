package org.pstngw.tdm.spi;

/** Frame format of a span (G.704 for E1, ANSI T1.403/T1.107 for T1). */
public enum Framing {
    /** E1 with channel-associated signalling in TS16 (multiframe of 16), no CRC-4. */
    E1_CAS(SpanType.E1, false),
    /** E1 with channel-associated signalling and the CRC-4 multiframe. */
    E1_CAS_CRC4(SpanType.E1, true),
    /** E1 with common-channel signalling (TS16 free for MTP2/D channel), no CRC-4. */
    E1_CCS(SpanType.E1, false),
    /** E1 with common-channel signalling and the CRC-4 multiframe. */
    E1_CCS_CRC4(SpanType.E1, true),
    /** T1 extended superframe: 24 frames, FPS, CRC-6, 4 kbit/s facility data link. */
    T1_ESF(SpanType.T1, true),
    /** T1 superframe (D4): 12 frames, Ft/Fs pattern. */
    T1_D4(SpanType.T1, false);

    private final SpanType spanType;
    private final boolean crc;

    Framing(SpanType spanType, boolean crc) {
        this.spanType = spanType;
        this.crc = crc;
    }

    /** The span type this framing belongs to. */
    public SpanType spanType() {
        return spanType;
    }

    /** Whether frames carry a CRC (CRC-4 on E1, CRC-6 on T1 ESF). */
    public boolean hasCrc() {
        return crc;
    }

    /** Whether TS16 is reserved for channel-associated signalling (E1 CAS only). */
    public boolean reservesTs16() {
        return this == E1_CAS || this == E1_CAS_CRC4;
    }

    /** The default framing for a span type: E1 CCS with CRC-4, T1 ESF. */
    public static Framing defaultFor(SpanType type) {
        return type == SpanType.E1 ? E1_CCS_CRC4 : T1_ESF;
    }
}
