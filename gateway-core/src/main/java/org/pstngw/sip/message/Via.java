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
                port = port(hostport.substring(end + 1));
            }
        } else {
            int c = hostport.indexOf(':');
            host = c < 0 ? hostport : hostport.substring(0, c);
            if (c >= 0) {
                port = port(hostport.substring(c));
            }
        }
        lx.skipWs();
        if (lx.peek() == ':') {
            lx.accept(':');
            port = Integer.parseInt(lx.token("port"));
        }
        Params params = lx.params();
        lx.skipWs();
        if (!lx.atEnd()) {
            throw new SipSyntaxException("unexpected text in Via: " + lx.rest());
        }
        return new Via(name + "/" + version, transport, host, port, params);
    }

    private static int port(String colonPort) {
        if (colonPort.length() < 2 || colonPort.charAt(0) != ':') {
            throw new SipSyntaxException("invalid Via port: " + colonPort);
        }
        try {
            int p = Integer.parseInt(colonPort.substring(1));
            if (p < 0 || p > 65535) {
                throw new SipSyntaxException("Via port out of range: " + p);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new SipSyntaxException("invalid Via port: " + colonPort);
        }
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

    /** TTL, or -1. */
    public int ttl() {
        String t = params.get("ttl");
        return t == null ? -1 : Integer.parseInt(t);
    }

    /** True when an {@code rport} parameter is present, with or without a value (RFC 3581). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The rport value, or -1 when absent or written without a value. */
    public int rport() {
        String r = params.get("rport");
        return r == null ? -1 : Integer.parseInt(r);
    }

    /** The sent-by as {@code host[:port]}. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    public Via withParam(String name, String value) {
        var ps = new java.util.ArrayList<>(params.list());
        ps.removeIf(p -> p.name().equalsIgnoreCase(name));
        ps.add(new Param(name, value));
        return new Via(protocol, transport, host, port, new Params(ps));
    }

    @Override
    public String toString() {
        return protocol + "/" + transport + " " + sentBy() + params;
    }
}
