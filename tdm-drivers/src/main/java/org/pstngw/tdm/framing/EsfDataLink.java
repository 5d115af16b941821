package org.pstngw.tdm.framing;

import org.pstngw.tdm.hdlc.HdlcDecoder;
import org.pstngw.tdm.hdlc.HdlcFrameSink;

/**
 * The receive side of the ESF facility data link (T1.403: the 4 kbit/s channel in the odd frames' F bits): its bits
 * assembled into octets for the HDLC decoder (messages with their FCS checked go to the sink), and the yellow alarm
 * it carries (the repeated 11111111 00000000 pattern, 16 bits in a row to raise or clear).
 */
final class EsfDataLink {
    private static final int YELLOW_BITS = 16;

    private final YellowAlarm yellow;
    private final HdlcDecoder decoder;
    private HdlcFrameSink sink = (buffer, length) -> {};
    private int octet;
    private int bits;
    private int window;

    EsfDataLink(YellowAlarm yellow) {
        this.yellow = yellow;
        this.decoder = new HdlcDecoder(T1Framer.MAX_DATA_LINK_FRAME, (b, n) -> sink.onFrame(b, n));
    }

    /** The next data-link bit, in line order. */
    void bit(int bit) {
        octet = (octet << 1) | bit;
        if (++bits == 8) {
            decoder.octet(octet & 0xFF);
            bits = 0;
        }
        window = ((window << 1) | bit) & 0xFFFF;
        yellow.observe(isYellowRotation(window), YELLOW_BITS);
    }

    void sink(HdlcFrameSink frames) {
        this.sink = frames;
    }

    long fcsErrors() {
        return decoder.fcsErrors();
    }

    /** Whether a 16-bit window is a rotation of 11111111 00000000: eight ones in one cyclic run. */
    static boolean isYellowRotation(int window) {
        int rotated = ((window << 1) | (window >>> 15)) & 0xFFFF;
        return Integer.bitCount(window) == 8 && Integer.bitCount(window ^ rotated) == 2;
    }
}
