package org.pstngw.tdm.hdlc;

/** Receives the good frames an {@link HdlcDecoder} finds. */
@FunctionalInterface
public interface HdlcFrameSink {
    /**
     * Takes one good frame.
     *
     * @param buffer the decoder's buffer, valid only during the call; the frame starts at 0, FCS stripped
     * @param length frame length without FCS
     */
    void onFrame(byte[] buffer, int length);
}
