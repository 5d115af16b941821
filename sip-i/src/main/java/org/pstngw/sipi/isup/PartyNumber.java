package org.pstngw.sipi.isup;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A called, calling, connected, redirecting or subsequent number (Q.763 3.9, 3.10, 3.26, 3.44; T1.113.3).
 *
 * <pre>
 *   8     7 6 5 4 3 2 1
 *  O/E | nature of address          (absent for the subsequent number)
 *  INN/NI | NPI(3) | APRI(2) | SI(2) (called: INN, NPI, 4 spare bits)
 *  2nd digit | 1st digit ...         (BCD, filler 0 when odd)
 * </pre>
 *
 * Digits are the characters 0-9 and A-F for the address signal codes 10-15: '*' and '#' travel as B and C in many
 * networks and F is the end-of-pulsing signal ST.
 *
 * @param natureOfAddress 7 bits (1 subscriber, 2 unknown, 3 national, 4 international, ...)
 * @param flag INN indicator (called) or number incomplete indicator (calling)
 * @param numberingPlan 3 bits (1 ISDN/E.164)
 * @param presentation address presentation restricted indicator, 2 bits (0 allowed, 1 restricted, 2 not available);
 *     0 for called numbers
 * @param screening 2 bits (0 user provided not verified, 1 verified and passed, 3 network provided); 0 for called
 */
public record PartyNumber(
        int natureOfAddress, boolean flag, int numberingPlan, int presentation, int screening, String digits) {

    public static final int NAI_SUBSCRIBER = 1;
    public static final int NAI_UNKNOWN = 2;
    public static final int NAI_NATIONAL = 3;
    public static final int NAI_INTERNATIONAL = 4;
    public static final int NPI_ISDN = 1;
    private static final byte[] DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    public PartyNumber {
        if (natureOfAddress < 0 || natureOfAddress > 0x7F || numberingPlan < 0 || numberingPlan > 7) {
            throw new IllegalArgumentException("nature of address or numbering plan out of range");
        }
        if (presentation < 0 || presentation > 3 || screening < 0 || screening > 3) {
            throw new IllegalArgumentException("presentation or screening out of range");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'))) { // ASCII only
                throw new IllegalArgumentException("not an address signal: " + digits.charAt(i));
            }
        }
        digits = digits.toUpperCase(Locale.ROOT);
    }

    /** A called party number: ISDN numbering plan, routing to internal network number allowed. */
    public static PartyNumber called(int natureOfAddress, String digits) {
        return new PartyNumber(natureOfAddress, false, NPI_ISDN, 0, 0, digits);
    }

    /** A calling party number: ISDN plan, complete, presentation allowed, network provided. */
    public static PartyNumber calling(int natureOfAddress, String digits) {
        return new PartyNumber(natureOfAddress, false, NPI_ISDN, 0, 3, digits);
    }

    public boolean endsWithSt() {
        return digits.endsWith("F");
    }

    static PartyNumber decodeCalled(byte[] b) {
        return new PartyNumber(
                b[0] & 0x7F, (b[1] & 0x80) != 0, (b[1] >> 4) & 7, 0, 0, digits(b, 2, (b[0] & 0x80) != 0));
    }

    static PartyNumber decodeCalling(byte[] b) {
        return new PartyNumber(
                b[0] & 0x7F,
                (b[1] & 0x80) != 0,
                (b[1] >> 4) & 7,
                (b[1] >> 2) & 3,
                b[1] & 3,
                digits(b, 2, (b[0] & 0x80) != 0));
    }

    /**
     * Redirecting and original called numbers (Q.763 3.44, 3.39): octet 2 has plan and presentation only, bits 8 and
     * 2-1 spare (read as flag false, screening 0).
     */
    static PartyNumber decodeRedirecting(byte[] b) {
        return new PartyNumber(
                b[0] & 0x7F, false, (b[1] >> 4) & 7, (b[1] >> 2) & 3, 0, digits(b, 2, (b[0] & 0x80) != 0));
    }

    static PartyNumber decodeSubsequent(byte[] b) {
        return new PartyNumber(0, false, 0, 0, 0, digits(b, 1, (b[0] & 0x80) != 0));
    }

    /** The contents of a called-party-number-like parameter (INN, plan, spare bits). */
    public byte[] encodeCalled() {
        byte[] out = header(2);
        out[1] = (byte) ((flag ? 0x80 : 0) | numberingPlan << 4);
        return out;
    }

    /** The contents of a calling-party-number-like parameter (NI, plan, presentation, screening). */
    public byte[] encodeCalling() {
        byte[] out = header(2);
        out[1] = (byte) ((flag ? 0x80 : 0) | numberingPlan << 4 | presentation << 2 | screening);
        return out;
    }

    /** The contents of a subsequent number parameter (odd/even octet, then digits). */
    public byte[] encodeSubsequent() {
        return header(1);
    }

    private byte[] header(int headerLength) {
        int n = digits.length();
        byte[] out = new byte[headerLength + (n + 1) / 2];
        out[0] = (byte) ((n % 2 == 1 ? 0x80 : 0) | (headerLength == 1 ? 0 : natureOfAddress));
        for (int i = 0; i < n; i++) {
            char c = digits.charAt(i); // 0-9 or A-F: the constructor checked and upper-cased
            int d = c <= '9' ? c - '0' : c - ('A' - 10);
            out[headerLength + i / 2] |= (byte) (i % 2 == 0 ? d : d << 4);
        }
        return out;
    }

    private static String digits(byte[] b, int from, boolean odd) {
        int n = (b.length - from) * 2 - (odd ? 1 : 0);
        if (n <= 0) {
            return "";
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int octet = b[from + i / 2];
            out[i] = DIGITS[i % 2 == 0 ? octet & 0xF : (octet >> 4) & 0xF];
        }
        return new String(out, StandardCharsets.US_ASCII); // Latin-1 octets: the String keeps them as they are
    }
}
