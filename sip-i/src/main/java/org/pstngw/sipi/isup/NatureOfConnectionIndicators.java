package org.pstngw.sipi.isup;

/**
 * Nature of connection indicators (Q.763 3.35): satellite (bits BA), continuity check (DC), echo control device (E).
 *
 * @param satellite 0 none, 1 one, 2 two circuits in the connection
 * @param continuityCheck 0 not required, 1 required on this circuit, 2 performed on a previous circuit
 */
public record NatureOfConnectionIndicators(int satellite, int continuityCheck, boolean echoControlDevice) {
    public static final NatureOfConnectionIndicators PLAIN = new NatureOfConnectionIndicators(0, 0, false);

    static NatureOfConnectionIndicators decode(byte[] b) {
        return new NatureOfConnectionIndicators(b[0] & 3, (b[0] >> 2) & 3, (b[0] & 0x10) != 0);
    }

    public byte[] encode() {
        return new byte[] {(byte) ((satellite & 3) | (continuityCheck & 3) << 2 | (echoControlDevice ? 0x10 : 0))};
    }
}
