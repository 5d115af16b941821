package org.pstngw.sipi.isup;

/**
 * Redirection information (Q.763 3.45): redirecting indicator (CBA), original redirection reason (HGFE), redirection
 * counter (KJI) and redirecting reason (PONM).
 */
public record RedirectionInformation(int redirectingIndicator, int originalReason, int counter, int reason) {
    static RedirectionInformation decode(byte[] b) {
        int second = b.length > 1 ? b[1] & 0xFF : 0;
        return new RedirectionInformation(b[0] & 7, (b[0] >> 4) & 0xF, second & 7, (second >> 4) & 0xF);
    }

    public byte[] encode() {
        return new byte[] {
            (byte) ((redirectingIndicator & 7) | (originalReason & 0xF) << 4),
            (byte) ((counter & 7) | (reason & 0xF) << 4)
        };
    }
}
