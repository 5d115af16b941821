package org.pstngw.isup.link;

import java.util.Arrays;
import java.util.HexFormat;
import org.pstngw.sipi.isup.IsupVariant;

/**
 * One MTP3 user part data unit carrying ISUP, as on the wire.
 *
 * <p>The payload is the ISUP message with its circuit identification code: CIC (2 octets, low octet first; 12 bits
 * significant under ITU-T Q.763, whose 4 high bits are spare, 14 under ANSI T1.113, whose 2 high bits are spare), then
 * the message type octet and the parameters. How many bits the CIC has is the ISUP variant's to say, not the PDU's:
 * {@link #cic(IsupVariant)}. The array is defensively copied on
 * construction and by {@link #payload()}; use {@link #payloadLength()} and {@link #payloadByte(int)} on hot paths.
 *
 * @param opc originating point code (14-bit ITU, 24-bit ANSI: the link's label format decides)
 * @param dpc destination point code
 * @param sls signalling link selection (0..15 ITU, 0..255 ANSI; used for load sharing; derive from the CIC)
 * @param networkIndicator MTP3 network indicator 0..3 (0 international, 2 national)
 * @param payload ISUP message with CIC; at least 3 octets
 */
public record IsupPdu(int opc, int dpc, int sls, int networkIndicator, byte[] payload) {

    /** Service indicator of ISUP in the MTP3 service information octet (Q.704 14.2.1). */
    public static final int SI_ISUP = 5;

    /** Smallest valid payload: CIC (2) + message type (1). */
    public static final int MIN_PAYLOAD = 3;

    /** Largest payload we accept (MTP3 user data is at most 272 octets on narrowband links; M3UA allows more). */
    public static final int MAX_PAYLOAD = 4096;

    public IsupPdu {
        if (payload == null || payload.length < MIN_PAYLOAD || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("ISUP payload must be " + MIN_PAYLOAD + ".." + MAX_PAYLOAD
                    + " octets, got " + (payload == null ? "null" : payload.length));
        }
        if (networkIndicator < 0 || networkIndicator > 3) {
            throw new IllegalArgumentException("network indicator must be 0..3, got " + networkIndicator);
        }
        payload = payload.clone();
    }

    /**
     * The circuit identification code as the variant reads it: 12 bits under ITU-T Q.763 (the 4 spare bits masked off),
     * 14 bits under ANSI T1.113 (the 2 spare bits masked off).
     */
    public int cic(IsupVariant variant) {
        int high = payload[1] & (variant == IsupVariant.ANSI ? 0x3F : 0x0F);
        return (payload[0] & 0xFF) | high << 8;
    }

    /** The ISUP message type code (Q.763 table 4), e.g. 0x01 IAM. */
    public int messageType() {
        return payload[2] & 0xFF;
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public byte payloadByte(int index) {
        return payload[index];
    }

    /** An SLS derived from the CIC, as Q.764 recommends (keeps one circuit's messages in order). */
    public static int slsForCic(int cic) {
        return cic & 0x0F;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsupPdu p
                && p.opc == opc
                && p.dpc == dpc
                && p.sls == sls
                && p.networkIndicator == networkIndicator
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((opc * 31 + dpc) * 31 + sls) * 31 + networkIndicator * 7 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "IsupPdu[opc=" + opc + ", dpc=" + dpc + ", sls=" + sls + ", ni=" + networkIndicator + ", cic octets="
                + HexFormat.of().formatHex(payload, 0, 2) + ", type=0x" + Integer.toHexString(messageType()) + ", len="
                + payload.length + "]";
    }

    /** Hex dump of the payload, for DEBUG logs and test failures. */
    public String payloadHex() {
        return HexFormat.of().formatHex(payload);
    }
}
