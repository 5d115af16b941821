package org.pstngw.sip.message;

/**
 * One Via value (RFC 3261 20.42, RFC 3581): {@code SIP/2.0/UDP host[:port];branch=..;received=..;rport[=n]}.
 * {@code port} is -1 when not written.
 */
public record Via(String protocol, String transport, String host, int port, Params params) {
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public static Via parse(String value) {
        byte[] b = Bytes.utf8(value);
        return parse(b, 0, b.length, true);
    }

    private static final boolean[] SENT_BY_END = Lexer.stops("; \t,");

    /**
     * Checks the Via value {@code b[from, to)}; returns it when {@code build}, else null. The checks and the errors do
     * not depend on {@code build}.
     */
    static Via parse(byte[] b, int from, int to, boolean build) {
        Lexer lx = new Lexer(b, from, to);
        int name = lx.skipToken("protocol name", "");
        int nameEnd = lx.pos();
        lx.expect('/', "in Via sent-protocol");
        int version = lx.skipToken("protocol version", "");
        int versionEnd = lx.pos();
        lx.expect('/', "in Via sent-protocol");
        int transport = lx.skipToken("transport", "");
        int transportEnd = lx.pos();
        lx.skipWs();
        int hs = lx.skipUntil(SENT_BY_END);
        int he = lx.pos();
        if (hs == he) {
            throw new SipSyntaxException("missing Via sent-by");
        }
        int hostEnd;
        int port = -1;
        if (b[hs] == '[') {
            int rb = Bytes.indexOf(b, ']', hs, he);
            if (rb < 0) {
                throw new SipSyntaxException("unterminated IPv6 reference in Via");
            }
            hostEnd = rb + 1;
            if (hostEnd < he) {
                port = port(b, hostEnd, he);
            }
        } else {
            int c = Bytes.indexOf(b, ':', hs, he);
            hostEnd = c < 0 ? he : c;
            if (c >= 0) {
                port = port(b, c, he);
            }
        }
        lx.skipWs();
        if (lx.peek() == ':') {
            lx.accept(':');
            int ps = lx.skipToken("port", "");
            port = spacedPort(b, ps, lx.pos());
        }
        lx.watch("rport", "ttl");
        Params params = lx.params(build);
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text in Via: " + lx.rest());
        }
        number(lx, 0, "rport", 65_535);
        number(lx, 1, "ttl", 255);
        if (!build) {
            return null;
        }
        String protocol = Bytes.is(b, name, nameEnd, "SIP") && Bytes.is(b, version, versionEnd, "2.0")
                ? "SIP/2.0"
                : lx.text(name, nameEnd) + "/" + lx.text(version, versionEnd);
        return new Via(protocol, transport(lx, transport, transportEnd), lx.text(hs, hostEnd), port, params);
    }

    /** The transport {@code b[s, e)}: a shared constant when it is one of UDP, TCP, TLS, SCTP, WS, WSS as written. */
    private static String transport(Lexer lx, int s, int e) {
        byte[] b = lx.bytes();
        String t = switch (e - s) {
            case 2 -> "WS";
            case 3 ->
                switch (b[s]) {
                    case 'U' -> "UDP";
                    case 'T' -> b[s + 1] == 'C' ? "TCP" : "TLS";
                    case 'W' -> "WSS";
                    default -> null;
                };
            case 4 -> "SCTP";
            default -> null;
        };
        return t != null && Bytes.is(b, s, e, t) ? t : lx.text(s, e);
    }

    /** RFC 3261 20.42 / RFC 3581: {@code ttl = 1*3DIGIT} (0-255), {@code rport [= 1*DIGIT]} (a port). */
    private static void number(Lexer lx, int which, String name, int max) {
        int s = lx.watched(which);
        if (s >= 0 && parseBounded(lx.bytes(), s, lx.watchedEnd(which), max) < 0) {
            throw new SipSyntaxException("invalid Via " + name + " " + lx.watchedText(which));
        }
    }

    /** {@code b[s, e)} as a number in 0..max, or -1 when it is not one. */
    private static int parseBounded(byte[] b, int s, int e, int max) {
        if (s >= e || e - s > 5) {
            return -1;
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    /** The value as a number in 0..max, or -1 when it is not one. */
    private static int parseBounded(String v, int max) {
        if (v.isEmpty() || v.length() > 5) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    /**
     * The port written after the colon at {@code b[from]} up to {@code to}: 1-5 digits (Integer.parseInt's signs
     * refused too). The error shows the text from the colon on.
     */
    private static int port(byte[] b, int from, int to) {
        long p = digits(b, from + 1, to, b[from] != ':');
        if (p < 0) {
            throw new SipSyntaxException("invalid Via port: " + Bytes.text(b, from, to));
        }
        return inRange(p);
    }

    /** The port of {@code host : port} (blanks before the colon), a token at {@code b[s, e)}. */
    private static int spacedPort(byte[] b, int s, int e) {
        long p = digits(b, s, e, false);
        if (p < 0) {
            throw new SipSyntaxException("invalid Via port: :" + Bytes.text(b, s, e));
        }
        return inRange(p);
    }

    /** {@code b[s, e)} as 1 to 10 ASCII digits, or -1 (also when {@code bad}). */
    private static long digits(byte[] b, int s, int e, boolean bad) {
        if (bad || s >= e || e - s > 10) {
            return -1;
        }
        long p = 0;
        for (int i = s; i < e; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            p = p * 10 + (c - '0');
        }
        return p;
    }

    private static int inRange(long p) {
        if (p > 65535) {
            throw new SipSyntaxException("Via port out of range: " + p);
        }
        return (int) p;
    }

    public String branch() {
        return params.get("branch");
    }

    /** True when the branch starts with the RFC 3261 magic cookie. */
    public boolean hasMagicCookie() {
        String b = branch();
        return b != null && b.startsWith(MAGIC_COOKIE);
    }

    public String received() {
        return params.get("received");
    }

    public String maddr() {
        return params.get("maddr");
    }

    /** TTL, or -1 when absent (or, on a Via built without parsing, not a number in 0-255). */
    public int ttl() {
        String t = params.get("ttl");
        return t == null ? -1 : parseBounded(t, 255);
    }

    /** True when an {@code rport} parameter is present, with or without a value (RFC 3581). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The rport value, or -1 when absent, written without a value (or, on a Via built without parsing, not a port). */
    public int rport() {
        String r = params.get("rport");
        return r == null ? -1 : parseBounded(r, 65_535);
    }

    /** The sent-by as {@code host[:port]}. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    /** The same Via with parameter {@code name} set to {@code value}: in its place when present, else appended. */
    public Via withParam(String name, String value) {
        var ps = new java.util.ArrayList<>(params.list());
        Param p = new Param(name, value);
        int at = -1;
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).name().equalsIgnoreCase(name)) {
                at = i;
                break;
            }
        }
        ps.removeIf(q -> q.name().equalsIgnoreCase(name));
        if (at < 0) {
            ps.add(p);
        } else {
            ps.add(at, p);
        }
        return new Via(protocol, transport, host, port, new Params(ps));
    }

    @Override
    public String toString() {
        return protocol + "/" + transport + " " + sentBy() + params;
    }
}
