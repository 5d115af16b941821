package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * A parsed start line (RFC 3261 7.1, 7.2): request (method, Request-URI) or response (status, reason phrase), or an
 * error. Parsed on the bytes without building strings: {@code [textStart, textEnd)} is where the Request-URI (or the
 * reason phrase) is, and a known method is found without a string.
 */
record StartLine(SipMethod method, int textStart, int textEnd, int status, String error, int errorStatus) {
    private static StartLine fail(String error, int status) {
        return new StartLine(null, 0, 0, 0, error, status);
    }

    /** True for a request line that parsed. */
    boolean isRequest() {
        return error == null && method != null;
    }

    private static String text(byte[] in, int s, int e) {
        return new String(in, s, e - s, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] in, int from, int e, int b) {
        for (int i = from; i < e; i++) {
            if (in[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** {@code SIP/2.0}, case-insensitively, exactly at [s, e). */
    private static boolean isSip20(byte[] in, int s, int e) {
        return e - s == 7 && startsWithSip(in, s, e) && in[s + 4] == '2' && in[s + 5] == '.' && in[s + 6] == '0';
    }

    private static boolean startsWithSip(byte[] in, int s, int e) {
        return e - s >= 4
                && (in[s] | 0x20) == 's'
                && (in[s + 1] | 0x20) == 'i'
                && (in[s + 2] | 0x20) == 'p'
                && in[s + 3] == '/';
    }

    static StartLine parse(byte[] in, int s, int e) {
        return startsWithSip(in, s, e) ? response(in, s, e) : request(in, s, e);
    }

    private static StartLine response(byte[] in, int s, int e) {
        int sp = indexOf(in, s, e, ' ');
        if (sp < 0) {
            return fail("status line without status code: " + text(in, s, e), 400);
        }
        if (!isSip20(in, s, sp)) {
            return fail("unsupported SIP version " + text(in, s, sp), 505);
        }
        int sp2 = indexOf(in, sp + 1, e, ' ');
        int codeEnd = sp2 < 0 ? e : sp2;
        int status = 0;
        boolean digits = codeEnd - (sp + 1) == 3;
        for (int i = sp + 1; digits && i < codeEnd; i++) {
            digits = in[i] >= '0' && in[i] <= '9';
            status = status * 10 + (in[i] - '0');
        }
        if (!digits) {
            return fail("invalid status code " + text(in, sp + 1, codeEnd), 400);
        }
        if (status < 100 || status > 699) {
            return fail("status code " + status + " out of range 100-699", 400);
        }
        return sp2 < 0 ? new StartLine(null, e, e, status, null, 0) : new StartLine(null, sp2 + 1, e, status, null, 0);
    }

    private static StartLine request(byte[] in, int s, int e) {
        int sp = indexOf(in, s, e, ' ');
        if (sp <= s) {
            return fail("request line without method and Request-URI: " + text(in, s, e), 400);
        }
        for (int i = s; i < sp; i++) {
            if (!SipParser.Indexer.isTokenByte(in[i])) {
                return fail("invalid method " + text(in, s, sp), 400);
            }
        }
        int sp2 = indexOf(in, sp + 1, e, ' ');
        if (sp2 < 0) {
            return fail("request line without SIP version", 400);
        }
        if (sp2 == sp + 1) {
            return fail("more than one SP between method and Request-URI", 400);
        }
        if (sp2 + 1 == e || indexOf(in, sp2 + 1, e, ' ') >= 0 || indexOf(in, sp2 + 1, e, '\t') >= 0) {
            return fail("whitespace inside or after the Request-URI or version: " + text(in, s, e), 400);
        }
        if (!isSip20(in, sp2 + 1, e)) {
            return startsWithSip(in, sp2 + 1, e)
                    ? fail("unsupported SIP version " + text(in, sp2 + 1, e), 505)
                    : fail("invalid SIP version " + text(in, sp2 + 1, e), 400);
        }
        if (in[sp + 1] == '<') {
            return fail("Request-URI enclosed in <>: " + text(in, sp + 1, sp2), 400);
        }
        int colon = indexOf(in, sp + 1, sp2, ':');
        if (colon <= sp + 1) {
            return fail("Request-URI without scheme: " + text(in, sp + 1, sp2), 400);
        }
        return new StartLine(SipMethod.of(in, s, sp), sp + 1, sp2, 0, null, 0);
    }
}
