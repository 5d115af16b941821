package org.pstngw.sip.message;

/**
 * One Via value (RFC 3261 20.42, RFC 3581): {@code SIP/2.0/UDP host[:port];branch=..;received=..;rport[=n]}.
 * {@code port} is -1 when not written.
 */
public record Via(String protocol, String transport, String host, int port, Params params) {
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public static Via parse(String value) {
        Lexer lx = new Lexer(value);
        String name = lx.token("protocol name");
        lx.expect('/', "in Via sent-protocol");
        String version = lx.token("protocol version");
        lx.expect('/', "in Via sent-protocol");
        String transport = lx.token("transport");
        lx.skipWs();
        String hostport = lx.until("; \t,");
        if (hostport.isEmpty()) {
            throw new SipSyntaxException("missing Via sent-by");
        }
        String host;
        int port = -1;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0) {
                throw new SipSyntaxException("unterminated IPv6 reference in Via");
            }
            host = hostport.substring(0, end + 1);
            if (end + 1 < hostport.length()) {
                port = port(hostport, end + 1);
            }
        } else {
            int c = hostport.indexOf(':');
            host = c < 0 ? hostport : hostport.substring(0, c);
            if (c >= 0) {
                port = port(hostport, c);
            }
        }
        lx.skipWs();
        if (lx.peek() == ':') {
            lx.accept(':');
            port = port(":" + lx.token("port"), 0);
        }
        Params params = lx.params();
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text in Via: " + lx.rest());
        }
        number(params, "rport", 65_535);
        number(params, "ttl", 255);
        return new Via(name + "/" + version, transport, host, port, params);
    }

    /** RFC 3261 20.42 / RFC 3581: {@code ttl = 1*3DIGIT} (0-255), {@code rport [= 1*DIGIT]} (a port). */
    private static void number(Params params, String name, int max) {
        String v = params.get(name);
        if (v != null && parseBounded(v, max) < 0) {
            throw new SipSyntaxException("invalid Via " + name + " " + v);
        }
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

    /** The port written after the colon at {@code s[from]}: 1-5 digits (Integer.parseInt's signs refused too). */
    private static int port(String s, int from) {
        int len = s.length() - from - 1;
        if (len < 1 || s.charAt(from) != ':') {
            throw new SipSyntaxException("invalid Via port: " + s.substring(from));
        }
        long p = 0;
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9' || len > 10) {
                throw new SipSyntaxException("invalid Via port: " + s.substring(from));
            }
            p = p * 10 + (c - '0');
        }
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
