package org.pstngw.tdm.spi;

/** G.711 companding law of a bearer channel. */
public enum CompandingLaw {
    /** A-law, the E1 default; idle code 0xD5 (positive zero after even-bit inversion). */
    A_LAW((byte) 0xD5),
    /** mu-law, the T1 default; idle code 0xFF. */
    MU_LAW((byte) 0xFF);

    private final byte idle;

    CompandingLaw(byte idle) {
        this.idle = idle;
    }

    /** The code sent when a channel has nothing to send (silence). */
    public byte idleCode() {
        return idle;
    }
}
