package org.pstngw.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sip or sips URI (RFC 3261 19.1.1). Parts are kept as written; {@link #user()} and friends decode %HH escapes on
 * access, {@link #raw()} re-serialises the original text.
 *
 * <pre>
 * SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
 * userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
 * </pre>
 */
public record SipUri(
        boolean secure,
        String rawUser,
        String rawPassword,
        String host,
        int port,
        Params params,
        List<Param> headers,
        String raw)
        implements Uri {

    public SipUri {
        headers = List.copyOf(headers);
    }

    public static SipUri parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SipSyntaxException("not a SIP URI: " + text);
        }
        String scheme = text.substring(0, colon);
        boolean secure;
        if (scheme.equalsIgnoreCase("sips")) {
            secure = true;
        } else if (scheme.equalsIgnoreCase("sip")) {
            secure = false;
        } else {
            throw new SipSyntaxException("not a SIP URI: " + text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) {
                throw new SipSyntaxException("invalid character in URI: " + text);
            }
        }
        String rest = text.substring(colon + 1);
        int at = rest.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            int pc = userinfo.indexOf(':');
            user = pc < 0 ? userinfo : userinfo.substring(0, pc);
            password = pc < 0 ? null : userinfo.substring(pc + 1);
            rest = rest.substring(at + 1);
        }
        int q = rest.indexOf('?');
        String headerPart = q < 0 ? null : rest.substring(q + 1);
        String main = q < 0 ? rest : rest.substring(0, q);
        int semi = main.startsWith("[") ? main.indexOf(';', Math.max(0, main.indexOf(']'))) : main.indexOf(';');
        String hostport = semi < 0 ? main : main.substring(0, semi);
        Params params = semi < 0 ? Params.EMPTY : new Lexer(main.substring(semi)).params();
        String host;
        int port = -1;
        if (hostport.startsWith("[")) {
            int end = hostport.indexOf(']');
            if (end < 0) {
                throw new SipSyntaxException("unterminated IPv6 reference: " + text);
            }
            host = hostport.substring(0, end + 1);
            String after = hostport.substring(end + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    throw new SipSyntaxException("junk after IPv6 reference: " + text);
                }
                port = parsePort(after.substring(1), text);
            }
        } else {
            int pc = hostport.indexOf(':');
            host = pc < 0 ? hostport : hostport.substring(0, pc);
            if (pc >= 0) {
                port = parsePort(hostport.substring(pc + 1), text);
            }
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
                    throw new SipSyntaxException("invalid host in URI: " + text);
                }
            }
        }
        if (host.isEmpty()) {
            throw new SipSyntaxException("missing host in URI: " + text);
        }
        List<Param> headers = new ArrayList<>(0);
        if (headerPart != null) {
            for (String h : headerPart.split("&", -1)) {
                int eq = h.indexOf('=');
                headers.add(eq < 0 ? new Param(h, "") : new Param(h.substring(0, eq), h.substring(eq + 1)));
            }
        }
        return new SipUri(secure, user, password, host, port, params, headers, text);
    }

    private static int parsePort(String p, String text) {
        if (p.isEmpty() || p.length() > 5) {
            throw new SipSyntaxException("invalid port in URI: " + text);
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipSyntaxException("invalid port in URI: " + text);
            }
            v = v * 10 + (c - '0');
        }
        if (v > 65535) {
            throw new SipSyntaxException("port out of range in URI: " + text);
        }
        return v;
    }

    /** Builds a URI from parts (user unescaped text is escaped where needed). */
    public static SipUri of(String user, String host, int port) {
        StringBuilder sb = new StringBuilder("sip:");
        if (user != null) {
            sb.append(user).append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return parse(sb.toString());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The user part with escapes decoded, or null. */
    public String user() {
        return rawUser == null ? null : Uri.unescape(rawUser);
    }

    /** The password with escapes decoded, or null. */
    public String password() {
        return rawPassword == null ? null : Uri.unescape(rawPassword);
    }

    /** The port, or {@code -1} when none is written. */
    public int portOrDefault() {
        return port >= 0 ? port : secure ? 5061 : 5060;
    }

    /** The value of URI parameter {@code name} with escapes decoded; null when absent or a flag. */
    public String param(String name) {
        for (Param p : params.list()) {
            if (Uri.unescape(p.name()).equalsIgnoreCase(name)) {
                return p.value() == null ? null : Uri.unescape(p.value());
            }
        }
        return null;
    }

    public String transport() {
        return param("transport");
    }

    public boolean lr() {
        return params.has("lr");
    }

    public String maddr() {
        return param("maddr");
    }

    /** The same URI with parameter {@code name} replaced or added. */
    public SipUri withParam(String name, String value) {
        List<Param> ps = new ArrayList<>(params.list());
        ps.removeIf(p -> p.name().equalsIgnoreCase(name));
        ps.add(new Param(name, value));
        return rebuild(new Params(ps), headers);
    }

    /** The same URI without any parameter or header (e.g. to compare or build a To). */
    public SipUri withoutParamsAndHeaders() {
        return rebuild(Params.EMPTY, List.of());
    }

    private SipUri rebuild(Params ps, List<Param> hs) {
        StringBuilder sb = new StringBuilder(scheme()).append(':');
        if (rawUser != null) {
            sb.append(rawUser);
            if (rawPassword != null) {
                sb.append(':').append(rawPassword);
            }
            sb.append('@');
        }
        sb.append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(ps);
        for (int i = 0; i < hs.size(); i++) {
            sb.append(i == 0 ? '?' : '&')
                    .append(hs.get(i).name())
                    .append('=')
                    .append(hs.get(i).value());
        }
        return parse(sb.toString());
    }

    /** RFC 3261 19.1.4 URI comparison. */
    @Override
    public boolean equivalent(Uri other) {
        if (!(other instanceof SipUri o) || o.secure != secure) {
            return false;
        }
        if (!Objects.equals(user(), o.user()) || !Objects.equals(password(), o.password())) {
            return false;
        }
        if (!host.equalsIgnoreCase(o.host) || port != o.port) {
            return false;
        }
        for (String must : new String[] {"user", "ttl", "method", "maddr", "transport"}) {
            if (params.has(must) != o.params.has(must)) {
                return false;
            }
        }
        for (Param p : params.list()) {
            var q = o.params.find(p.name());
            if (q.isPresent() && !eqIgnoreCase(unesc(p.value()), unesc(q.get().value()))) {
                return false;
            }
        }
        if (headers.size() != o.headers.size()) {
            return false;
        }
        for (Param h : headers) {
            boolean found = false;
            for (Param g : o.headers) {
                if (g.name().equalsIgnoreCase(h.name())
                        && Uri.unescape(g.value()).equals(Uri.unescape(h.value()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String unesc(String s) {
        return s == null ? null : Uri.unescape(s);
    }

    private static boolean eqIgnoreCase(String a, String b) {
        return a == null ? b == null : b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return raw;
    }
}
