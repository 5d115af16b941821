package org.pstngw.sip.message;

import java.nio.charset.StandardCharsets;

/** A parsed start line (RFC 3261 7.1, 7.2): request (method, uri) or response (status, reason), or an error. */
record StartLine(SipMethod method, String uri, int status, String reason, String error, int errorStatus) {
    private static StartLine fail(String error, int status) {
        return new StartLine(null, null, 0, null, error, status);
    }

    /** True for a request line that parsed. */
    boolean isRequest() {
        return error == null && method != null;
    }

    static StartLine parse(byte[] in, int s, int e) {
        String line = new String(in, s, e - s, StandardCharsets.UTF_8);
        if (line.regionMatches(true, 0, "SIP/", 0, 4)) {
            return response(line);
        }
        return request(line);
    }

    private static StartLine response(String line) {
        int sp = line.indexOf(' ');
        if (sp < 0) {
            return fail("status line without status code: " + line, 400);
        }
        String version = line.substring(0, sp);
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            return fail("unsupported SIP version " + version, 505);
        }
        int sp2 = line.indexOf(' ', sp + 1);
        String code = sp2 < 0 ? line.substring(sp + 1) : line.substring(sp + 1, sp2);
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fail("invalid status code " + code, 400);
        }
        int status = Integer.parseInt(code);
        if (status < 100 || status > 699) {
            return fail("status code " + status + " out of range 100-699", 400);
        }
        return new StartLine(null, null, status, sp2 < 0 ? "" : line.substring(sp2 + 1), null, 0);
    }

    private static StartLine request(String line) {
        int sp = line.indexOf(' ');
        if (sp <= 0) {
            return fail("request line without method and Request-URI: " + line, 400);
        }
        String method = line.substring(0, sp);
        if (!Lexer.isToken(method)) {
            return fail("invalid method " + method, 400);
        }
        int sp2 = line.indexOf(' ', sp + 1);
        if (sp2 < 0) {
            return fail("request line without SIP version", 400);
        }
        String uri = line.substring(sp + 1, sp2);
        if (uri.isEmpty()) {
            return fail("more than one SP between method and Request-URI", 400);
        }
        String version = line.substring(sp2 + 1);
        if (version.indexOf(' ') >= 0 || version.indexOf('\t') >= 0 || version.isEmpty()) {
            return fail("whitespace inside or after the Request-URI or version: " + line, 400);
        }
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            return version.regionMatches(true, 0, "SIP/", 0, 4)
                    ? fail("unsupported SIP version " + version, 505)
                    : fail("invalid SIP version " + version, 400);
        }
        if (uri.charAt(0) == '<') {
            return fail("Request-URI enclosed in <>: " + uri, 400);
        }
        if (uri.indexOf(':') <= 0) {
            return fail("Request-URI without scheme: " + uri, 400);
        }
        return new StartLine(SipMethod.valueOf(method), uri, 0, null, null, 0);
    }
}
