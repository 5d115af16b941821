package org.pstngw.sipi.isup;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Range and status (Q.763 3.43): range (circuits affected minus one) and, in CGB/CGU/GRA/CGBA/CGUA, one status bit per
 * circuit (bit 0 of the first status octet is the circuit in the CIC). GRS and CQM carry the range alone.
 */
@SuppressWarnings("ArrayRecordComponent") // array-aware equals/hashCode below
public record RangeAndStatus(int range, byte[] status) {
    public RangeAndStatus {
        if (range < 0 || range > 0xFF) {
            throw new IllegalArgumentException("one octet: " + range);
        }
        status = status == null ? new byte[0] : status.clone();
    }

    public static RangeAndStatus rangeOnly(int range) {
        return new RangeAndStatus(range, new byte[0]);
    }

    /** Range with a status bit per circuit, {@code bits[i]} for CIC + i. */
    public static RangeAndStatus of(int range, boolean... bits) {
        byte[] s = new byte[(range + 8) / 8];
        for (int i = 0; i < bits.length && i <= range; i++) {
            if (bits[i]) {
                s[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return new RangeAndStatus(range, s);
    }

    @Override
    public byte[] status() {
        return status.clone();
    }

    /** Status bit of circuit CIC + {@code i}; false when there is no status field. */
    public boolean statusBit(int i) {
        return i / 8 < status.length && (status[i / 8] & (1 << (i % 8))) != 0;
    }

    static RangeAndStatus decode(byte[] b) {
        return new RangeAndStatus(b[0] & 0xFF, Arrays.copyOfRange(b, 1, b.length));
    }

    public byte[] encode() {
        byte[] out = new byte[1 + status.length];
        out[0] = (byte) range;
        System.arraycopy(status, 0, out, 1, status.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeAndStatus r && r.range == range && Arrays.equals(r.status, status);
    }

    @Override
    public int hashCode() {
        return range * 31 + Arrays.hashCode(status);
    }

    @Override
    public String toString() {
        return "RangeAndStatus[range=" + range + ", status=" + HexFormat.of().formatHex(status) + "]";
    }
}
