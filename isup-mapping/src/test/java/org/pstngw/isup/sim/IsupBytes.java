package org.pstngw.isup.sim;

import java.io.ByteArrayOutputStream;

/** Hand-built ISUP (ITU Q.763) payloads with CIC for tests, independent of both codecs. */
public final class IsupBytes {

    private IsupBytes() {}

    /** IAM: NCI 0, FCI 0x2800 (ISDN all the way, preferred), CPC 10, TMR 3.1 kHz, CdPN national, no optional part. */
    public static byte[] iam(int cic, String called) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cic(out, cic);
        out.write(0x01);
        out.write(0x00);
        out.write(0x28);
        out.write(0x00);
        out.write(0x0a);
        out.write(0x03);
        out.write(0x02);
        out.write(0x00);
        byte[] digits = bcd(called);
        out.write(2 + digits.length);
        out.write(((called.length() & 1) << 7) | 0x03);
        out.write(0x10);
        out.writeBytes(digits);
        return out.toByteArray();
    }

    /** REL with ITU cause, location public network serving the local user. */
    public static byte[] rel(int cic, int cause) {
        return new byte[] {(byte) cic, (byte) (cic >> 8), 0x0c, 0x02, 0x00, 0x02, (byte) 0x82, (byte) (0x80 | cause)};
    }

    public static byte[] rlc(int cic) {
        return new byte[] {(byte) cic, (byte) (cic >> 8), 0x10, 0x00};
    }

    /** A message with no parameters (BLO 0x13, UBL 0x14, RSC 0x12, BLA 0x15, UBA 0x16). */
    public static byte[] simple(int type, int cic) {
        return new byte[] {(byte) cic, (byte) (cic >> 8), (byte) type};
    }

    /** The cause value of a REL payload (first mandatory variable parameter). */
    public static int relCause(byte[] rel) {
        int at = 3 + (rel[3] & 0xFF);
        return rel[at + 2] & 0x7F;
    }

    private static void cic(ByteArrayOutputStream out, int cic) {
        out.write(cic & 0xFF);
        out.write((cic >> 8) & 0x0F);
    }

    private static byte[] bcd(String digits) {
        byte[] b = new byte[(digits.length() + 1) / 2];
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            b[i / 2] |= (byte) ((i & 1) == 0 ? d : d << 4);
        }
        return b;
    }
}
